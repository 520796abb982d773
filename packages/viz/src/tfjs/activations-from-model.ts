import * as tf from '@tensorflow/tfjs';
import { FigureInputError } from '../figure-input-error.js';
import type { ActivationLayer } from '../figures/activation-layer.js';
import { activationSources } from '../figures/layers-from-model.js';

/**
 * Runs one input through a model and returns every drawn layer's output for
 * {@link activationsFigure}: the input first, then each layer as {@link activationSources}
 * picks it (after its squashing function). Leaks no tensors; the model is not changed.
 *
 * @param model - Any `tf.LayersModel`, such as `lenet5()` or `lenet1()` of `@lenet/models`.
 * @param input - One example, layout `[1, height, width, channels]`, prepared as the model expects.
 * @throws {FigureInputError} When `input` is not a batch of one.
 * @see LeCun et al. 1998, Fig. 13.
 * @example
 * ```ts
 * const layers = activationsFromModel(model, imagesToTensor(padImages(oneDigit)));
 * await writePng(activationsFigure({ layers }), 'activations.png');
 * ```
 */
export function activationsFromModel(model: tf.LayersModel, input: tf.Tensor): ActivationLayer[] {
  if (input.rank !== 4 || input.shape[0] !== 1) {
    throw new FigureInputError({
      field: 'input',
      expected: 'one example, shape [1, height, width, channels]',
      actual: `shape [${input.shape.join(', ')}]`,
    });
  }
  const sources = activationSources(model);
  const probe = tf.model({
    inputs: model.inputs,
    outputs: sources.map((source) => source.layer.output as tf.SymbolicTensor),
  });
  const outputs = tf.tidy(() => {
    const predicted = probe.predict(input);
    return Array.isArray(predicted) ? predicted : [predicted];
  });
  const layers: ActivationLayer[] = [
    { name: 'input', shape: input.shape.slice(1), values: Float32Array.from(input.dataSync()) },
  ];
  sources.forEach((source, index) => {
    const output = outputs[index];
    if (output !== undefined)
      layers.push({
        name: source.name,
        shape: output.shape.slice(1),
        values: Float32Array.from(output.dataSync()),
      });
  });
  tf.dispose(outputs);
  return layers;
}
