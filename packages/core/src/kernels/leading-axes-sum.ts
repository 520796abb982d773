import { Sum, util } from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, SumAttrs, TensorInfo } from '@tensorflow/tfjs';
import { createKernelRunner } from './backend-kernel.js';

/** The number of leading axes `axis` names (0, 1, ... k-1), or 0 when it names others. */
function leadingAxisCount(axis: number | number[], rank: number): number {
  const axes = [
    ...new Set(
      (Array.isArray(axis) ? axis : [axis]).map((value) => (value < 0 ? value + rank : value)),
    ),
  ].sort((a, b) => a - b);
  return axes.every((value, index) => value === index) && axes.length < rank ? axes.length : 0;
}

/**
 * Creates a `Sum` kernel that reduces the leading axes of a float32 tensor (the bias and
 * subsampling-coefficient gradients: `[batch, height, width, channels]` summed to
 * `[channels]`) as one product with a row of ones. The stock `wasm` kernel first transposes
 * the reduced axes to the end, which `bench/kernels.ts` measured several times slower.
 * Other reductions go to the stock kernel, which handles trailing axes without a transpose.
 *
 * @param backendName - The backend to register for, such as `wasm`.
 * @param fallback - The stock kernel, for the other reductions.
 */
export function createLeadingAxesSumKernel(
  backendName: string,
  fallback?: KernelFunc,
): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    const attrs = args.attrs as unknown as SumAttrs;
    const count = leadingAxisCount(attrs.axis, x.shape.length);
    const outer = util.sizeFromShape(x.shape.slice(0, count));
    if ((count === 0 || x.dtype !== 'float32' || outer === 0) && fallback !== undefined)
      return fallback(args);
    const runner = createKernelRunner(backendName, args.backend);
    const kept = x.shape.slice(count);
    const rows = runner.run('Reshape', { x }, { shape: [1, outer, util.sizeFromShape(kept)] });
    const ones = runner.constant([1, 1, outer], new Float32Array(outer).fill(1));
    const product = runner.run(
      'BatchMatMul',
      { a: ones, b: rows },
      { transposeA: false, transposeB: false },
    );
    const shape = attrs.keepDims ? [...new Array<number>(count).fill(1), ...kept] : kept;
    const sum = runner.run('Reshape', { x: product }, { shape });
    runner.dispose(rows, ones, product);
    return sum;
  };
  return { kernelName: Sum, backendName, kernelFunc };
}
