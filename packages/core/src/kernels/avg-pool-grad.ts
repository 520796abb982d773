import { AvgPoolGrad, backend_util } from '@tensorflow/tfjs';
import type { AvgPoolGradAttrs, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { createKernelRunner } from './backend-kernel.js';
import { fallBack } from './kernel-fallback.js';

/**
 * Creates an `AvgPoolGrad` kernel for pooling windows that tile the input without
 * overlap (window equal to stride, `valid` padding: LeNet's 2x2 subsampling): each
 * gradient is spread evenly over its window with one broadcast multiplication, instead
 * of the stock kernels' loop over every window and input pixel.
 *
 * Inputs: `dy` `[batch, outHeight, outWidth, channels]`, `input` `[batch, height, width, channels]`.
 * Output: `[batch, height, width, channels]`; rows and columns no window covers get 0.
 *
 * @param backendName - The backend to register for, such as `wasm`.
 * @param fallback - The kernel for overlapping or padded windows.
 * @throws {@link UnsupportedKernelInputError} for such windows when there is no fallback.
 * @see Section II-B of LeCun et al. 1998: sub-sampling layers.
 */
export function createAvgPoolGradKernel(backendName: string, fallback?: KernelFunc): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const attrs = args.attrs as unknown as AvgPoolGradAttrs;
    const { dy, input } = args.inputs as { dy: TensorInfo; input: TensorInfo };
    const info = backend_util.computePool2DInfo(
      input.shape as [number, number, number, number],
      attrs.filterSize,
      attrs.strides,
      1,
      attrs.pad,
    );
    const tiles = info.filterHeight === info.strideHeight && info.filterWidth === info.strideWidth;
    const unpadded =
      info.padInfo.top === 0 &&
      info.padInfo.left === 0 &&
      info.padInfo.bottom === 0 &&
      info.padInfo.right === 0;
    if (!tiles)
      return fallBack(AvgPoolGrad, backendName, 'overlapping or gapped windows', fallback)(args);
    if (!unpadded) return fallBack(AvgPoolGrad, backendName, 'padded windows', fallback)(args);
    const runner = createKernelRunner(backendName, args.backend);
    const { batchSize, outHeight, outWidth, inChannels, filterHeight, filterWidth } = info;
    const window = runner.constant(
      [1, 1, filterHeight, 1, filterWidth, 1],
      new Float32Array(filterHeight * filterWidth).fill(1 / (filterHeight * filterWidth)),
    );
    const split = runner.run(
      'Reshape',
      { x: dy },
      { shape: [batchSize, outHeight, 1, outWidth, 1, inChannels] },
    );
    const spread = runner.run('Multiply', { a: split, b: window });
    const covered = runner.run(
      'Reshape',
      { x: spread },
      { shape: [batchSize, outHeight * filterHeight, outWidth * filterWidth, inChannels] },
    );
    runner.dispose(window, split, spread);
    const missingRows = info.inHeight - outHeight * filterHeight;
    const missingColumns = info.inWidth - outWidth * filterWidth;
    if (missingRows === 0 && missingColumns === 0) return covered;
    const padded = runner.run(
      'PadV2',
      { x: covered },
      {
        paddings: [
          [0, 0],
          [0, missingRows],
          [0, missingColumns],
          [0, 0],
        ],
        constantValue: 0,
      },
    );
    runner.dispose(covered);
    return padded;
  };
  return { kernelName: AvgPoolGrad, backendName, kernelFunc };
}
