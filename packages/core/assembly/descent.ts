// The optimiser step of a diagonally scaled gradient descent (SDLM, SGD) on the flat weights.
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
