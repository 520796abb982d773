/**
 * The TensorFlow.js entry of `@lenet/viz`: reads what the figures need straight from a
 * running model. The main entry `@lenet/viz` needs no TensorFlow.js at all.
 *
 * @packageDocumentation
 */
export { activationsFromModel } from './tfjs/activations-from-model.js';
