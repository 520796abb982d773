// Loads a saved model with plain @tensorflow/tfjs plus @lenet/core (its built dist) in a
// fresh Node process, without @lenet/models, and prints its predictions as JSON.
// Usage: node predict-in-fresh-process.mjs <model folder> <input JSON file>
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import process from 'node:process';
import * as tf from '@tensorflow/tfjs';
import '@lenet/core';

const [folder, inputFile] = process.argv.slice(2);
const modelJson = JSON.parse(await readFile(join(folder, 'model.json'), 'utf8'));
const weights = await readFile(join(folder, modelJson.weightsManifest[0].paths[0]));
const model = await tf.loadLayersModel(
  tf.io.fromMemory({
    modelTopology: modelJson.modelTopology,
    weightSpecs: modelJson.weightsManifest[0].weights,
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
  }),
);
const { shape, values } = JSON.parse(await readFile(inputFile, 'utf8'));
const output = model.predict(tf.tensor(values, shape));
process.stdout.write(JSON.stringify(Array.from(output.dataSync())));
