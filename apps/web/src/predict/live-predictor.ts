import * as tf from '@tensorflow/tfjs';
import { readOut } from '@lenet/core';
import type { ActivationLayer } from '@lenet/viz';
import { activationSources } from '@lenet/viz';
import { modelInputs, type ModelKind } from '@lenet/models';

/** The network's answer for one digit, with every layer's output. */
export interface Prediction {
  /** The predicted digit. */
  readonly label: number;
  /** Per class, higher is better: negated RBF distances or logits. */
  readonly scores: readonly number[];
  /** Per class, the softmax of the scores. */
  readonly probabilities: readonly number[];
  /** The input the network saw and each drawn layer's output (C1, S2, ..., output). */
  readonly layers: readonly ActivationLayer[];
}

/**
 * Runs one model on single digits and reads all its layers in one forward pass: a probe
 * model whose outputs are the drawn layers (built once per model, not per digit).
 */
export class LivePredictor {
  readonly model: tf.LayersModel;
  readonly recipe: ModelKind;
  readonly #probe: tf.LayersModel;
  readonly #names: readonly string[];

  constructor(model: tf.LayersModel, recipe: ModelKind) {
    this.model = model;
    this.recipe = recipe;
    const sources = activationSources(model);
    const outputs = sources.map((source) => source.layer.output as tf.SymbolicTensor);
    const modelOutput = model.outputs[0];
    const endsWithOutput = modelOutput !== undefined && outputs.at(-1) === modelOutput;
    this.#names = [...sources.map((source) => source.name), ...(endsWithOutput ? [] : ['output'])];
    this.#probe = tf.model({
      inputs: model.inputs,
      outputs: endsWithOutput || modelOutput === undefined ? outputs : [...outputs, modelOutput],
    });
  }

  /**
   * Classifies one 28x28 MNIST-style digit (0 background, 255 ink) and returns every layer.
   * Leaks no tensors.
   */
  predict(digit: Uint8Array): Prediction {
    const { pixels, size } = modelInputs(
      { images: digit, count: 1, height: 28, width: 28 },
      this.recipe.input,
    );
    const outputs = tf.tidy(() => {
      const result = this.#probe.predict(tf.tensor4d(pixels, [1, size, size, 1]));
      return Array.isArray(result) ? result : [result];
    });
    const last = outputs.at(-1);
    if (last === undefined) throw new Error('The model produced no output.');
    const read = readOut(last, this.recipe.output);
    const layers: ActivationLayer[] = [{ name: 'input', shape: [size, size, 1], values: pixels }];
    outputs.forEach((output, index) => {
      layers.push({
        name: this.#names[index] ?? `layer ${index}`,
        shape: output.shape.slice(1),
        values: output.dataSync(),
      });
    });
    tf.dispose(outputs);
    return {
      label: read.labels[0] ?? 0,
      scores: read.scores[0] ?? [],
      probabilities: read.probabilities[0] ?? [],
      layers,
    };
  }
}
