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

/**
 * y = the maximum of each 2x2 block; `winners` records which of the four (0-3, in reading order)
 * won, the first of equal ones (a NaN never wins). Four blocks at a time in SIMD where a row
 * holds at least four; a row's last four blocks may overlap the previous four (written twice).
 */
export function maxPoolForward(batch: i32, maps: i32, height: i32, width: i32, x: usize, winners: usize, y: usize): void {
  const outHeight = height >> 1;
  const outWidth = width >> 1;
  for (let plane = 0; plane < batch * maps; plane++) {
    const inMap = x + (<usize>(plane * height * width) << 2);
    for (let row = 0; row < outHeight; row++) {
      const top = inMap + (<usize>(2 * row * width) << 2);
      const bottom = top + (<usize>width << 2);
      const outIndex = (plane * outHeight + row) * outWidth;
      if (outWidth < 4) {
        for (let column = 0; column < outWidth; column++) maxOfBlock(top, bottom, column, at(y, outIndex + column), winners + (<usize>(outIndex + column) << 2));
        continue;
      }
      for (let column = 0; column < outWidth; column += 4) {
        const first = column + 4 > outWidth ? outWidth - 4 : column;
        maxOfFourBlocks(at(top, 2 * first), at(bottom, 2 * first), at(y, outIndex + first), winners + (<usize>(outIndex + first) << 2));
      }
    }
  }
}

// @ts-ignore: decorator
@inline function maxOfBlock(top: usize, bottom: usize, column: i32, y: usize, winner: usize): void {
  let best = load<f32>(at(top, 2 * column));
  let won = 0;
  const second = load<f32>(at(top, 2 * column + 1));
  if (second > best) { best = second; won = 1; }
  const third = load<f32>(at(bottom, 2 * column));
  if (third > best) { best = third; won = 2; }
  const fourth = load<f32>(at(bottom, 2 * column + 1));
  if (fourth > best) { best = fourth; won = 3; }
  store<f32>(y, best);
  store<i32>(winner, won);
}

// @ts-ignore: decorator
@inline function maxOfFourBlocks(top: usize, bottom: usize, y: usize, winner: usize): void {
  const topLeft = v128.load(top);
  const topRight = v128.load(top, 16);
  const bottomLeft = v128.load(bottom);
  const bottomRight = v128.load(bottom, 16);
  let best = v128.shuffle<f32>(topLeft, topRight, 0, 2, 4, 6);
  let won = i32x4.splat(0);
  const second = v128.shuffle<f32>(topLeft, topRight, 1, 3, 5, 7);
  let better = f32x4.gt(second, best);
  best = v128.bitselect(second, best, better);
  won = v128.bitselect(i32x4.splat(1), won, better);
  const third = v128.shuffle<f32>(bottomLeft, bottomRight, 0, 2, 4, 6);
  better = f32x4.gt(third, best);
  best = v128.bitselect(third, best, better);
  won = v128.bitselect(i32x4.splat(2), won, better);
  const fourth = v128.shuffle<f32>(bottomLeft, bottomRight, 1, 3, 5, 7);
  better = f32x4.gt(fourth, best);
  best = v128.bitselect(fourth, best, better);
  won = v128.bitselect(i32x4.splat(3), won, better);
  v128.store(y, best);
  v128.store(winner, won);
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
