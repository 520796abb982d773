export { LenetError } from '@lenet/common';
export type { LenetErrorOptions } from '@lenet/common';
export { LayerArgumentError } from './layer-argument-error.js';
