import { backend_util, Conv2DBackpropFilter } from '@tensorflow/tfjs';
import type {
  Conv2DBackpropFilterAttrs,
  KernelConfig,
  KernelFunc,
  TensorInfo,
} from '@tensorflow/tfjs';
import { createKernelRunner } from './backend-kernel.js';
import { fallBack } from './kernel-fallback.js';

/**
 * Creates a `Conv2DBackpropFilter` kernel (the weight gradient of a 2-D convolution)
 * computed as one forward convolution on `backendName`'s own `Conv2D` kernel.
 *
 * `dW[kh, kw, ci, co] = sum over (b, i, j) of x[b, i*s + kh - top, j*s + kw - left, ci] * dy[b, i, j, co]`
 * is a convolution of `x` laid out as `[ci, height, width, batch]` with `dy` laid out as a
 * filter `[outHeight, outWidth, batch, co]`, dilated by the stride. The stock `wasm`
 * backend has no such kernel (it cannot train a convolution); on `cpu` this replaces a
 * plain loop with the backend's convolution.
 *
 * Inputs: `x` `[batch, height, width, inChannels]`, `dy` `[batch, outHeight, outWidth, outChannels]`.
 * Output: `[filterHeight, filterWidth, inChannels, outChannels]`. NHWC only.
 *
 * @param backendName - The backend to register for, such as `wasm`.
 * @param fallback - The kernel to run for inputs this one does not handle (NCHW), if any.
 * @throws {@link UnsupportedKernelInputError} for NCHW inputs when there is no fallback.
 */
export function createConv2DBackpropFilterKernel(
  backendName: string,
  fallback?: KernelFunc,
): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const attrs = args.attrs as unknown as Conv2DBackpropFilterAttrs;
    if (attrs.dataFormat === 'NCHW')
      return fallBack(Conv2DBackpropFilter, backendName, 'NCHW data format', fallback)(args);
    const { x, dy } = args.inputs as { x: TensorInfo; dy: TensorInfo };
    return backpropFilter(createKernelRunner(backendName, args.backend), x, dy, attrs);
  };
  return { kernelName: Conv2DBackpropFilter, backendName, kernelFunc };
}

function backpropFilter(
  runner: ReturnType<typeof createKernelRunner>,
  x: TensorInfo,
  dy: TensorInfo,
  attrs: Conv2DBackpropFilterAttrs,
): TensorInfo {
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const { filterHeight, filterWidth, strideHeight, strideWidth, outHeight, outWidth, padInfo } =
    info;
  const bottom = filterHeight + (outHeight - 1) * strideHeight - info.inHeight - padInfo.top;
  const right = filterWidth + (outWidth - 1) * strideWidth - info.inWidth - padInfo.left;
  const channelsFirst = runner.run('Transpose', { x }, { perm: [3, 1, 2, 0] });
  const dyAsFilter = runner.run('Transpose', { x: dy }, { perm: [1, 2, 0, 3] });
  const convolved = runner.run(
    'Conv2D',
    { x: channelsFirst, filter: dyAsFilter },
    {
      strides: 1,
      dilations: [strideHeight, strideWidth],
      pad: [
        [0, 0],
        [padInfo.top, Math.max(bottom, 0)],
        [padInfo.left, Math.max(right, 0)],
        [0, 0],
      ],
      dataFormat: 'NHWC',
    },
  );
  runner.dispose(channelsFirst, dyAsFilter);
  let cropped = convolved;
  if (bottom < 0 || right < 0) {
    const size = [info.inChannels, filterHeight, filterWidth, info.outChannels];
    cropped = runner.run('Slice', { x: convolved }, { begin: [0, 0, 0, 0], size });
    runner.dispose(convolved);
  }
  const gradient = runner.run('Transpose', { x: cropped }, { perm: [1, 2, 0, 3] });
  runner.dispose(cropped);
  return gradient;
}
