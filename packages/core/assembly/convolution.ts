// 5x5 valid convolutions over a list of links (input map, output map, weight offset), one
// image after another, maps stored planar ([map][row][column]), vectorised over columns.
// Weights of link l and tap t = ky * 5 + kx live at weights[offset_l + t * tapStride]: a dense
// tfjs kernel [5, 5, in, out] has offset c * out + o and tapStride in * out; PartialConv2D's
// [5, 5, links] has offset l and tapStride links.
import { at, horizontalSum, splatWeight } from './memory';

// Rows are processed in chunks of four columns. When the width is not a multiple of four, the
// last chunk starts at width - 4 and a lane mask keeps only the columns no earlier chunk covered.

// @ts-ignore: decorator
@inline function tailMask(width: i32): v128 {
  const covered = 4 - (width & 3);
  return i32x4(covered <= 0 ? -1 : 0, covered <= 1 ? -1 : 0, covered <= 2 ? -1 : 0, -1);
}

// @ts-ignore: decorator
@inline function chunkStart(chunk: i32, width: i32): i32 {
  const start = chunk << 2;
  return start + 4 > width ? width - 4 : start;
}

// @ts-ignore: decorator
@inline function chunkMask(chunk: i32, width: i32, mask: v128): v128 {
  return (chunk << 2) + 4 > width ? mask : i32x4.splat(-1);
}

/**
 * out[o] = bias[o] + sum over links (c -> o) of in[c] (*) w_link, for `batch` images; output
 * maps at least 4 wide. `links` holds `linkCount` triplets of i32 (input map, output map,
 * weight offset).
 */
export function convolutionForward(
  batch: i32, input: usize, inputMaps: i32, height: i32, width: i32,
  output: usize, outputMaps: i32, weights: usize, tapStride: i32, links: usize, linkCount: i32, bias: usize,
): void {
  const outHeight = height - 4;
  const outWidth = width - 4;
  const outArea = outHeight * outWidth;
  const inArea = height * width;
  const chunks = (outWidth + 3) >> 2;
  const mask = tailMask(outWidth);
  for (let image = 0; image < batch; image++) {
    const imageIn = input + (<usize>(image * inputMaps * inArea) << 2);
    const imageOut = output + (<usize>(image * outputMaps * outArea) << 2);
    for (let o = 0; o < outputMaps; o++) {
      const value = load<f32>(at(bias, o));
      const map = imageOut + (<usize>(o * outArea) << 2);
      for (let index = 0; index < outArea; index++) store<f32>(at(map, index), value);
    }
    for (let link = 0; link < linkCount; link++) {
      const c = load<i32>(links + (<usize>(link * 3) << 2));
      const o = load<i32>(links + (<usize>(link * 3 + 1) << 2));
      const w = weights + (<usize>load<i32>(links + (<usize>(link * 3 + 2) << 2)) << 2);
      const inMap = imageIn + (<usize>(c * inArea) << 2);
      const outMap = imageOut + (<usize>(o * outArea) << 2);
      // Two output rows at a time share each weight splat; an odd last row is computed twice.
      for (let y = 0; y < outHeight; y += 2) {
        const second = y + 1 < outHeight ? 1 : 0;
        const outRow = outMap + (<usize>(y * outWidth) << 2);
        const outRowBelow = outRow + (<usize>(second * outWidth) << 2);
        const below = <usize>(second * width) << 2;
        for (let chunk = 0; chunk < chunks; chunk++) {
          const x = chunkStart(chunk, outWidth);
          let sum = f32x4.splat(0);
          let sumBelow = f32x4.splat(0);
          for (let ky = 0; ky < 5; ky++) {
            const row = inMap + (<usize>((y + ky) * width + x) << 2);
            const rowBelow = row + below;
            const tap = ky * 5;
            for (let kx = 0; kx < 5; kx++) {
              const weight = splatWeight(w, tap + kx, tapStride);
              const offset = <usize>kx << 2;
              sum = f32x4.add(sum, f32x4.mul(v128.load(row + offset), weight));
              sumBelow = f32x4.add(sumBelow, f32x4.mul(v128.load(rowBelow + offset), weight));
            }
          }
          const keep = chunkMask(chunk, outWidth, mask);
          const target = at(outRow, x);
          v128.store(target, f32x4.add(v128.load(target), v128.and(sum, keep)));
          if (second != 0) {
            const targetBelow = at(outRowBelow, x);
            v128.store(targetBelow, f32x4.add(v128.load(targetBelow), v128.and(sumBelow, keep)));
          }
        }
      }
    }
  }
}

/**
 * Accumulates the gradients of {@link convolutionForward} over `batch` images: of the weights
 * (same layout) and of the bias, and -- unless `inputGradient` is 0 -- writes the input's.
 * `scratch` holds outputMaps * (height + 4) * (width + 4) floats: each image's output gradient
 * maps, zero-padded by 4, so that the input gradient is a forward convolution of them with the
 * flipped kernels (one store per input chunk instead of 25 overlapping ones).
 */
export function convolutionBackward(
  batch: i32, input: usize, inputMaps: i32, height: i32, width: i32,
  outputGradient: usize, outputMaps: i32, weights: usize, tapStride: i32, links: usize, linkCount: i32,
  weightGradient: usize, biasGradient: usize, inputGradient: usize, scratch: usize,
): void {
  const outHeight = height - 4;
  const outWidth = width - 4;
  const outArea = outHeight * outWidth;
  const inArea = height * width;
  const paddedWidth = width + 4;
  const paddedArea = (height + 4) * paddedWidth;
  if (inputGradient != 0) {
    memory.fill(inputGradient, 0, <usize>(batch * inputMaps * inArea) << 2);
    memory.fill(scratch, 0, <usize>(outputMaps * paddedArea) << 2);
  }
  for (let image = 0; image < batch; image++) {
    const imageIn = input + (<usize>(image * inputMaps * inArea) << 2);
    const imageOutGradient = outputGradient + (<usize>(image * outputMaps * outArea) << 2);
    for (let o = 0; o < outputMaps; o++) {
      const map = imageOutGradient + (<usize>(o * outArea) << 2);
      let sum: f32 = 0;
      for (let index = 0; index < outArea; index++) sum += load<f32>(at(map, index));
      store<f32>(at(biasGradient, o), load<f32>(at(biasGradient, o)) + sum);
      if (inputGradient != 0) {
        for (let y = 0; y < outHeight; y++) memory.copy(at(scratch, o * paddedArea + (y + 4) * paddedWidth + 4), at(map, y * outWidth), <usize>outWidth << 2);
      }
    }
    for (let link = 0; link < linkCount; link++) {
      const c = load<i32>(links + (<usize>(link * 3) << 2));
      const o = load<i32>(links + (<usize>(link * 3 + 1) << 2));
      const offset = load<i32>(links + (<usize>(link * 3 + 2) << 2));
      const inMap = imageIn + (<usize>(c * inArea) << 2);
      const gradientMap = imageOutGradient + (<usize>(o * outArea) << 2);
      accumulateWeightGradient(inMap, width, gradientMap, outHeight, outWidth, weightGradient + (<usize>offset << 2), tapStride);
      if (inputGradient != 0) {
        const inGradientMap = inputGradient + (<usize>(image * inputMaps * inArea + c * inArea) << 2);
        accumulateInputGradient(inGradientMap, height, width, at(scratch, o * paddedArea), weights + (<usize>offset << 2), tapStride);
      }
    }
  }
}

// dw[ky][kx] += sum over y, x of gradient[y][x] * in[y + ky][x + kx], five taps of a row at once
function accumulateWeightGradient(inMap: usize, width: i32, gradientMap: usize, outHeight: i32, outWidth: i32, weightGradient: usize, tapStride: i32): void {
  const chunks = (outWidth + 3) >> 2;
  const mask = tailMask(outWidth);
  for (let ky = 0; ky < 5; ky++) {
    let sum0 = f32x4.splat(0);
    let sum1 = f32x4.splat(0);
    let sum2 = f32x4.splat(0);
    let sum3 = f32x4.splat(0);
    let sum4 = f32x4.splat(0);
    for (let y = 0; y < outHeight; y++) {
      const gradientRow = gradientMap + (<usize>(y * outWidth) << 2);
      const inRow = inMap + (<usize>((y + ky) * width) << 2);
      for (let chunk = 0; chunk < chunks; chunk++) {
        const x = chunkStart(chunk, outWidth);
        const gradient = v128.and(v128.load(at(gradientRow, x)), chunkMask(chunk, outWidth, mask));
        const row = at(inRow, x);
        sum0 = f32x4.add(sum0, f32x4.mul(gradient, v128.load(row)));
        sum1 = f32x4.add(sum1, f32x4.mul(gradient, v128.load(row + 4)));
        sum2 = f32x4.add(sum2, f32x4.mul(gradient, v128.load(row + 8)));
        sum3 = f32x4.add(sum3, f32x4.mul(gradient, v128.load(row + 12)));
        sum4 = f32x4.add(sum4, f32x4.mul(gradient, v128.load(row + 16)));
      }
    }
    addTo(at(weightGradient, ky * 5 * tapStride), horizontalSum(sum0));
    addTo(at(weightGradient, (ky * 5 + 1) * tapStride), horizontalSum(sum1));
    addTo(at(weightGradient, (ky * 5 + 2) * tapStride), horizontalSum(sum2));
    addTo(at(weightGradient, (ky * 5 + 3) * tapStride), horizontalSum(sum3));
    addTo(at(weightGradient, (ky * 5 + 4) * tapStride), horizontalSum(sum4));
  }
}

// @ts-ignore: decorator
@inline function addTo(address: usize, value: f32): void {
  store<f32>(address, load<f32>(address) + value);
}

// inGradient[y][x] += sum over taps of w[4 - a][4 - b] * padded[y + a][x + b]
function accumulateInputGradient(inGradientMap: usize, height: i32, width: i32, padded: usize, w: usize, tapStride: i32): void {
  const paddedWidth = width + 4;
  const chunks = (width + 3) >> 2;
  const mask = tailMask(width);
  // Two rows at a time share each weight splat, as in convolutionForward.
  for (let y = 0; y < height; y += 2) {
    const second = y + 1 < height ? 1 : 0;
    const below = <usize>(second * paddedWidth) << 2;
    for (let chunk = 0; chunk < chunks; chunk++) {
      const x = chunkStart(chunk, width);
      let sum = f32x4.splat(0);
      let sumBelow = f32x4.splat(0);
      for (let a = 0; a < 5; a++) {
        const row = padded + (<usize>((y + a) * paddedWidth + x) << 2);
        const rowBelow = row + below;
        const tap = (4 - a) * 5 + 4;
        for (let b = 0; b < 5; b++) {
          const weight = splatWeight(w, tap - b, tapStride);
          const offset = <usize>b << 2;
          sum = f32x4.add(sum, f32x4.mul(v128.load(row + offset), weight));
          sumBelow = f32x4.add(sumBelow, f32x4.mul(v128.load(rowBelow + offset), weight));
        }
      }
      const keep = chunkMask(chunk, width, mask);
      const target = at(inGradientMap, y * width + x);
      v128.store(target, f32x4.add(v128.load(target), v128.and(sum, keep)));
      if (second != 0) {
        const targetBelow = at(inGradientMap, (y + 1) * width + x);
        v128.store(targetBelow, f32x4.add(v128.load(targetBelow), v128.and(sumBelow, keep)));
      }
    }
  }
}
