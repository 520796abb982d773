import { backend_util, Conv2DBackpropInput } from '@tensorflow/tfjs';
import type {
  Conv2DBackpropInputAttrs,
  KernelConfig,
  KernelFunc,
  TensorInfo,
} from '@tensorflow/tfjs';
import { createKernelRunner } from './backend-kernel.js';
import { fallBack } from './kernel-fallback.js';
import { denseInputGradient, isDenseConvolution } from './dense-convolution.js';
import type { KernelRunner } from './backend-kernel.js';

/**
 * Creates a `Conv2DBackpropInput` kernel (the input gradient of a 2-D convolution)
 * computed as one forward convolution on `backendName`'s own `Conv2D` kernel: `dy`,
 * spread out by the stride and padded, convolved with the filter turned by 180 degrees
 * and with its channel axes swapped. The stock kernels of `wasm` and `cpu` are plain loops.
 * A filter as large as its input (LeNet-5's C5) takes one matrix product instead.
 *
 * Inputs: `dy` `[batch, outHeight, outWidth, outChannels]`, `filter`
 * `[filterHeight, filterWidth, inChannels, outChannels]`.
 * Output: `[batch, height, width, inChannels]`. NHWC only.
 *
 * @param backendName - The backend to register for, such as `wasm`.
 * @param fallback - The kernel to run for inputs this one does not handle (NCHW, or
 *   explicit padding wider than the filter), if any.
 * @throws {@link UnsupportedKernelInputError} for such inputs when there is no fallback.
 */
export function createConv2DBackpropInputKernel(
  backendName: string,
  fallback?: KernelFunc,
): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const attrs = args.attrs as unknown as Conv2DBackpropInputAttrs;
    const { dy, filter } = args.inputs as { dy: TensorInfo; filter: TensorInfo };
    const info = backend_util.computeConv2DInfo(
      attrs.inputShape,
      filter.shape as [number, number, number, number],
      attrs.strides,
      1,
      attrs.pad,
      attrs.dimRoundingMode,
    );
    const padding = transposedPadding(info);
    if (attrs.dataFormat === 'NCHW')
      return fallBack(Conv2DBackpropInput, backendName, 'NCHW data format', fallback)(args);
    if (padding.some((side) => side < 0))
      return fallBack(
        Conv2DBackpropInput,
        backendName,
        'padding wider than the filter',
        fallback,
      )(args);
    const runner = createKernelRunner(backendName, args.backend);
    if (isDenseConvolution(info)) return denseInputGradient(runner, dy, filter, info);
    return backpropInput(runner, dy, filter, info, padding);
  };
  return { kernelName: Conv2DBackpropInput, backendName, kernelFunc };
}

/** The padding `[top, bottom, left, right]` of `dy`, once spread by the stride, for a full convolution. */
function transposedPadding(info: backend_util.Conv2DInfo): [number, number, number, number] {
  const {
    filterHeight,
    filterWidth,
    strideHeight,
    strideWidth,
    inHeight,
    inWidth,
    outHeight,
    outWidth,
  } = info;
  const top = filterHeight - 1 - info.padInfo.top;
  const left = filterWidth - 1 - info.padInfo.left;
  const bottom = inHeight + filterHeight - 1 - ((outHeight - 1) * strideHeight + 1) - top;
  const right = inWidth + filterWidth - 1 - ((outWidth - 1) * strideWidth + 1) - left;
  return [top, bottom, left, right];
}

function backpropInput(
  runner: KernelRunner,
  dy: TensorInfo,
  filter: TensorInfo,
  info: backend_util.Conv2DInfo,
  [top, bottom, left, right]: [number, number, number, number],
): TensorInfo {
  const spread = spreadByStride(runner, dy, info.strideHeight, info.strideWidth);
  const flipped = runner.run('Reverse', { x: filter }, { dims: [0, 1] });
  const swapped = runner.run('Transpose', { x: flipped }, { perm: [0, 1, 3, 2] });
  runner.dispose(flipped);
  const gradient = runner.run(
    'Conv2D',
    { x: spread, filter: swapped },
    {
      strides: 1,
      dilations: 1,
      pad: [
        [0, 0],
        [top, bottom],
        [left, right],
        [0, 0],
      ],
      dataFormat: 'NHWC',
    },
  );
  runner.dispose(swapped);
  if (spread !== dy) runner.dispose(spread);
  return gradient;
}

/** Inserts `stride - 1` zeros between neighbouring rows and columns of `dy`. */
function spreadByStride(
  runner: KernelRunner,
  dy: TensorInfo,
  strideHeight: number,
  strideWidth: number,
): TensorInfo {
  if (strideHeight === 1 && strideWidth === 1) return dy;
  const [batch, height, width, channels] = dy.shape as [number, number, number, number];
  const split = runner.run('Reshape', { x: dy }, { shape: [batch, height, 1, width, 1, channels] });
  const padded = runner.run(
    'PadV2',
    { x: split },
    {
      paddings: [
        [0, 0],
        [0, 0],
        [0, strideHeight - 1],
        [0, 0],
        [0, strideWidth - 1],
        [0, 0],
      ],
      constantValue: 0,
    },
  );
  runner.dispose(split);
  const merged = runner.run(
    'Reshape',
    { x: padded },
    { shape: [batch, height * strideHeight, width * strideWidth, channels] },
  );
  const size = [batch, (height - 1) * strideHeight + 1, (width - 1) * strideWidth + 1, channels];
  const spread = runner.run('Slice', { x: merged }, { begin: [0, 0, 0, 0], size });
  runner.dispose(padded, merged);
  return spread;
}
