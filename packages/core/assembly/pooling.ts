// 2x2 pooling with stride 2 over planar maps: the paper's trainable subsampling (a sum times a
// coefficient plus a bias per map), average pooling and max pooling.
import { at } from './memory';

/** For each map c: sums = 2x2 sums of x, y = coefficient[c] * sums + bias[c] (coefficient 0: y = scale * sums). */
export function subsamplingForward(batch: i32, maps: i32, height: i32, width: i32, x: usize, sums: usize, coefficient: usize, bias: usize, scale: f32, y: usize): void {
  const outHeight = height >> 1;
  const outWidth = width >> 1;
  for (let plane = 0; plane < batch * maps; plane++) {
    const c = plane % maps;
    const a: f32 = coefficient == 0 ? scale : load<f32>(at(coefficient, c));
    const b: f32 = coefficient == 0 ? 0 : load<f32>(at(bias, c));
    const inMap = x + (<usize>(plane * height * width) << 2);
    for (let row = 0; row < outHeight; row++) {
      const top = inMap + (<usize>(2 * row * width) << 2);
      const bottom = top + (<usize>width << 2);
      const outIndex = (plane * outHeight + row) * outWidth;
      for (let column = 0; column < outWidth; column++) {
        const sum = load<f32>(at(top, 2 * column)) + load<f32>(at(top, 2 * column + 1)) + load<f32>(at(bottom, 2 * column)) + load<f32>(at(bottom, 2 * column + 1));
        store<f32>(at(sums, outIndex + column), sum);
        store<f32>(at(y, outIndex + column), a * sum + b);
      }
    }
  }
}

/**
 * The gradients of {@link subsamplingForward}: accumulates the coefficient's and the bias's
 * (unless coefficient is 0, then dx = scale * dy spread over each 2x2 block), overwrites dx.
 */
export function subsamplingBackward(batch: i32, maps: i32, height: i32, width: i32, sums: usize, dy: usize, coefficient: usize, scale: f32, coefficientGradient: usize, biasGradient: usize, dx: usize): void {
  const outHeight = height >> 1;
  const outWidth = width >> 1;
  for (let plane = 0; plane < batch * maps; plane++) {
    const c = plane % maps;
    const a: f32 = coefficient == 0 ? scale : load<f32>(at(coefficient, c));
    let coefficientSum: f32 = 0;
    let biasSum: f32 = 0;
    const inMap = dx + (<usize>(plane * height * width) << 2);
    for (let row = 0; row < outHeight; row++) {
      const top = inMap + (<usize>(2 * row * width) << 2);
      const bottom = top + (<usize>width << 2);
      const outIndex = (plane * outHeight + row) * outWidth;
      for (let column = 0; column < outWidth; column++) {
        const gradient = load<f32>(at(dy, outIndex + column));
        coefficientSum += gradient * load<f32>(at(sums, outIndex + column));
        biasSum += gradient;
        const spread = a * gradient;
        store<f32>(at(top, 2 * column), spread);
        store<f32>(at(top, 2 * column + 1), spread);
        store<f32>(at(bottom, 2 * column), spread);
        store<f32>(at(bottom, 2 * column + 1), spread);
      }
    }
    if (coefficient != 0) {
      store<f32>(at(coefficientGradient, c), load<f32>(at(coefficientGradient, c)) + coefficientSum);
      store<f32>(at(biasGradient, c), load<f32>(at(biasGradient, c)) + biasSum);
    }
  }
}

/** y = the maximum of each 2x2 block; `winners` records which of the four (0-3) won. */
export function maxPoolForward(batch: i32, maps: i32, height: i32, width: i32, x: usize, winners: usize, y: usize): void {
  const outHeight = height >> 1;
  const outWidth = width >> 1;
  for (let plane = 0; plane < batch * maps; plane++) {
    const inMap = x + (<usize>(plane * height * width) << 2);
    for (let row = 0; row < outHeight; row++) {
      const top = inMap + (<usize>(2 * row * width) << 2);
      const bottom = top + (<usize>width << 2);
      const outIndex = (plane * outHeight + row) * outWidth;
      for (let column = 0; column < outWidth; column++) {
        let best = load<f32>(at(top, 2 * column));
        let winner = 0;
        const second = load<f32>(at(top, 2 * column + 1));
        if (second > best) { best = second; winner = 1; }
        const third = load<f32>(at(bottom, 2 * column));
        if (third > best) { best = third; winner = 2; }
        const fourth = load<f32>(at(bottom, 2 * column + 1));
        if (fourth > best) { best = fourth; winner = 3; }
        store<f32>(at(y, outIndex + column), best);
        store<i32>(winners + (<usize>(outIndex + column) << 2), winner);
      }
    }
  }
}

/** dx = dy routed to each block's winner, zero elsewhere (overwrites dx). */
export function maxPoolBackward(batch: i32, maps: i32, height: i32, width: i32, winners: usize, dy: usize, dx: usize): void {
  const outHeight = height >> 1;
  const outWidth = width >> 1;
  memory.fill(dx, 0, <usize>(batch * maps * height * width) << 2);
  for (let plane = 0; plane < batch * maps; plane++) {
    const inMap = dx + (<usize>(plane * height * width) << 2);
    for (let row = 0; row < outHeight; row++) {
      const outIndex = (plane * outHeight + row) * outWidth;
      for (let column = 0; column < outWidth; column++) {
        const winner = load<i32>(winners + (<usize>(outIndex + column) << 2));
        const target = (2 * row + (winner >> 1)) * width + 2 * column + (winner & 1);
        store<f32>(at(inMap, target), load<f32>(at(dy, outIndex + column)));
      }
    }
  }
}
