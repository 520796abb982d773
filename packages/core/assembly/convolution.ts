// 5x5 valid convolutions over a list of links (input map, output map, weight offset), one
// image after another, maps stored planar ([map][row][column]), vectorised over columns.
// Weights of link l and tap t = ky * 5 + kx live at weights[offset_l + t * tapStride]: a dense
// tfjs kernel [5, 5, in, out] has offset c * out + o and tapStride in * out; PartialConv2D's
// [5, 5, links] has offset l and tapStride links.
//
// Register blocking: a multiply-add chain into one accumulator waits for the previous add, so a
// kernel with two accumulators runs at a third of the machine's SIMD rate. The kernels here keep
// eight or nine (forward: four maps that share a source map x two rows, or three maps x three
// rows, so that six or ten links of a map leave no block of two) or ten (weight gradient: two
// links that share an input map x five taps) independent sums in registers. Every sum adds its
// terms in the same order as a one-link-at-a-time loop would, so results do not depend on the
// blocking. The input gradient, and the weight gradient of full convolutions with 16k output
// maps, are matrix products: convolution-products.ts.
import { at, chunkMask, chunkStart, horizontalSum, tailMask } from './memory';

/** Maps that one source map's loads feed at once. */
const BLOCK = 4;
// Each block's 25 taps x 4 maps of weights, splatted to all four lanes: SPLATS[tap][map].
const SPLATS = memory.data(25 * BLOCK * 16, 16);
// Each block's target maps (byte offsets).
const TARGETS = memory.data(BLOCK * 4, 4);

// @ts-ignore: decorator
@inline export function linkField(links: usize, link: i32, field: i32): i32 {
  return load<i32>(links + (<usize>(link * 3 + field) << 2));
}

/**
 * How many links from `link` on share the map in `field` (0: input, 1: output) and are taken as
 * one block: four, or three when the links left of that map would otherwise end in a block of one
 * or two (six links go as 3 + 3, ten as 3 + 3 + 4), so that few accumulators work on zero weights.
 */
function blockLength(links: usize, link: i32, linkCount: i32, field: i32): i32 {
  const map = linkField(links, link, field);
  let run = 1;
  while (link + run < linkCount && linkField(links, link + run, field) == map) run++;
  if (run == 3 || (run > 5 && (run & 3) != 0)) return 3;
  return min(run, BLOCK);
}

/**
 * Fills SPLATS with the kernels of links [link, link + count): tap t of block map m is
 * weights[offset + t * tapStride]. Maps from `count` to BLOCK get zero weights.
 */
function splatKernels(links: usize, link: i32, count: i32, weights: usize, tapStride: i32): void {
  for (let m = 0; m < BLOCK; m++) {
    const w = m < count ? weights + (<usize>linkField(links, link + m, 2) << 2) : 0;
    for (let tap = 0; tap < 25; tap++) {
      const value = m < count ? f32x4.splat(load<f32>(w + (<usize>(tap * tapStride) << 2))) : f32x4.splat(0);
      v128.store(SPLATS + (<usize>(tap * BLOCK + m) << 4), value);
    }
  }
}

/**
 * target_m += source (x) SPLATS[.][m] for the block's `count` maps, a valid 5x5 correlation of
 * a sourceHeight x sourceWidth map into (sourceHeight - 4) x (sourceWidth - 4) targets whose
 * addresses are in TARGETS. Two target rows at a time (an odd last row is computed twice and
 * stored once) x four maps: eight accumulators.
 */
function correlateBlock(count: i32, source: usize, sourceHeight: i32, sourceWidth: i32): void {
  const height = sourceHeight - 4;
  const width = sourceWidth - 4;
  const chunks = (width + 3) >> 2;
  const mask = tailMask(width);
  const rowBytes = <usize>sourceWidth << 2;
  const target0 = load<usize>(TARGETS);
  const target1 = load<usize>(TARGETS, 4);
  const target2 = load<usize>(TARGETS, 8);
  const target3 = load<usize>(TARGETS, 12);
  for (let y = 0; y < height; y += 2) {
    const second = y + 1 < height;
    const below = second ? rowBytes : 0;
    for (let chunk = 0; chunk < chunks; chunk++) {
      const x = chunkStart(chunk, width);
      let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
      let b0 = f32x4.splat(0), b1 = f32x4.splat(0), b2 = f32x4.splat(0), b3 = f32x4.splat(0);
      let row = source + (<usize>(y * sourceWidth + x) << 2);
      let w = SPLATS;
      for (let ky = 0; ky < 5; ky++) {
        let p = row;
        for (let kx = 0; kx < 5; kx++) {
          const top = v128.load(p);
          const bottom = v128.load(p + below);
          let weight = v128.load(w);
          a0 = f32x4.add(a0, f32x4.mul(top, weight));
          b0 = f32x4.add(b0, f32x4.mul(bottom, weight));
          weight = v128.load(w, 16);
          a1 = f32x4.add(a1, f32x4.mul(top, weight));
          b1 = f32x4.add(b1, f32x4.mul(bottom, weight));
          weight = v128.load(w, 32);
          a2 = f32x4.add(a2, f32x4.mul(top, weight));
          b2 = f32x4.add(b2, f32x4.mul(bottom, weight));
          weight = v128.load(w, 48);
          a3 = f32x4.add(a3, f32x4.mul(top, weight));
          b3 = f32x4.add(b3, f32x4.mul(bottom, weight));
          p += 4;
          w += 64;
        }
        row += rowBytes;
      }
      const keep = chunkMask(chunk, width, mask);
      const offset = <usize>(y * width + x) << 2;
      const offsetBelow = offset + (<usize>width << 2);
      addMasked(target0 + offset, a0, keep);
      if (second) addMasked(target0 + offsetBelow, b0, keep);
      if (count > 1) {
        addMasked(target1 + offset, a1, keep);
        if (second) addMasked(target1 + offsetBelow, b1, keep);
      }
      if (count > 2) {
        addMasked(target2 + offset, a2, keep);
        if (second) addMasked(target2 + offsetBelow, b2, keep);
      }
      if (count > 3) {
        addMasked(target3 + offset, a3, keep);
        if (second) addMasked(target3 + offsetBelow, b3, keep);
      }
    }
  }
}

/**
 * {@link correlateBlock} for a block of three maps (at least three target rows): three target
 * rows at a time x three maps, nine accumulators. When the rows do not divide by three, the last
 * group starts at height - 3 and stores only the rows no earlier group stored.
 */
function correlateBlockOfThree(source: usize, sourceHeight: i32, sourceWidth: i32): void {
  const height = sourceHeight - 4;
  const width = sourceWidth - 4;
  const chunks = (width + 3) >> 2;
  const mask = tailMask(width);
  const rowBytes = <usize>sourceWidth << 2;
  const target0 = load<usize>(TARGETS);
  const target1 = load<usize>(TARGETS, 4);
  const target2 = load<usize>(TARGETS, 8);
  for (let start = 0; start < height; start += 3) {
    const y = min(start, height - 3);
    const stored = start - y;
    for (let chunk = 0; chunk < chunks; chunk++) {
      const x = chunkStart(chunk, width);
      let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0);
      let b0 = f32x4.splat(0), b1 = f32x4.splat(0), b2 = f32x4.splat(0);
      let c0 = f32x4.splat(0), c1 = f32x4.splat(0), c2 = f32x4.splat(0);
      let row = source + (<usize>(y * sourceWidth + x) << 2);
      let w = SPLATS;
      for (let ky = 0; ky < 5; ky++) {
        let p = row;
        for (let kx = 0; kx < 5; kx++) {
          const top = v128.load(p);
          const middle = v128.load(p + rowBytes);
          const bottom = v128.load(p + (rowBytes << 1));
          let weight = v128.load(w);
          a0 = f32x4.add(a0, f32x4.mul(top, weight));
          b0 = f32x4.add(b0, f32x4.mul(middle, weight));
          c0 = f32x4.add(c0, f32x4.mul(bottom, weight));
          weight = v128.load(w, 16);
          a1 = f32x4.add(a1, f32x4.mul(top, weight));
          b1 = f32x4.add(b1, f32x4.mul(middle, weight));
          c1 = f32x4.add(c1, f32x4.mul(bottom, weight));
          weight = v128.load(w, 32);
          a2 = f32x4.add(a2, f32x4.mul(top, weight));
          b2 = f32x4.add(b2, f32x4.mul(middle, weight));
          c2 = f32x4.add(c2, f32x4.mul(bottom, weight));
          p += 4;
          w += 64;
        }
        row += rowBytes;
      }
      const keep = chunkMask(chunk, width, mask);
      const rowOffset = <usize>width << 2;
      const offset = <usize>(y * width + x) << 2;
      if (stored == 0) {
        addMasked(target0 + offset, a0, keep);
        addMasked(target1 + offset, a1, keep);
        addMasked(target2 + offset, a2, keep);
      }
      if (stored <= 1) {
        addMasked(target0 + offset + rowOffset, b0, keep);
        addMasked(target1 + offset + rowOffset, b1, keep);
        addMasked(target2 + offset + rowOffset, b2, keep);
      }
      addMasked(target0 + offset + (rowOffset << 1), c0, keep);
      addMasked(target1 + offset + (rowOffset << 1), c1, keep);
      addMasked(target2 + offset + (rowOffset << 1), c2, keep);
    }
  }
}

// @ts-ignore: decorator
@inline function addMasked(target: usize, sum: v128, keep: v128): void {
  v128.store(target, f32x4.add(v128.load(target), v128.and(sum, keep)));
}

/**
 * out[o] = bias[o] + sum over links (c -> o) of in[c] (*) w_link, for `batch` images; output
 * maps at least 4 wide. `links` holds `linkCount` triplets of i32 (input map, output map,
 * weight offset), grouped by input map (the engine's `linksByInput`) so that up to four links
 * share each load of their input; for each output map, its links come in the order its terms
 * are added.
 */
export function convolutionForward(
  batch: i32, input: usize, inputMaps: i32, height: i32, width: i32,
  output: usize, outputMaps: i32, weights: usize, tapStride: i32, links: usize, linkCount: i32, bias: usize,
): void {
  const outArea = (height - 4) * (width - 4);
  const inArea = height * width;
  for (let image = 0; image < batch; image++) {
    const imageOut = output + (<usize>(image * outputMaps * outArea) << 2);
    for (let o = 0; o < outputMaps; o++) {
      const value = load<f32>(at(bias, o));
      const map = imageOut + (<usize>(o * outArea) << 2);
      for (let index = 0; index < outArea; index++) store<f32>(at(map, index), value);
    }
  }
  for (let link = 0; link < linkCount; ) {
    const count = blockLength(links, link, linkCount, 0);
    splatKernels(links, link, count, weights, tapStride);
    const c = linkField(links, link, 0);
    for (let image = 0; image < batch; image++) {
      const imageOut = output + (<usize>(image * outputMaps * outArea) << 2);
      for (let m = 0; m < count; m++) store<usize>(TARGETS + (<usize>m << 2), (imageOut + (<usize>(linkField(links, link + m, 1) * outArea) << 2)));
      const source = input + (<usize>((image * inputMaps + c) * inArea) << 2);
      if (count == 3 && height >= 7) correlateBlockOfThree(source, height, width);
      else correlateBlock(count, source, height, width);
    }
    link += count;
  }
}

/** biasGradient[o] += the sum of output gradient map o of one image. */
export function accumulateBiasGradient(imageOutGradient: usize, outputMaps: i32, outArea: i32, biasGradient: usize): void {
  for (let o = 0; o < outputMaps; o++) {
    const map = imageOutGradient + (<usize>(o * outArea) << 2);
    let sum: f32 = 0;
    for (let index = 0; index < outArea; index++) sum += load<f32>(at(map, index));
    store<f32>(at(biasGradient, o), load<f32>(at(biasGradient, o)) + sum);
  }
}

/**
 * Accumulates the weight gradient (laid out as the weights) and the bias gradient of
 * {@link convolutionForward} over `batch` images, two links that share an input map at a time;
 * `linksByInput` lists the links as {@link convolutionForward} takes them.
 */
export function convolutionWeightGradients(
  batch: i32, input: usize, inputMaps: i32, height: i32, width: i32,
  outputGradient: usize, outputMaps: i32, tapStride: i32, linksByInput: usize, linkCount: i32,
  weightGradient: usize, biasGradient: usize,
): void {
  const outHeight = height - 4;
  const outWidth = width - 4;
  const outArea = outHeight * outWidth;
  const inArea = height * width;
  for (let image = 0; image < batch; image++) {
    const imageIn = input + (<usize>(image * inputMaps * inArea) << 2);
    const imageOutGradient = outputGradient + (<usize>(image * outputMaps * outArea) << 2);
    accumulateBiasGradient(imageOutGradient, outputMaps, outArea, biasGradient);
    for (let link = 0; link < linkCount; ) {
      const pair = link + 1 < linkCount && linkField(linksByInput, link + 1, 0) == linkField(linksByInput, link, 0) ? 2 : 1;
      const c = linkField(linksByInput, link, 0);
      const gradient0 = imageOutGradient + (<usize>(linkField(linksByInput, link, 1) * outArea) << 2);
      const gradient1 = imageOutGradient + (<usize>(linkField(linksByInput, link + pair - 1, 1) * outArea) << 2);
      const weightGradient0 = weightGradient + (<usize>linkField(linksByInput, link, 2) << 2);
      const weightGradient1 = pair == 2 ? weightGradient + (<usize>linkField(linksByInput, link + 1, 2) << 2) : 0;
      accumulateWeightGradients(imageIn + (<usize>(c * inArea) << 2), width, gradient0, gradient1, outHeight, outWidth, weightGradient0, weightGradient1, tapStride);
      link += pair;
    }
  }
}

/**
 * dw[ky][kx] += sum over y, x of gradient[y][x] * in[y + ky][x + kx] for two links that share
 * the input map (ten accumulators: two links x five taps of a row); `weightGradient1` 0 for a
 * single link (`gradient1` is then read but its sums are dropped).
 */
function accumulateWeightGradients(inMap: usize, width: i32, gradient0: usize, gradient1: usize, outHeight: i32, outWidth: i32, weightGradient0: usize, weightGradient1: usize, tapStride: i32): void {
  const chunks = (outWidth + 3) >> 2;
  const mask = tailMask(outWidth);
  const overlapping = (outWidth & 3) == 0 ? -1 : chunks - 1;
  for (let ky = 0; ky < 5; ky++) {
    let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0), a4 = f32x4.splat(0);
    let b0 = f32x4.splat(0), b1 = f32x4.splat(0), b2 = f32x4.splat(0), b3 = f32x4.splat(0), b4 = f32x4.splat(0);
    for (let y = 0; y < outHeight; y++) {
      const gradientOffset = <usize>(y * outWidth) << 2;
      const inRow = inMap + (<usize>((y + ky) * width) << 2);
      for (let chunk = 0; chunk < chunks; chunk++) {
        const x = chunkStart(chunk, outWidth);
        let first = v128.load(at(gradient0 + gradientOffset, x));
        let second = v128.load(at(gradient1 + gradientOffset, x));
        // Only a last chunk that overlaps the one before is masked (a branch, not two vector ops a chunk).
        if (chunk == overlapping) {
          first = v128.and(first, mask);
          second = v128.and(second, mask);
        }
        const row = at(inRow, x);
        let value = v128.load(row);
        a0 = f32x4.add(a0, f32x4.mul(first, value));
        b0 = f32x4.add(b0, f32x4.mul(second, value));
        value = v128.load(row, 4);
        a1 = f32x4.add(a1, f32x4.mul(first, value));
        b1 = f32x4.add(b1, f32x4.mul(second, value));
        value = v128.load(row, 8);
        a2 = f32x4.add(a2, f32x4.mul(first, value));
        b2 = f32x4.add(b2, f32x4.mul(second, value));
        value = v128.load(row, 12);
        a3 = f32x4.add(a3, f32x4.mul(first, value));
        b3 = f32x4.add(b3, f32x4.mul(second, value));
        value = v128.load(row, 16);
        a4 = f32x4.add(a4, f32x4.mul(first, value));
        b4 = f32x4.add(b4, f32x4.mul(second, value));
      }
    }
    const tap = ky * 5;
    addTaps(weightGradient0, tap, tapStride, a0, a1, a2, a3, a4);
    if (weightGradient1 != 0) addTaps(weightGradient1, tap, tapStride, b0, b1, b2, b3, b4);
  }
}

// @ts-ignore: decorator
@inline function addTaps(weightGradient: usize, tap: i32, tapStride: i32, s0: v128, s1: v128, s2: v128, s3: v128, s4: v128): void {
  addTo(at(weightGradient, tap * tapStride), horizontalSum(s0));
  addTo(at(weightGradient, (tap + 1) * tapStride), horizontalSum(s1));
  addTo(at(weightGradient, (tap + 2) * tapStride), horizontalSum(s2));
  addTo(at(weightGradient, (tap + 3) * tapStride), horizontalSum(s3));
  addTo(at(weightGradient, (tap + 4) * tapStride), horizontalSum(s4));
}

// @ts-ignore: decorator
@inline function addTo(address: usize, value: f32): void {
  store<f32>(address, load<f32>(address) + value);
}
