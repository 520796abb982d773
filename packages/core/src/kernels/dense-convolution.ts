import type { backend_util, TensorInfo } from '@tensorflow/tfjs';
import type { KernelRunner } from './backend-kernel.js';

/**
 * True when the filter covers the whole unpadded input, so the convolution is one
 * matrix product (LeNet-5's C5: 5x5 filters on 5x5 maps, one output pixel).
 *
 * @param info - The convolution's geometry.
 */
export function isDenseConvolution(info: backend_util.Conv2DInfo): boolean {
  const { padInfo } = info;
  return (
    info.outHeight === 1 &&
    info.outWidth === 1 &&
    info.inHeight === info.filterHeight &&
    info.inWidth === info.filterWidth &&
    padInfo.top + padInfo.bottom + padInfo.left + padInfo.right === 0
  );
}

/**
 * The input gradient of a dense convolution, `dy W^T`, run as a 1x1 convolution: the
 * backends' convolution is several times faster than their matrix product here, and
 * than a full convolution of the padded gradient (measured with `bench/kernels.ts`).
 *
 * @returns `[batch, height, width, inChannels]`.
 */
export function denseInputGradient(
  runner: KernelRunner,
  dy: TensorInfo,
  filter: TensorInfo,
  info: backend_util.Conv2DInfo,
): TensorInfo {
  const { batchSize, filterHeight, filterWidth, inChannels, outChannels } = info;
  const size = filterHeight * filterWidth * inChannels;
  const flat = runner.run('Reshape', { x: filter }, { shape: [size, outChannels] });
  const transposed = runner.run('Transpose', { x: flat }, { perm: [1, 0] });
  const weights = runner.run('Reshape', { x: transposed }, { shape: [1, 1, outChannels, size] });
  const product = runner.run('Conv2D', { x: dy, filter: weights }, pointwise);
  const gradient = runner.run(
    'Reshape',
    { x: product },
    { shape: [batchSize, filterHeight, filterWidth, inChannels] },
  );
  runner.dispose(flat, transposed, weights, product);
  return gradient;
}

const pointwise = { strides: 1, dilations: 1, pad: 'valid', dataFormat: 'NHWC' };
