import { Identity } from '@tensorflow/tfjs';
import type { DataId, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';

/** The part of a backend that counts references to tensor data. */
interface ReferenceCounting {
  incRef(dataId: DataId): void;
}

/**
 * Creates an `Identity` kernel that shares its input's data, counting one more reference,
 * as the `cpu` backend's does. The stock `wasm` kernel copies the tensor; a LeNet-5 training
 * step runs Identity dozens of times (custom gradients and the optimizer use it).
 *
 * @param backendName - The backend to register for, such as `wasm`.
 */
export function createSharedIdentityKernel(backendName: string): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    (args.backend as ReferenceCounting).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
  return { kernelName: Identity, backendName, kernelFunc };
}
