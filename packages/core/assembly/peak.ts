// The machine's WebAssembly SIMD multiply-add rate, for the engine's profile.

/**
 * `iterations` rounds of 12 independent f32x4 multiplies and adds (96 floating-point operations a
 * round), the instruction mix of the LeNet kernels, on values held in registers. Returns a value
 * that depends on every one of them, so that none is optimised away.
 */
export function simdPeak(iterations: i32, seed: f32): f32 {
  const factor = f32x4.splat(0.999);
  const offset = f32x4.splat(0.001);
  let a0 = f32x4.splat(seed);
  let a1 = f32x4.splat(seed + 1);
  let a2 = f32x4.splat(seed + 2);
  let a3 = f32x4.splat(seed + 3);
  let a4 = f32x4.splat(seed + 4);
  let a5 = f32x4.splat(seed + 5);
  let a6 = f32x4.splat(seed + 6);
  let a7 = f32x4.splat(seed + 7);
  let a8 = f32x4.splat(seed + 8);
  let a9 = f32x4.splat(seed + 9);
  let a10 = f32x4.splat(seed + 10);
  let a11 = f32x4.splat(seed + 11);
  for (let i = 0; i < iterations; i++) {
    a0 = f32x4.add(f32x4.mul(a0, factor), offset);
    a1 = f32x4.add(f32x4.mul(a1, factor), offset);
    a2 = f32x4.add(f32x4.mul(a2, factor), offset);
    a3 = f32x4.add(f32x4.mul(a3, factor), offset);
    a4 = f32x4.add(f32x4.mul(a4, factor), offset);
    a5 = f32x4.add(f32x4.mul(a5, factor), offset);
    a6 = f32x4.add(f32x4.mul(a6, factor), offset);
    a7 = f32x4.add(f32x4.mul(a7, factor), offset);
    a8 = f32x4.add(f32x4.mul(a8, factor), offset);
    a9 = f32x4.add(f32x4.mul(a9, factor), offset);
    a10 = f32x4.add(f32x4.mul(a10, factor), offset);
    a11 = f32x4.add(f32x4.mul(a11, factor), offset);
  }
  const sum = f32x4.add(f32x4.add(f32x4.add(f32x4.add(a0, a1), f32x4.add(a2, a3)), f32x4.add(f32x4.add(a4, a5), f32x4.add(a6, a7))), f32x4.add(f32x4.add(a8, a9), f32x4.add(a10, a11)));
  return f32x4.extract_lane(sum, 0) + f32x4.extract_lane(sum, 1) + f32x4.extract_lane(sum, 2) + f32x4.extract_lane(sum, 3);
}
