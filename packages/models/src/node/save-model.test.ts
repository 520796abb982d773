import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
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
import { writeFolderManifest } from './folder-manifest.js';
import { ModelFileError } from './model-file-error.js';
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
  it('write model.json, weights.bin and manifest.json only, and reload a LeNet-5 that predicts identically', async () => {
    const folder = join(await freshFolder(), 'nested', 'lenet5');
    const model = lenet5();
    await saveModel(model, folder);
    expect((await readdir(folder)).sort()).toEqual(['manifest.json', 'model.json', 'weights.bin']);
    const notices: string[] = [];
    const loaded = await loadModel(folder, { onNotice: (notice) => notices.push(notice) });
    expect(notices).toEqual([]);
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

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A LeNet-5 saved into a fresh folder, the folder returned. */
async function savedLenet5(): Promise<string> {
  const folder = await freshFolder();
  const model = lenet5({ seed: 4 });
  await saveModel(model, folder);
  model.dispose();
  return folder;
}

/** What `loadModel(folder)` rejects with; fails the test when it loads. */
async function refusal(folder: string): Promise<ModelFileError> {
  const error: unknown = await loadModel(folder).then(
    (model) => {
      model.dispose();
      return undefined;
    },
    (reason: unknown) => reason,
  );
  if (!ModelFileError.isInstance(error))
    throw new Error(`expected a ModelFileError, got ${String(error)}`);
  return error;
}

describe('the manifest of a saved model', () => {
  it("records model.json's and weights.bin's sizes and sha256s and LeNet-5's 60,840 float32 weights", async () => {
    const folder = await savedLenet5();
    const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as unknown;
    const modelJson = await readFile(join(folder, 'model.json'));
    const weights = await readFile(join(folder, 'weights.bin'));
    expect(manifest).toEqual({
      format: 'lenet-manifest',
      version: 1,
      files: {
        'model.json': { bytes: modelJson.length, sha256: sha256Of(modelJson) },
        'weights.bin': { bytes: weights.length, sha256: sha256Of(weights) },
      },
      weights: { count: 60_840, dtype: 'float32' },
    });
    expect(weights.length).toBe(60_840 * 4);
  });

  it('refuses weights.bin overwritten with random bytes of the same length, naming weights.bin and what to do', async () => {
    const folder = await savedLenet5();
    const path = join(folder, 'weights.bin');
    await writeFile(path, randomBytes((await readFile(path)).length));
    const error = await refusal(folder);
    expect(error.path).toBe(path);
    expect(error.message).toMatch(/weights\.bin was changed or damaged since lenet saved it/);
    expect(error.message).toMatch(/Retrain the model .*restore the folder/);
  });

  it('refuses a model.json edited to load and predict otherwise, naming model.json', async () => {
    const folder = await savedLenet5();
    const path = join(folder, 'model.json');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('"amplitude":1.7159', '"amplitude":1.7169'));
    expect(await readFile(path, 'utf8')).not.toBe(text);
    const error = await refusal(folder);
    expect(error.path).toBe(path);
    expect(error.message).toMatch(/model\.json was changed or damaged/);
  });

  it('refuses a folder whose listed file is gone, and a manifest.json that is not JSON or not a lenet manifest', async () => {
    const gone = await savedLenet5();
    await rm(join(gone, 'weights.bin'));
    expect((await refusal(gone)).message).toMatch(/weights\.bin is missing .*changed or damaged/);
    const garbled = await savedLenet5();
    await writeFile(join(garbled, 'manifest.json'), '{"format": "lenet-manifest", ');
    expect((await refusal(garbled)).message).toMatch(/manifest\.json is not JSON/);
    const foreign = await savedLenet5();
    await writeFile(join(foreign, 'manifest.json'), JSON.stringify({ name: 'lenet5', files: [] }));
    expect((await refusal(foreign)).message).toMatch(
      /manifest\.json is not a manifest lenet wrote: its format is not 'lenet-manifest'/,
    );
  });

  it('loads a folder without manifest.json (saved by plain tfjs) and says once that it was not verified', async () => {
    const folder = await savedLenet5();
    await rm(join(folder, 'manifest.json'));
    const notices: string[] = [];
    const loaded = await loadModel(folder, { onNotice: (notice) => notices.push(notice) });
    expect(loaded.countParams()).toBe(60_840);
    expect(notices).toEqual([`no manifest: ${folder} was saved by plain tfjs, not verified`]);
    loaded.dispose();
  });

  it('refuses a NaN in weights.bin that came with a matching manifest, naming the weight and its layer', async () => {
    const folder = await savedLenet5();
    const modelJson = JSON.parse(
      await readFile(join(folder, 'model.json'), 'utf8'),
    ) as tf.io.ModelJSON;
    const specs = modelJson.weightsManifest.flatMap((group) => group.weights);
    const earlier = specs.slice(
      0,
      specs.findIndex((spec) => spec.name === 'C3/kernel'),
    );
    const offset = earlier.reduce((sum, spec) => sum + spec.shape.reduce((a, b) => a * b, 1), 0);
    const path = join(folder, 'weights.bin');
    const weights = await readFile(path);
    new Float32Array(weights.buffer, weights.byteOffset, weights.length / 4)[offset + 7] =
      Number.NaN;
    await writeFile(path, weights);
    await writeFolderManifest(folder, ['model.json', 'weights.bin']);
    const before = tf.memory().numTensors;
    const error = await refusal(folder);
    expect(tf.memory().numTensors).toBe(before);
    expect(error.message).toMatch(
      /hold NaN in C3\/kernel \(layer C3\): the model was saved after its training diverged/,
    );
  });
});
