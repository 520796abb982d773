// The optimiser updates on the flat weights: a diagonally scaled step (SDLM) and the updates of
// tfjs's SGD, momentum and Adam optimisers, operation for operation in float32 as tfjs makes
// them (each product, quotient and sum rounded on its own, no fused multiply-add), so that the
// engine moves the weights exactly as `optimizer.applyGradients` would. The vector kernels run
// in whole SIMD vectors: the engine pads every weight-shaped vector with zeros, which they keep zero.
import { at } from './memory';

/** weights[i] -= steps[i] * gradients[i] for `count` f32 values, in float32 (a product, then a difference). */
export function scaledDescent(count: i32, weights: usize, steps: usize, gradients: usize): void {
  const vectorCount = count & ~3;
  let i = 0;
  for (; i < vectorCount; i += 4) {
    v128.store(at(weights, i), f32x4.sub(v128.load(at(weights, i)), f32x4.mul(v128.load(at(steps, i)), v128.load(at(gradients, i)))));
  }
  for (; i < count; i++) store<f32>(at(weights, i), load<f32>(at(weights, i)) - load<f32>(at(steps, i)) * load<f32>(at(gradients, i)));
}

/**
 * tfjs's SGD and momentum updates: with `momentum` 0 and no accumulation (`accumulations` 0),
 * w = c * g + w; else a = m * a + g, then w = c * a + w, or with `nesterov`
 * w = c * (g + a * m) + w. `c` is minus the learning rate.
 */
export function momentumStep(count: i32, weights: usize, gradients: usize, accumulations: usize, c: f32, m: f32, nesterov: bool): void {
  const cs = f32x4.splat(c);
  const ms = f32x4.splat(m);
  for (let i = 0; i < count; i += 4) {
    const g = v128.load(at(gradients, i));
    let direction = g;
    if (accumulations != 0) {
      const a = f32x4.add(f32x4.mul(ms, v128.load(at(accumulations, i))), g);
      v128.store(at(accumulations, i), a);
      direction = nesterov ? f32x4.add(g, f32x4.mul(a, ms)) : a;
    }
    v128.store(at(weights, i), f32x4.add(f32x4.mul(cs, direction), v128.load(at(weights, i))));
  }
}

/** An exponential moving average's next value, `average * decay + value * (1 - decay)`, in float32 as tfjs computes it. */
// @ts-ignore: decorator
@inline function movingAverage(average: v128, decay: v128, value: v128, rest: v128): v128 {
  return f32x4.add(f32x4.mul(average, decay), f32x4.mul(value, rest));
}

/**
 * tfjs's Adam update: m = m * b1 + g * (1 - b1), v = v * b2 + g^2 * (1 - b2), then
 * w = ((m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + epsilon)) * c + w, `c` minus the learning
 * rate, the bias corrections `correction1` = 1 - b1^t and `correction2` = 1 - b2^t.
 */
export function adamStep(
  count: i32, weights: usize, gradients: usize, first: usize, second: usize,
  beta1: f32, oneMinusBeta1: f32, beta2: f32, oneMinusBeta2: f32, correction1: f32, correction2: f32, epsilon: f32, c: f32,
): void {
  const b1 = f32x4.splat(beta1), r1 = f32x4.splat(oneMinusBeta1);
  const b2 = f32x4.splat(beta2), r2 = f32x4.splat(oneMinusBeta2);
  const k1 = f32x4.splat(correction1), k2 = f32x4.splat(correction2);
  const e = f32x4.splat(epsilon), cs = f32x4.splat(c);
  for (let i = 0; i < count; i += 4) {
    const g = v128.load(at(gradients, i));
    const m = movingAverage(v128.load(at(first, i)), b1, g, r1);
    const v = movingAverage(v128.load(at(second, i)), b2, f32x4.mul(g, g), r2);
    v128.store(at(first, i), m);
    v128.store(at(second, i), v);
    const step = f32x4.div(f32x4.div(m, k1), f32x4.add(f32x4.sqrt(f32x4.div(v, k2)), e));
    v128.store(at(weights, i), f32x4.add(f32x4.mul(step, cs), v128.load(at(weights, i))));
  }
}

/**
 * Adam with its bias corrections folded into one step size computed beforehand:
 * m = m * b1 + g * (1 - b1), v = v * b2 + g^2 * (1 - b2), then
 * w = w - (m * stepSize) / (sqrt(v) + epsilon).
 */
export function adamFoldedStep(
  count: i32, weights: usize, gradients: usize, first: usize, second: usize,
  beta1: f32, oneMinusBeta1: f32, beta2: f32, oneMinusBeta2: f32, stepSize: f32, epsilon: f32,
): void {
  const b1 = f32x4.splat(beta1), r1 = f32x4.splat(oneMinusBeta1);
  const b2 = f32x4.splat(beta2), r2 = f32x4.splat(oneMinusBeta2);
  const s = f32x4.splat(stepSize), e = f32x4.splat(epsilon);
  for (let i = 0; i < count; i += 4) {
    const g = v128.load(at(gradients, i));
    const m = movingAverage(v128.load(at(first, i)), b1, g, r1);
    const v = movingAverage(v128.load(at(second, i)), b2, f32x4.mul(g, g), r2);
    v128.store(at(first, i), m);
    v128.store(at(second, i), v);
    v128.store(at(weights, i), f32x4.sub(v128.load(at(weights, i)), f32x4.div(f32x4.mul(m, s), f32x4.add(f32x4.sqrt(v), e))));
  }
}

/**
 * target[i] += source[i] * factor in float64, rounded to float32: one share of an average of
 * gradients, exactly as JavaScript's `target[i] = target[i] + source[i] * factor` on Float32Arrays.
 */
export function addScaledShare(count: i32, target: usize, source: usize, factor: f64): void {
  const scale = f64x2.splat(factor);
  for (let i = 0; i < count; i += 4) {
    const t = v128.load(at(target, i));
    const s = v128.load(at(source, i));
    const low = f64x2.add(f64x2.promote_low_f32x4(t), f64x2.mul(f64x2.promote_low_f32x4(s), scale));
    const high = f64x2.add(f64x2.promote_low_f32x4(v128.shuffle<f32>(t, t, 2, 3, 0, 1)), f64x2.mul(f64x2.promote_low_f32x4(v128.shuffle<f32>(s, s, 2, 3, 0, 1)), scale));
    v128.store(at(target, i), v128.shuffle<f32>(f32x4.demote_f64x2_zero(low), f32x4.demote_f64x2_zero(high), 0, 1, 4, 5));
  }
}
