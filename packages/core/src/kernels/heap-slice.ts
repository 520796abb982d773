import { Slice, slice_util, util } from '@tensorflow/tfjs';
import type { DataType, KernelConfig, KernelFunc, SliceAttrs, TensorInfo } from '@tensorflow/tfjs';
import { fallBack } from './kernel-fallback.js';

/** The part of the `wasm` backend that hands out views of tensors on its heap. */
interface HeapBackend {
  typedArrayFromHeap(info: TensorInfo): Float32Array | Int32Array | Uint8Array;
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
}

/**
 * Creates a `Slice` kernel for `wasm` that copies a contiguous slice (a run of whole
 * leading rows: a batch out of a data set) straight from the heap. The stock kernel first
 * copies the whole input out of the heap, so taking a batch of 32 images from 60,000
 * copied 245 MB; profiling showed it as the largest cost of a training step.
 *
 * @param fallback - The stock kernel, for strided slices and strings.
 * @throws {@link UnsupportedKernelInputError} for those when there is no fallback.
 */
export function createHeapSliceKernel(fallback?: KernelFunc): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    const attrs = args.attrs as unknown as SliceAttrs;
    const [begin, size] = slice_util.parseSliceParams(x, attrs.begin, attrs.size) as [
      number[],
      number[],
    ];
    const contiguous = x.dtype !== 'string' && slice_util.isSliceContinous(x.shape, begin, size);
    if (!contiguous) return fallBack(Slice, 'wasm', 'a strided slice', fallback)(args);
    const backend = args.backend as HeapBackend;
    const offset = slice_util.computeFlatOffset(begin, util.computeStrides(x.shape));
    const output = backend.makeOutput(size, x.dtype);
    const source = backend.typedArrayFromHeap(x);
    backend
      .typedArrayFromHeap(output)
      .set(source.subarray(offset, offset + util.sizeFromShape(size)));
    return output;
  };
  return { kernelName: Slice, backendName: 'wasm', kernelFunc };
}
