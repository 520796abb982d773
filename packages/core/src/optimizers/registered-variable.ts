import * as tf from '@tensorflow/tfjs';
import { SdlmError } from './sdlm-errors.js';

/** The tf.Variable behind a layer weight (a LayerVariable's name is its variable's name). */
export function registeredVariable(name: string): tf.Variable {
  const variable = tf.engine().registeredVariables[name];
  if (variable === undefined) {
    throw new SdlmError(
      name,
      `no variable named "${name}" is registered with tfjs. Pass a model whose weights have not been disposed.`,
    );
  }
  return variable;
}
