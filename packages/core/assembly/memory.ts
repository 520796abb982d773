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
