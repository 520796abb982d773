// Addressing helpers: every buffer is a byte offset into the module's memory holding f32s.

/** The address of element `index` of the f32 buffer at `base`. */
// @ts-ignore: decorator
@inline export function at(base: usize, index: i32): usize {
  return base + (<usize>index << 2);
}

/** Tap `tap` of a convolution weight laid out with `tapStride`, in all four lanes. */
// @ts-ignore: decorator
@inline export function splatWeight(weights: usize, tap: i32, tapStride: i32): v128 {
  return f32x4.splat(load<f32>(at(weights, tap * tapStride)));
}

/** The sum of a vector's four lanes. */
// @ts-ignore: decorator
@inline export function horizontalSum(vector: v128): f32 {
  return f32x4.extract_lane(vector, 0) + f32x4.extract_lane(vector, 1) + f32x4.extract_lane(vector, 2) + f32x4.extract_lane(vector, 3);
}

// Rows are processed in chunks of four columns. When the width is not a multiple of four, the
// last chunk starts at width - 4 and a lane mask keeps only the columns no earlier chunk covered.

// @ts-ignore: decorator
@inline export function tailMask(width: i32): v128 {
  const covered = 4 - (width & 3);
  return i32x4(covered <= 0 ? -1 : 0, covered <= 1 ? -1 : 0, covered <= 2 ? -1 : 0, -1);
}

// @ts-ignore: decorator
@inline export function chunkStart(chunk: i32, width: i32): i32 {
  const start = chunk << 2;
  return start + 4 > width ? width - 4 : start;
}

// @ts-ignore: decorator
@inline export function chunkMask(chunk: i32, width: i32, mask: v128): v128 {
  return (chunk << 2) + 4 > width ? mask : i32x4.splat(-1);
}

/** The first byte after the module's static data; the engine checks that its buffers start later. */
export function staticDataEnd(): usize {
  return __heap_base;
}
