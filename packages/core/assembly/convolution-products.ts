// Convolution gradients as matrix products, with the kernel as a (25 * in) x out matrix
// K[r][o], row r = tap * inputMaps + c:
// - the input gradient of any 5x5 convolution: for each input map c and pair of taps, the
//   products D[r][p] = sum over c's links (c -> o) of K[r][o] * dy[o][p], vectorised over output
//   positions p, then gathered into place: dx[c][Y][X] = sum over taps of D[r][Y - ky][X - kx];
// - the weight gradient of a full convolution (every input map feeds every output map; tfjs's
//   kernel [5, 5, in, out]) with output maps in whole groups of 16: vectorised over output maps,
//   the output gradient transposed to [position][map] first.
// No lane is lost to a map's edge, no horizontal sum is taken and no product with the zero
// padding of a full correlation is made, which the link-by-link kernels of convolution.ts would.
import { FLOATS_PER_VECTOR, MAX_LINKS_PER_INPUT, PRODUCTS_GUARD_FLOATS, WEIGHT_GRADIENT_MAP_BLOCK as MAP_BLOCK } from '../src/engine/kernel-constants';
import { accumulateBiasGradient, linkField } from './convolution';
import { at, chunkStart } from './memory';

// MAP_BLOCK: output maps that one pass of the weight-gradient kernel covers (four vectors);
// MAX_LINKS_PER_INPUT: the most links one input map may have (the engine's plan checks it).
// Both are shared with the engine's TypeScript (src/engine/kernel-constants.ts).
// The links of the input map at hand, a pair of u32 each: the byte offset of its output map in an
// image's output gradient, and of its weights (tap 0) in the kernel.
const LINK_TABLE = memory.data(MAX_LINKS_PER_INPUT * 8, 16);

/** The floats of one row of products: the output area rounded up to whole vectors. */
// @ts-ignore: decorator
@inline export function productRow(outArea: i32): i32 {
  return (outArea + FLOATS_PER_VECTOR - 1) & ~(FLOATS_PER_VECTOR - 1);
}

/**
 * Accumulates the weight gradient (tfjs's layout) and the bias gradient of a full convolution
 * with a multiple of 16 output maps over `batch` images. `scratch` holds outArea * outputMaps
 * floats.
 */
export function fullWeightGradients(
  batch: i32, input: usize, inputMaps: i32, height: i32, width: i32,
  outputGradient: usize, outputMaps: i32, weightGradient: usize, biasGradient: usize, scratch: usize,
): void {
  const outHeight = height - 4;
  const outWidth = width - 4;
  const outArea = outHeight * outWidth;
  const inArea = height * width;
  const transposed = scratch;
  for (let image = 0; image < batch; image++) {
    const imageIn = input + (<usize>(image * inputMaps * inArea) << 2);
    const dy = outputGradient + (<usize>(image * outputMaps * outArea) << 2);
    accumulateBiasGradient(dy, outputMaps, outArea, biasGradient);
    for (let o = 0; o < outputMaps; o++) {
      const map = dy + (<usize>(o * outArea) << 2);
      for (let p = 0; p < outArea; p++) store<f32>(at(transposed, p * outputMaps + o), load<f32>(at(map, p)));
    }
    for (let block = 0; block < outputMaps; block += MAP_BLOCK) {
      for (let c = 0; c < inputMaps; c++) {
        for (let tap = 0; tap < 25; tap += 2) {
          const next = tap + 1 < 25 ? tap + 1 : tap;
          const dw0 = at(weightGradient, (tap * inputMaps + c) * outputMaps + block);
          const dw1: usize = next == tap ? 0 : at(weightGradient, (next * inputMaps + c) * outputMaps + block);
          weightGradientPair(at(imageIn, c * inArea), width, at(transposed, block), outputMaps, outHeight, outWidth, tap, next, dw0, dw1);
        }
      }
    }
  }
}

/**
 * Writes the input gradient of {@link convolutionForward} for `batch` images; `linksByInput`
 * lists the links grouped by input map, as the forward pass takes them. `scratch` holds
 * 25 * inputMaps * productRow(outArea) + 2 * PRODUCTS_GUARD_FLOATS floats (the products start
 * PRODUCTS_GUARD_FLOATS in: masked lanes read up to four floats on either side of them); the
 * output gradient may be read up to three floats past its last map.
 */
export function convolutionInputGradient(
  batch: i32, inputMaps: i32, height: i32, width: i32, outputGradient: usize, outputMaps: i32,
  weights: usize, tapStride: i32, linksByInput: usize, linkCount: i32, inputGradient: usize, scratch: usize,
): void {
  const outArea = (height - 4) * (width - 4);
  const inArea = height * width;
  const row = productRow(outArea);
  const products = scratch + (<usize>PRODUCTS_GUARD_FLOATS << 2);
  // Input maps without links get no products: zeros, so that their gradient is zero.
  let linked = 0;
  for (let link = 0; link < linkCount; link++) if (link == 0 || linkField(linksByInput, link, 0) != linkField(linksByInput, link - 1, 0)) linked++;
  if (linked < inputMaps) memory.fill(products, 0, <usize>(25 * inputMaps * row) << 2);
  for (let image = 0; image < batch; image++) {
    const dy = outputGradient + (<usize>(image * outputMaps * outArea) << 2);
    for (let link = 0; link < linkCount; ) {
      const c = linkField(linksByInput, link, 0);
      let end = link + 1;
      while (end < linkCount && linkField(linksByInput, end, 0) == c) end++;
      for (let j = link; j < end; j++) {
        store<u32>(LINK_TABLE + (<usize>(j - link) << 3), <u32>(linkField(linksByInput, j, 1) * outArea) << 2);
        store<u32>(LINK_TABLE + (<usize>(j - link) << 3), <u32>linkField(linksByInput, j, 2) << 2, 4);
      }
      for (let tap = 0; tap < 25; tap += 2) {
        const next = tap + 1 < 25 ? tap + 1 : tap;
        productsPair(dy, outArea, end - link, weights, tapStride, tap, next, at(products, (tap * inputMaps + c) * row), at(products, (next * inputMaps + c) * row));
      }
      link = end;
    }
    gatherInputGradient(products, inputMaps, height, width, inputGradient + (<usize>(image * inputMaps * inArea) << 2));
  }
}

/**
 * dx[c][Y][X] = sum over taps (ky, kx) of products[(ky * 5 + kx) * inputMaps + c][Y - ky][X - kx]
 * (terms outside the output map are zero), four columns at a time: each chunk of dx is summed
 * in a register and stored once (a last chunk that overlaps the one before stores the same
 * values again), so no store waits for an earlier overlapping one.
 */
function gatherInputGradient(products: usize, inputMaps: i32, height: i32, width: i32, imageInGradient: usize): void {
  const outHeight = height - 4;
  const outWidth = width - 4;
  const row = productRow(outHeight * outWidth);
  const chunks = (width + 3) >> 2;
  const lanes = i32x4(0, 1, 2, 3);
  for (let c = 0; c < inputMaps; c++) {
    const target = at(imageInGradient, c * height * width);
    for (let chunk = 0; chunk < chunks; chunk++) {
      const x = chunkStart(chunk, width);
      // Lane l of tap column kx reads products column x + l - kx: kept where that is in the map.
      const m0 = columnMask(lanes, x, outWidth), m1 = columnMask(lanes, x - 1, outWidth), m2 = columnMask(lanes, x - 2, outWidth);
      const m3 = columnMask(lanes, x - 3, outWidth), m4 = columnMask(lanes, x - 4, outWidth);
      for (let y = 0; y < height; y++) {
        let sum = f32x4.splat(0);
        const kyStart = max(0, y - outHeight + 1);
        const kyEnd = min(5, y + 1);
        for (let ky = kyStart; ky < kyEnd; ky++) {
          // Row y - ky of the products of taps (ky, 0..4), each tap's block outArea * inputMaps further on.
          let source = at(products, (ky * 5 * inputMaps + c) * row + (y - ky) * outWidth + x);
          const tapBytes = <usize>(inputMaps * row - 1) << 2;
          sum = f32x4.add(sum, v128.and(v128.load(source), m0));
          source += tapBytes;
          sum = f32x4.add(sum, v128.and(v128.load(source), m1));
          source += tapBytes;
          sum = f32x4.add(sum, v128.and(v128.load(source), m2));
          source += tapBytes;
          sum = f32x4.add(sum, v128.and(v128.load(source), m3));
          source += tapBytes;
          sum = f32x4.add(sum, v128.and(v128.load(source), m4));
        }
        v128.store(at(target, y * width + x), sum);
      }
    }
  }
}

// @ts-ignore: decorator
@inline function columnMask(lanes: v128, first: i32, outWidth: i32): v128 {
  const column = i32x4.add(lanes, i32x4.splat(first));
  return v128.and(i32x4.ge_s(column, i32x4.splat(0)), i32x4.lt_s(column, i32x4.splat(outWidth)));
}

/**
 * dw_t[o] += sum over positions (y, x) of dy[y][x][o] * in[y + ky_t][x + kx_t] for two taps t
 * of one input map and 16 output maps (eight accumulators); `dw1` 0 when the second tap is the
 * first again (its sums are dropped).
 */
function weightGradientPair(inMap: usize, width: i32, transposed: usize, outputMaps: i32, outHeight: i32, outWidth: i32, tap0: i32, tap1: i32, dw0: usize, dw1: usize): void {
  let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
  let b0 = f32x4.splat(0), b1 = f32x4.splat(0), b2 = f32x4.splat(0), b3 = f32x4.splat(0);
  const positionBytes = <usize>outputMaps << 2;
  for (let y = 0; y < outHeight; y++) {
    let g = transposed + <usize>(y * outWidth) * positionBytes;
    let first = at(inMap, (y + tap0 / 5) * width + tap0 % 5);
    let second = at(inMap, (y + tap1 / 5) * width + tap1 % 5);
    for (let x = 0; x < outWidth; x++) {
      const g0 = v128.load(g), g1 = v128.load(g, 16), g2 = v128.load(g, 32), g3 = v128.load(g, 48);
      const s = v128.load32_splat(first);
      const t = v128.load32_splat(second);
      a0 = f32x4.add(a0, f32x4.mul(g0, s));
      a1 = f32x4.add(a1, f32x4.mul(g1, s));
      a2 = f32x4.add(a2, f32x4.mul(g2, s));
      a3 = f32x4.add(a3, f32x4.mul(g3, s));
      b0 = f32x4.add(b0, f32x4.mul(g0, t));
      b1 = f32x4.add(b1, f32x4.mul(g1, t));
      b2 = f32x4.add(b2, f32x4.mul(g2, t));
      b3 = f32x4.add(b3, f32x4.mul(g3, t));
      g += positionBytes;
      first += 4;
      second += 4;
    }
  }
  addVectors(dw0, a0, a1, a2, a3);
  if (dw1 != 0) addVectors(dw1, b0, b1, b2, b3);
}

// @ts-ignore: decorator
@inline function addVectors(target: usize, s0: v128, s1: v128, s2: v128, s3: v128): void {
  v128.store(target, f32x4.add(v128.load(target), s0));
  v128.store(target, f32x4.add(v128.load(target, 16), s1), 16);
  v128.store(target, f32x4.add(v128.load(target, 32), s2), 32);
  v128.store(target, f32x4.add(v128.load(target, 48), s3), 48);
}

/**
 * out_j[p] = sum over the `count` links in LINK_TABLE (c -> o, weight offset w)
 * of dy[o][p] * weights[w + tap_j * tapStride] for two taps j, 16 positions at a time (eight
 * accumulators), then four (the last vector may run past the output area, into the row's padding).
 */
function productsPair(dy: usize, outArea: i32, count: i32, weights: usize, tapStride: i32, tap0: i32, tap1: i32, out0: usize, out1: usize): void {
  const first = weights + (<usize>(tap0 * tapStride) << 2);
  const second = weights + (<usize>(tap1 * tapStride) << 2);
  const tableEnd = LINK_TABLE + (<usize>count << 3);
  let p = 0;
  for (; p + 16 <= outArea; p += 16) {
    let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
    let b0 = f32x4.splat(0), b1 = f32x4.splat(0), b2 = f32x4.splat(0), b3 = f32x4.splat(0);
    const positions = at(dy, p);
    for (let entry = LINK_TABLE; entry < tableEnd; entry += 8) {
      const d = positions + <usize>load<u32>(entry);
      const w = <usize>load<u32>(entry, 4);
      const d0 = v128.load(d), d1 = v128.load(d, 16), d2 = v128.load(d, 32), d3 = v128.load(d, 48);
      const s = v128.load32_splat(first + w);
      const t = v128.load32_splat(second + w);
      a0 = f32x4.add(a0, f32x4.mul(d0, s));
      a1 = f32x4.add(a1, f32x4.mul(d1, s));
      a2 = f32x4.add(a2, f32x4.mul(d2, s));
      a3 = f32x4.add(a3, f32x4.mul(d3, s));
      b0 = f32x4.add(b0, f32x4.mul(d0, t));
      b1 = f32x4.add(b1, f32x4.mul(d1, t));
      b2 = f32x4.add(b2, f32x4.mul(d2, t));
      b3 = f32x4.add(b3, f32x4.mul(d3, t));
    }
    storeVectors(at(out0, p), a0, a1, a2, a3);
    storeVectors(at(out1, p), b0, b1, b2, b3);
  }
  for (; p < outArea; p += 4) {
    let a = f32x4.splat(0), b = f32x4.splat(0);
    const positions = at(dy, p);
    for (let entry = LINK_TABLE; entry < tableEnd; entry += 8) {
      const value = v128.load(positions + <usize>load<u32>(entry));
      const w = <usize>load<u32>(entry, 4);
      a = f32x4.add(a, f32x4.mul(value, v128.load32_splat(first + w)));
      b = f32x4.add(b, f32x4.mul(value, v128.load32_splat(second + w)));
    }
    v128.store(at(out0, p), a);
    v128.store(at(out1, p), b);
  }
}

// @ts-ignore: decorator
@inline function storeVectors(target: usize, s0: v128, s1: v128, s2: v128, s3: v128): void {
  v128.store(target, s0);
  v128.store(target, s1, 16);
  v128.store(target, s2, 32);
  v128.store(target, s3, 48);
}
