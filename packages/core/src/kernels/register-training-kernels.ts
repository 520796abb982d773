import { registerKernel, unregisterKernel } from '@tensorflow/tfjs';
import { findKernel } from './backend-kernel.js';
import type { KernelConfig, KernelFunc } from '@tensorflow/tfjs';
import { createConv2DBackpropFilterKernel } from './conv2d-backprop-filter.js';
import { createConv2DBackpropInputKernel } from './conv2d-backprop-input.js';
import { createAvgPoolGradKernel } from './avg-pool-grad.js';
import { createTanhKernel } from './tanh-through-sigmoid.js';
import { createHeapSliceKernel } from './heap-slice.js';
import { createSharedIdentityKernel } from './shared-identity.js';
import { createLeadingAxesSumKernel } from './leading-axes-sum.js';

/** One kernel that {@link registerTrainingKernels} put in place. */
export interface RegisteredKernel {
  /** The tfjs kernel name, such as `Conv2DBackpropFilter`. */
  readonly kernelName: string;
  /** The backend it serves, such as `wasm`. */
  readonly backendName: string;
  /** True when it replaced a kernel the backend had; false when the backend had none. */
  readonly replaced: boolean;
}

type KernelFactory = (backendName: string, fallback?: KernelFunc) => KernelConfig;

/**
 * Our kernels, by name, and the backends where `bench/kernels.ts` measured them faster
 * than the stock kernel (or found no stock kernel). On `cpu` only the filter gradient
 * wins (36-62x on LeNet-5's shapes); its stock input and pooling gradients are faster
 * than compositions of its plain-loop forward convolution.
 */
const trainingKernels: ReadonlyMap<
  string,
  { factory: KernelFactory; backends: readonly string[] }
> = new Map([
  [
    'Conv2DBackpropFilter',
    { factory: createConv2DBackpropFilterKernel, backends: ['wasm', 'cpu'] },
  ],
  ['Conv2DBackpropInput', { factory: createConv2DBackpropInputKernel, backends: ['wasm'] }],
  ['AvgPoolGrad', { factory: createAvgPoolGradKernel, backends: ['wasm'] }],
  ['Tanh', { factory: createTanhKernel, backends: ['wasm'] }],
  [
    'Slice',
    { factory: (_backendName, fallback) => createHeapSliceKernel(fallback), backends: ['wasm'] },
  ],
  ['Identity', { factory: createSharedIdentityKernel, backends: ['wasm'] }],
  ['Sum', { factory: createLeadingAxesSumKernel, backends: ['wasm'] }],
]);

function kernelsFor(backendName: string): [string, KernelFactory][] {
  return [...trainingKernels]
    .filter(([, kernel]) => kernel.backends.includes(backendName))
    .map(([kernelName, kernel]) => [kernelName, kernel.factory]);
}

/** The stock kernels we replaced, by `backend/kernel`, so they can be restored. */
const replacedKernels = new Map<string, KernelConfig | undefined>();

/**
 * Registers the kernels training needs on `backendName`: the ones the backend lacks
 * (`Conv2DBackpropFilter` on `wasm`) and the ones measured slow (the convolution filter
 * gradient on `cpu`, 1.6 s a call for C1 at batch 32; on `wasm` the input and pooling
 * gradients, `Tanh`, `Slice`, `Identity` and `Sum` over leading axes), mostly composed of
 * the backend's own fast kernels. Other backends get none. Idempotent: a second call
 * changes nothing. Allocates no tensors.
 *
 * @param backendName - The backend to serve: `wasm` or `cpu`.
 * @returns The kernels now in place (also those an earlier call registered).
 * @see Section II-A and Appendix A of LeCun et al. 1998: back-propagation through shared weights.
 */
export function registerTrainingKernels(backendName: string): RegisteredKernel[] {
  const registered: RegisteredKernel[] = [];
  for (const [kernelName, factory] of kernelsFor(backendName)) {
    const key = `${backendName}/${kernelName}`;
    if (!replacedKernels.has(key)) {
      const stock = findKernel(kernelName, backendName);
      if (stock !== undefined) unregisterKernel(kernelName, backendName);
      registerKernel(factory(backendName, stock?.kernelFunc));
      replacedKernels.set(key, stock);
    }
    registered.push({ kernelName, backendName, replaced: replacedKernels.get(key) !== undefined });
  }
  return registered;
}

/**
 * Puts back the stock kernels that {@link registerTrainingKernels} replaced on
 * `backendName`, and removes the ones the backend did not have. Idempotent.
 *
 * @param backendName - The backend to restore, such as `cpu`.
 */
export function unregisterTrainingKernels(backendName: string): void {
  for (const [kernelName] of kernelsFor(backendName)) {
    const key = `${backendName}/${kernelName}`;
    if (!replacedKernels.has(key)) continue;
    unregisterKernel(kernelName, backendName);
    const stock = replacedKernels.get(key);
    if (stock !== undefined) registerKernel(stock);
    replacedKernels.delete(key);
  }
}
