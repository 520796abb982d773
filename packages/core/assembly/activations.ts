// Element-wise activations and their gradients (given the activation's output y), four lanes at
// a time. tanh is the rational approximation Eigen and XNNPACK use (a 13th over a 6th degree
// polynomial, clamped where float32 tanh is +-1): within a few ulp of Math.tanh.
const AMPLITUDE: f32 = 1.7159;
const SLOPE: f32 = 2.0 / 3.0;

// Activation kinds, as the engine numbers them: shared with the TypeScript side.
import { ACTIVATION_RELU as RELU, ACTIVATION_SCALED_TANH as SCALED_TANH, ACTIVATION_TANH as TANH } from '../src/engine/kernel-constants';

// @ts-ignore: decorator
@inline function tanh4(x: v128): v128 {
  const clamped = f32x4.min(f32x4.max(x, f32x4.splat(-7.90531110763549805)), f32x4.splat(7.90531110763549805));
  const x2 = f32x4.mul(clamped, clamped);
  let p = f32x4.splat(-2.76076847742355e-16);
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(2.00018790482477e-13));
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(-8.60467152213735e-11));
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(5.12229709037114e-08));
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(1.48572235717979e-05));
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(6.37261928875436e-04));
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(4.89352455891786e-03));
  p = f32x4.mul(p, clamped);
  let q = f32x4.splat(1.19825839466702e-06);
  q = f32x4.add(f32x4.mul(q, x2), f32x4.splat(1.18534705686654e-04));
  q = f32x4.add(f32x4.mul(q, x2), f32x4.splat(2.26843463243900e-03));
  q = f32x4.add(f32x4.mul(q, x2), f32x4.splat(4.89352518554385e-03));
  const small = f32x4.lt(f32x4.abs(x), f32x4.splat(0.0004));
  return v128.bitselect(x, f32x4.div(p, q), small);
}

// @ts-ignore: decorator
@inline function forward4(kind: i32, x: v128): v128 {
  if (kind == SCALED_TANH) return f32x4.mul(f32x4.splat(AMPLITUDE), tanh4(f32x4.mul(f32x4.splat(SLOPE), x)));
  if (kind == TANH) return tanh4(x);
  if (kind == RELU) return f32x4.max(x, f32x4.splat(0));
  return x;
}

// @ts-ignore: decorator
@inline function backward4(kind: i32, y: v128, dy: v128): v128 {
  if (kind == SCALED_TANH) return f32x4.mul(dy, f32x4.mul(f32x4.splat(SLOPE / AMPLITUDE), f32x4.sub(f32x4.splat(AMPLITUDE * AMPLITUDE), f32x4.mul(y, y))));
  if (kind == TANH) return f32x4.mul(dy, f32x4.sub(f32x4.splat(1), f32x4.mul(y, y)));
  if (kind == RELU) return v128.and(dy, f32x4.gt(y, f32x4.splat(0)));
  return dy;
}

/** y = f(x) for `count` values; x and y may be the same buffer. */
export function activationForward(kind: i32, count: i32, x: usize, y: usize): void {
  let index = 0;
  for (; index + 4 <= count; index += 4) v128.store(y + (<usize>index << 2), forward4(kind, v128.load(x + (<usize>index << 2))));
  for (; index < count; index++) {
    const address = <usize>index << 2;
    store<f32>(y + address, f32x4.extract_lane(forward4(kind, f32x4.splat(load<f32>(x + address))), 0));
  }
}

/** dx = dy * f'(x), from the output y; dx and dy may be the same buffer. */
export function activationBackward(kind: i32, count: i32, y: usize, dy: usize, dx: usize): void {
  let index = 0;
  for (; index + 4 <= count; index += 4) {
    const address = <usize>index << 2;
    v128.store(dx + address, backward4(kind, v128.load(y + address), v128.load(dy + address)));
  }
  for (; index < count; index++) {
    const address = <usize>index << 2;
    store<f32>(dx + address, f32x4.extract_lane(backward4(kind, f32x4.splat(load<f32>(y + address)), f32x4.splat(load<f32>(dy + address))), 0));
  }
}
