export { LenetError } from './lenet-error.js';
export type { LenetErrorOptions } from './lenet-error.js';
