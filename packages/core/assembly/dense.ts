// Fully connected layers, the RBF output, and the planar <-> interleaved reorderings between
// the engine's planar maps and tfjs's [height, width, channels] flattening.
import { at, horizontalSum } from './memory';

// Both kernels take four rows (images) at a time, so that each weight loaded serves four of them
// and the sums stay in registers: eight accumulators (four rows x two vectors of outputs) in the
// forward pass, one load and store of dw per four rows' terms in the backward pass. Every sum
// adds its terms in the same order as one row at a time would, so results do not depend on it.

// @ts-ignore: decorator
@inline function rowAt(base: usize, row: i32, length: i32): usize {
  return base + (<usize>(row * length) << 2);
}

/** y[o] = bias[o] + sum_i x[i] * w[i][o], for `batch` rows of `inputs` values; w is [inputs][outputs]. */
export function denseForward(batch: i32, x: usize, inputs: i32, w: usize, bias: usize, outputs: i32, y: usize): void {
  const vectorOutputs = outputs & ~3;
  for (let row = 0; row < batch; row += 4) {
    // A group of fewer than four rows repeats its last row: the same sums, stored twice.
    const last = min(batch - 1, row + 3);
    const x0 = rowAt(x, row, inputs), x1 = rowAt(x, min(last, row + 1), inputs), x2 = rowAt(x, min(last, row + 2), inputs), x3 = rowAt(x, last, inputs);
    const y0 = rowAt(y, row, outputs), y1 = rowAt(y, min(last, row + 1), outputs), y2 = rowAt(y, min(last, row + 2), outputs), y3 = rowAt(y, last, outputs);
    let o = 0;
    for (; o + 8 <= vectorOutputs; o += 8) {
      let a0 = v128.load(at(bias, o)), b0 = v128.load(at(bias, o + 4));
      let a1 = a0, b1 = b0, a2 = a0, b2 = b0, a3 = a0, b3 = b0;
      let wRow = at(w, o);
      for (let i = 0; i < inputs; i++) {
        const first = v128.load(wRow), second = v128.load(wRow, 16);
        const offset = <usize>i << 2;
        let value = v128.load32_splat(x0 + offset);
        a0 = f32x4.add(a0, f32x4.mul(value, first));
        b0 = f32x4.add(b0, f32x4.mul(value, second));
        value = v128.load32_splat(x1 + offset);
        a1 = f32x4.add(a1, f32x4.mul(value, first));
        b1 = f32x4.add(b1, f32x4.mul(value, second));
        value = v128.load32_splat(x2 + offset);
        a2 = f32x4.add(a2, f32x4.mul(value, first));
        b2 = f32x4.add(b2, f32x4.mul(value, second));
        value = v128.load32_splat(x3 + offset);
        a3 = f32x4.add(a3, f32x4.mul(value, first));
        b3 = f32x4.add(b3, f32x4.mul(value, second));
        wRow += <usize>outputs << 2;
      }
      storePair(at(y0, o), a0, b0);
      storePair(at(y1, o), a1, b1);
      storePair(at(y2, o), a2, b2);
      storePair(at(y3, o), a3, b3);
    }
    for (; o < vectorOutputs; o += 4) {
      let a0 = v128.load(at(bias, o));
      let a1 = a0, a2 = a0, a3 = a0;
      let wRow = at(w, o);
      for (let i = 0; i < inputs; i++) {
        const weight = v128.load(wRow);
        const offset = <usize>i << 2;
        a0 = f32x4.add(a0, f32x4.mul(v128.load32_splat(x0 + offset), weight));
        a1 = f32x4.add(a1, f32x4.mul(v128.load32_splat(x1 + offset), weight));
        a2 = f32x4.add(a2, f32x4.mul(v128.load32_splat(x2 + offset), weight));
        a3 = f32x4.add(a3, f32x4.mul(v128.load32_splat(x3 + offset), weight));
        wRow += <usize>outputs << 2;
      }
      v128.store(at(y0, o), a0);
      v128.store(at(y1, o), a1);
      v128.store(at(y2, o), a2);
      v128.store(at(y3, o), a3);
    }
    for (; o < outputs; o++) {
      for (let r = row; r <= last; r++) {
        const xRow = rowAt(x, r, inputs);
        let sum = load<f32>(at(bias, o));
        for (let i = 0; i < inputs; i++) sum += load<f32>(at(xRow, i)) * load<f32>(at(w, i * outputs + o));
        store<f32>(at(rowAt(y, r, outputs), o), sum);
      }
    }
  }
}

// @ts-ignore: decorator
@inline function storePair(target: usize, first: v128, second: v128): void {
  v128.store(target, first);
  v128.store(target, second, 16);
}

/** Accumulates dw and dbias of {@link denseForward}; overwrites dx unless it is 0. */
export function denseBackward(batch: i32, x: usize, inputs: i32, w: usize, outputs: i32, dy: usize, dw: usize, dbias: usize, dx: usize): void {
  const vectorOutputs = outputs & ~3;
  for (let row = 0; row < batch; row++) {
    const gradient = rowAt(dy, row, outputs);
    let o = 0;
    for (; o < vectorOutputs; o += 4) v128.store(at(dbias, o), f32x4.add(v128.load(at(dbias, o)), v128.load(at(gradient, o))));
    for (; o < outputs; o++) store<f32>(at(dbias, o), load<f32>(at(dbias, o)) + load<f32>(at(gradient, o)));
  }
  let row = 0;
  for (; row + 4 <= batch; row += 4) denseBackwardFour(row, x, inputs, w, outputs, dy, dw, dx);
  for (; row < batch; row++) denseBackwardRow(row, x, inputs, w, outputs, dy, dw, dx);
}

/** {@link denseBackward}'s weight and input gradients for rows row..row + 3. */
function denseBackwardFour(row: i32, x: usize, inputs: i32, w: usize, outputs: i32, dy: usize, dw: usize, dx: usize): void {
  const vectorOutputs = outputs & ~3;
  const g0 = rowAt(dy, row, outputs), g1 = rowAt(dy, row + 1, outputs), g2 = rowAt(dy, row + 2, outputs), g3 = rowAt(dy, row + 3, outputs);
  const x0 = rowAt(x, row, inputs), x1 = rowAt(x, row + 1, inputs), x2 = rowAt(x, row + 2, inputs), x3 = rowAt(x, row + 3, inputs);
  for (let i = 0; i < inputs; i++) {
    const offset = <usize>i << 2;
    const value0 = load<f32>(x0 + offset), value1 = load<f32>(x1 + offset), value2 = load<f32>(x2 + offset), value3 = load<f32>(x3 + offset);
    const s0 = f32x4.splat(value0), s1 = f32x4.splat(value1), s2 = f32x4.splat(value2), s3 = f32x4.splat(value3);
    const wRow = rowAt(w, i, outputs);
    const dwRow = rowAt(dw, i, outputs);
    let dot0 = f32x4.splat(0), dot1 = f32x4.splat(0), dot2 = f32x4.splat(0), dot3 = f32x4.splat(0);
    let o = 0;
    for (; o < vectorOutputs; o += 4) {
      const h0 = v128.load(at(g0, o)), h1 = v128.load(at(g1, o)), h2 = v128.load(at(g2, o)), h3 = v128.load(at(g3, o));
      let d = v128.load(at(dwRow, o));
      d = f32x4.add(d, f32x4.mul(s0, h0));
      d = f32x4.add(d, f32x4.mul(s1, h1));
      d = f32x4.add(d, f32x4.mul(s2, h2));
      d = f32x4.add(d, f32x4.mul(s3, h3));
      v128.store(at(dwRow, o), d);
      const weight = v128.load(at(wRow, o));
      dot0 = f32x4.add(dot0, f32x4.mul(weight, h0));
      dot1 = f32x4.add(dot1, f32x4.mul(weight, h1));
      dot2 = f32x4.add(dot2, f32x4.mul(weight, h2));
      dot3 = f32x4.add(dot3, f32x4.mul(weight, h3));
    }
    let tail0: f32 = 0, tail1: f32 = 0, tail2: f32 = 0, tail3: f32 = 0;
    for (; o < outputs; o++) {
      const h0 = load<f32>(at(g0, o)), h1 = load<f32>(at(g1, o)), h2 = load<f32>(at(g2, o)), h3 = load<f32>(at(g3, o));
      let d = load<f32>(at(dwRow, o));
      d += value0 * h0;
      d += value1 * h1;
      d += value2 * h2;
      d += value3 * h3;
      store<f32>(at(dwRow, o), d);
      const weight = load<f32>(at(wRow, o));
      tail0 += weight * h0;
      tail1 += weight * h1;
      tail2 += weight * h2;
      tail3 += weight * h3;
    }
    if (dx != 0) {
      store<f32>(at(dx, row * inputs + i), horizontalSum(dot0) + tail0);
      store<f32>(at(dx, (row + 1) * inputs + i), horizontalSum(dot1) + tail1);
      store<f32>(at(dx, (row + 2) * inputs + i), horizontalSum(dot2) + tail2);
      store<f32>(at(dx, (row + 3) * inputs + i), horizontalSum(dot3) + tail3);
    }
  }
}

/** {@link denseBackward}'s weight and input gradients for one row. */
function denseBackwardRow(row: i32, x: usize, inputs: i32, w: usize, outputs: i32, dy: usize, dw: usize, dx: usize): void {
  const vectorOutputs = outputs & ~3;
  const gradient = rowAt(dy, row, outputs);
  const xRow = rowAt(x, row, inputs);
  for (let i = 0; i < inputs; i++) {
    const value = load<f32>(at(xRow, i));
    const vectorValue = f32x4.splat(value);
    const wRow = rowAt(w, i, outputs);
    const dwRow = rowAt(dw, i, outputs);
    let dot = f32x4.splat(0);
    let tail: f32 = 0;
    let o = 0;
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
