import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { LenetError } from '@lenet/core/errors';
import { afterAll, describe, expect, it } from 'vitest';
import { lenet5 } from '../lenet5.js';
import { lenet1 } from '../lenet1.js';
import { summarize } from '../summarize.js';
import { loadModel, saveModel } from './save-model.js';

const here = dirname(fileURLToPath(import.meta.url));
const folders: string[] = [];
async function freshFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'lenet-models-'));
  folders.push(folder);
  return folder;
}
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

function predict(model: tf.LayersModel, input: tf.Tensor): number[] {
  const output = model.predict(input) as tf.Tensor;
  const values = Array.from(output.dataSync());
  output.dispose();
  return values;
}

describe('saveModel and loadModel', () => {
  it('write model.json and weights.bin only, and reload a LeNet-5 that predicts identically', async () => {
    const folder = join(await freshFolder(), 'nested', 'lenet5');
    const model = lenet5();
    await saveModel(model, folder);
    expect((await readdir(folder)).sort()).toEqual(['model.json', 'weights.bin']);
    const loaded = await loadModel(folder);
    expect(summarize(loaded)).toEqual({ ...summarize(model) });
    const input = tf.randomUniform([3, 32, 32, 1], -0.1, 1.175, 'float32', 1);
    expect(predict(loaded, input)).toEqual(predict(model, input));
    tf.dispose([input]);
    model.dispose();
    loaded.dispose();
  });

  it('overwrite an earlier model in the same folder', async () => {
    const folder = await freshFolder();
    await saveModel(lenet5(), folder);
    const model = lenet1();
    await saveModel(model, folder);
    const loaded = await loadModel(folder);
    expect(loaded.name).toBe('lenet1');
    expect(loaded.countParams()).toBe(2578);
    model.dispose();
    loaded.dispose();
  });

  it('fail with a lenet error that says what to do when the folder holds no model', async () => {
    const folder = await freshFolder();
    await expect(loadModel(folder)).rejects.toSatisfy(
      (error) => LenetError.isInstance(error) && /saveModel/.test(error.message),
    );
  });

  it('save a LeNet-5 that plain tfjs plus @lenet/core load and predict identically in a separate node process', async () => {
    const coreDist = fileURLToPath(new URL('../../../core/dist/index.js', import.meta.url));
    if (!existsSync(coreDist))
      throw new Error(
        `${coreDist} is missing: run pnpm build (turbo builds @lenet/core before these tests).`,
      );
    const folder = await freshFolder();
    const model = lenet5();
    await saveModel(model, join(folder, 'model'));
    const input = tf.randomUniform([2, 32, 32, 1], -0.1, 1.175, 'float32', 2);
    const inputFile = join(folder, 'input.json');
    await writeFile(
      inputFile,
      JSON.stringify({ shape: input.shape, values: Array.from(input.dataSync()) }),
    );
    const { stdout } = await promisify(execFile)(process.execPath, [
      join(here, '..', '__fixtures__', 'predict-in-fresh-process.mjs'),
      join(folder, 'model'),
      inputFile,
    ]);
    const expected = predict(model, input);
    expect(JSON.parse(stdout)).toEqual(expected);
    expect(JSON.parse(await readFile(join(folder, 'model', 'model.json'), 'utf8'))).toMatchObject({
      format: 'layers-model',
    });
    input.dispose();
    model.dispose();
  });
});
