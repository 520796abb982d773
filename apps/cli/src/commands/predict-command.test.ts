import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runLenet, testMnistFolder } from '../test-support/run-lenet.js';

interface Prediction {
  file: string;
  label: number | null;
  className: string | null;
  probability: number | null;
  top: { label: number; className: string; probability: number }[];
  note?: string;
}

const digitCount = 20;
const scale = 3;
const model = inject('trainedModel');
let images: Uint8Array;
let labels: Uint8Array;

/** A test digit drawn as a picture: upscaled, grey, in either polarity. */
function picture(
  index: number,
  darkOnLight: boolean,
): { data: Buffer; width: number; height: number } {
  const size = 28 * scale;
  const data = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const ink = images[index * 784 + Math.floor(y / scale) * 28 + Math.floor(x / scale)] ?? 0;
      const value = darkOnLight ? 255 - ink : ink;
      data.set([value, value, value, 255], (y * size + x) * 4);
    }
  }
  return { data, width: size, height: size };
}

function predict(files: string[]): Prediction[] {
  const run = runLenet(['predict', '--model', model, '--json', ...files]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return (JSON.parse(run.stdout) as { results: Prediction[] }).results;
}

const correct = (predictions: Prediction[]) =>
  predictions.filter((prediction, index) => prediction.label === labels[index]).length;

beforeAll(() => {
  const idx = gunzipSync(readFileSync(join(testMnistFolder(), 't10k-images-idx3-ubyte.gz')));
  images = idx.subarray(16, 16 + digitCount * 784);
  labels = gunzipSync(readFileSync(join(testMnistFolder(), 't10k-labels-idx1-ubyte.gz'))).subarray(
    8,
    8 + digitCount,
  );
});

describe('lenet predict', () => {
  it('reads PNG digits in both polarities and gives the same, mostly right, labels', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lenet-png-'));
    const files = (darkOnLight: boolean) =>
      Array.from({ length: digitCount }, (_, index) => {
        const file = join(folder, `${darkOnLight ? 'dark' : 'light'}-${index}.png`);
        const image = picture(index, darkOnLight);
        const png = new PNG({ width: image.width, height: image.height });
        image.data.copy(png.data);
        writeFileSync(file, PNG.sync.write(png));
        return file;
      });
    const darkOnLight = predict(files(true));
    const lightOnDark = predict(files(false));
    expect(darkOnLight.map((prediction) => prediction.label)).toEqual(
      lightOnDark.map((prediction) => prediction.label),
    );
    expect(correct(darkOnLight)).toBeGreaterThanOrEqual(17);
  });

  it('reads JPEG digits', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lenet-jpeg-'));
    const files = Array.from({ length: digitCount }, (_, index) => {
      const file = join(folder, `${index}.jpg`);
      writeFileSync(file, jpeg.encode(picture(index, true), 90).data);
      return file;
    });
    expect(correct(predict(files))).toBeGreaterThanOrEqual(17);
  });

  it('reads an IDX file of 28x28 images, one prediction per image', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lenet-idx-')), 'digits-idx3-ubyte');
    const header = Buffer.from([0, 0, 8, 3, 0, 0, 0, digitCount, 0, 0, 0, 28, 0, 0, 0, 28]);
    writeFileSync(file, Buffer.concat([header, images]));
    const predictions = predict([file]);
    expect(predictions.map((prediction) => prediction.file)).toEqual(
      Array.from({ length: digitCount }, (_, index) => `${file}[${index}]`),
    );
    expect(correct(predictions)).toBeGreaterThanOrEqual(17);
  });

  it('names the top three classes of each picture, most probable first, and their probabilities', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lenet-top-')), 'digits-idx3-ubyte');
    const header = Buffer.from([0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 28, 0, 0, 0, 28]);
    writeFileSync(file, Buffer.concat([header, images.subarray(0, 3 * 784)]));
    for (const prediction of predict([file])) {
      expect(prediction.top).toHaveLength(3);
      expect(prediction.top[0]).toMatchObject({
        label: prediction.label,
        className: String(prediction.label),
        probability: prediction.probability,
      });
      const [first, second, third] = prediction.top.map((guess) => guess.probability);
      expect(first).toBeGreaterThanOrEqual(second ?? 1);
      expect(second).toBeGreaterThanOrEqual(third ?? 1);
    }
    const run = runLenet(['predict', '--model', model, file]);
    expect(run.stdout.split('\n')[0]).toMatch(
      /\[0\]: \d \d+\.\d% {2}\(then \d \d+\.\d%, \d \d+\.\d%\)$/,
    );
  });

  it('reads a folder of pictures, one line per file, and says "no ink found" for a blank one', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lenet-folder-'));
    for (const index of [0, 1]) {
      const image = picture(index, true);
      const png = new PNG({ width: image.width, height: image.height });
      image.data.copy(png.data);
      writeFileSync(join(folder, `digit-${index}.png`), PNG.sync.write(png));
    }
    const blank = new PNG({ width: 40, height: 40 });
    blank.data.fill(255);
    writeFileSync(join(folder, 'blank.png'), PNG.sync.write(blank));
    writeFileSync(join(folder, 'notes.txt'), 'not a picture');
    const predictions = predict([folder]);
    expect(predictions.map((prediction) => prediction.file)).toEqual(
      ['blank.png', 'digit-0.png', 'digit-1.png'].map((name) => join(folder, name)),
    );
    expect(predictions[0]).toMatchObject({ label: null, note: 'no ink found' });
    expect(predictions.slice(1).map((prediction) => prediction.label)).toEqual([
      labels[0],
      labels[1],
    ]);
    const run = runLenet(['predict', '--model', model, folder]);
    expect(run.stdout).toContain(`${join(folder, 'blank.png')}: no ink found`);
  });

  it('rejects a file that is not an image with exit code 2 and a message', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lenet-bad-')), 'notes.png');
    writeFileSync(file, 'these are notes, not a picture');
    const run = runLenet(['predict', '--model', model, file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is not a PNG or JPEG image');
  });

  it('rejects a truncated PNG with exit code 2', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lenet-truncated-'));
    const png = new PNG({ width: 28, height: 28 });
    const bytes = PNG.sync.write(png);
    const file = join(folder, 'cut.png');
    writeFileSync(file, bytes.subarray(0, 40));
    const run = runLenet(['predict', '--model', model, file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('could not be decoded');
  });

  it('says what to do when the model folder holds no model', () => {
    const run = runLenet([
      'predict',
      '--model',
      mkdtempSync(join(tmpdir(), 'lenet-nomodel-')),
      'x.png',
    ]);
    expect(run.status).toBe(4);
    expect(run.stderr).toContain('neither a model name');
  });
});
