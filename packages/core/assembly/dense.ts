// Fully connected layers, the RBF output, and the planar <-> interleaved reorderings between
// the engine's planar maps and tfjs's [height, width, channels] flattening.
import { at, horizontalSum } from './memory';

/** y[o] = bias[o] + sum_i x[i] * w[i][o], for `batch` rows of `inputs` values; w is [inputs][outputs]. */
export function denseForward(batch: i32, x: usize, inputs: i32, w: usize, bias: usize, outputs: i32, y: usize): void {
  const vectorOutputs = outputs & ~3;
  for (let row = 0; row < batch; row++) {
    const out = y + (<usize>(row * outputs) << 2);
    memory.copy(out, bias, <usize>outputs << 2);
    const xRow = x + (<usize>(row * inputs) << 2);
    for (let i = 0; i < inputs; i++) {
      const value = load<f32>(at(xRow, i));
      const vectorValue = f32x4.splat(value);
      const wRow = w + (<usize>(i * outputs) << 2);
      let o = 0;
      for (; o < vectorOutputs; o += 4) v128.store(at(out, o), f32x4.add(v128.load(at(out, o)), f32x4.mul(vectorValue, v128.load(at(wRow, o)))));
      for (; o < outputs; o++) store<f32>(at(out, o), load<f32>(at(out, o)) + value * load<f32>(at(wRow, o)));
    }
  }
}

/** Accumulates dw and dbias of {@link denseForward}; overwrites dx unless it is 0. */
export function denseBackward(batch: i32, x: usize, inputs: i32, w: usize, outputs: i32, dy: usize, dw: usize, dbias: usize, dx: usize): void {
  const vectorOutputs = outputs & ~3;
  for (let row = 0; row < batch; row++) {
    const gradient = dy + (<usize>(row * outputs) << 2);
    const xRow = x + (<usize>(row * inputs) << 2);
    let o = 0;
    for (; o < vectorOutputs; o += 4) v128.store(at(dbias, o), f32x4.add(v128.load(at(dbias, o)), v128.load(at(gradient, o))));
    for (; o < outputs; o++) store<f32>(at(dbias, o), load<f32>(at(dbias, o)) + load<f32>(at(gradient, o)));
    for (let i = 0; i < inputs; i++) {
      const value = load<f32>(at(xRow, i));
      const vectorValue = f32x4.splat(value);
      const wRow = w + (<usize>(i * outputs) << 2);
      const dwRow = dw + (<usize>(i * outputs) << 2);
      let dot = f32x4.splat(0);
      let tail: f32 = 0;
      o = 0;
      for (; o < vectorOutputs; o += 4) {
        const g = v128.load(at(gradient, o));
        v128.store(at(dwRow, o), f32x4.add(v128.load(at(dwRow, o)), f32x4.mul(vectorValue, g)));
        dot = f32x4.add(dot, f32x4.mul(v128.load(at(wRow, o)), g));
      }
      for (; o < outputs; o++) {
        const g = load<f32>(at(gradient, o));
        store<f32>(at(dwRow, o), load<f32>(at(dwRow, o)) + value * g);
        tail += load<f32>(at(wRow, o)) * g;
      }
      if (dx != 0) store<f32>(at(dx, row * inputs + i), horizontalSum(dot) + tail);
    }
  }
}

/** The paper's Euclidean RBF units: y[k] = sum_j (x[j] - codes[j][k])^2; codes is [inputs][outputs]. */
export function rbfForward(batch: i32, x: usize, inputs: i32, codes: usize, outputs: i32, y: usize): void {
  for (let row = 0; row < batch; row++) {
    for (let k = 0; k < outputs; k++) {
      let sum: f32 = 0;
      for (let j = 0; j < inputs; j++) {
        const difference = load<f32>(at(x, row * inputs + j)) - load<f32>(at(codes, j * outputs + k));
        sum += difference * difference;
      }
      store<f32>(at(y, row * outputs + k), sum);
    }
  }
}

/** dx[j] = sum_k 2 (x[j] - codes[j][k]) dy[k] (the codes are fixed); overwrites dx. */
export function rbfBackward(batch: i32, x: usize, inputs: i32, codes: usize, outputs: i32, dy: usize, dx: usize): void {
  for (let row = 0; row < batch; row++) {
    for (let j = 0; j < inputs; j++) {
      const value = load<f32>(at(x, row * inputs + j));
      let sum: f32 = 0;
      for (let k = 0; k < outputs; k++) sum += 2 * (value - load<f32>(at(codes, j * outputs + k))) * load<f32>(at(dy, row * outputs + k));
      store<f32>(at(dx, row * inputs + j), sum);
    }
  }
}

/** Planar [maps][height][width] to interleaved [height][width][maps] (tfjs's order), per image. */
export function planarToInterleaved(batch: i32, maps: i32, area: i32, x: usize, y: usize): void {
  for (let image = 0; image < batch; image++) {
    const base = image * maps * area;
    for (let c = 0; c < maps; c++) {
      for (let position = 0; position < area; position++) store<f32>(at(y, base + position * maps + c), load<f32>(at(x, base + c * area + position)));
    }
  }
}

/** The inverse of {@link planarToInterleaved}. */
export function interleavedToPlanar(batch: i32, maps: i32, area: i32, x: usize, y: usize): void {
  for (let image = 0; image < batch; image++) {
    const base = image * maps * area;
    for (let c = 0; c < maps; c++) {
      for (let position = 0; position < area; position++) store<f32>(at(y, base + c * area + position), load<f32>(at(x, base + position * maps + c)));
    }
  }
}
