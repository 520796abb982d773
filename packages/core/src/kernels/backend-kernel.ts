import { getKernel } from '@tensorflow/tfjs';
import type {
  DataId,
  KernelConfig,
  NamedAttrMap,
  NamedTensorInfoMap,
  TensorInfo,
} from '@tensorflow/tfjs';
import { MissingKernelError } from './missing-kernel-error.js';

/**
 * Runs the kernels a backend already has, from inside another kernel.
 *
 * Our kernels are compositions of the backend's own fast kernels (convolution,
 * transpose, pad, slice), so the same code serves `wasm`, `cpu` and any other backend.
 */
export interface KernelRunner {
  /** Runs the kernel `kernelName` and returns its single output. */
  run(kernelName: string, inputs: NamedTensorInfoMap, attrs?: NamedAttrMap): TensorInfo;
  /** Makes a float32 constant, such as a scalar to multiply by; dispose it after use. */
  constant(shape: number[], values: Float32Array): TensorInfo;
  /** Releases intermediate results; never pass the outer kernel's inputs or output. */
  dispose(...infos: TensorInfo[]): void;
}

/** The part of a backend that makes and frees tensor data. */
interface DataOwner {
  write(values: Float32Array, shape: number[], dtype: 'float32'): DataId;
  disposeData(dataId: DataId): unknown;
}

/**
 * Creates a {@link KernelRunner} over the kernels registered for `backendName`.
 *
 * @param backendName - The backend whose kernels to run, such as `wasm`.
 * @param backend - The backend instance the outer kernel received.
 * @throws {@link MissingKernelError} from `run` when the backend lacks the kernel.
 */
export function createKernelRunner(backendName: string, backend: object): KernelRunner {
  const owner = backend as DataOwner;
  return {
    run(kernelName, inputs, attrs = {}) {
      const kernel = findKernel(kernelName, backendName);
      if (kernel === undefined) throw new MissingKernelError(kernelName, backendName);
      const output = kernel.kernelFunc({ inputs, backend, attrs });
      return Array.isArray(output) ? (output[0] as TensorInfo) : output;
    },
    constant(shape, values) {
      return { dataId: owner.write(values, shape, 'float32'), shape, dtype: 'float32' };
    },
    dispose(...infos) {
      for (const info of infos) owner.disposeData(info.dataId);
    },
  };
}

/**
 * The kernel registered as `kernelName` for `backendName`, or `undefined` when there is
 * none (tfjs types `getKernel` as always finding one).
 *
 * @param kernelName - A tfjs kernel name, such as `Conv2D`.
 * @param backendName - A backend name, such as `wasm`.
 */
export function findKernel(kernelName: string, backendName: string): KernelConfig | undefined {
  return getKernel(kernelName, backendName);
}
