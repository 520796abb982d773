// Data sets beyond MNIST through the built command: Fashion-MNIST trained, evaluated with its
// class names and predicted from pictures; a wrong set told apart from a damaged file; plain
// IDX files of other sizes and class counts; and the models that cannot take them.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { FASHION_MNIST } from '@lenet/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { barImages, testFashionMnistFolder, writeIdxFolder } from '../test-support/idx-folder.js';
import { runLenet, testMnistFolder } from '../test-support/run-lenet.js';

const fashion = testFashionMnistFolder();
const mnist = testMnistFolder();
const scratch = mkdtempSync(join(tmpdir(), 'lenet-datasets-'));
const fashionRun = join(scratch, 'fashion-run');
const names = [
  'train-images-idx3-ubyte.gz',
  'train-labels-idx1-ubyte.gz',
  't10k-images-idx3-ubyte.gz',
  't10k-labels-idx1-ubyte.gz',
];

beforeAll(() => {
  const run = runLenet([
    ...'train --dataset fashion-mnist --folder'.split(' '),
    fashion,
    ...'--model lenet5-modern --limit 6000 --epochs 2 --learning-rate 0.003 --out'.split(' '),
    fashionRun,
  ]);
  if (run.status !== 0) throw new Error(`training on Fashion-MNIST failed:\n${run.stderr}`);
});

describe('lenet on Fashion-MNIST', () => {
  it('evaluates the run on its own data set with the class names, without being told', () => {
    const run = runLenet(['eval', fashionRun, '--folder', fashion]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('on 10,000 Fashion-MNIST test images');
    for (const name of ['T-shirt/top', 'Trouser', 'Pullover', 'Sneaker', 'Ankle boot'])
      expect(run.stdout).toContain(name);
    const accuracy = Number(/accuracy (\d+\.\d+)%/.exec(run.stdout)?.[1]);
    expect(accuracy).toBeGreaterThan(70);
  });

  it('refuses MNIST for a Fashion-MNIST model unless --dataset asks, and says how', () => {
    const refused = runLenet(['eval', fashionRun, '--folder', mnist]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("holds MNIST's training images, not Fashion-MNIST's");
    expect(refused.stderr).toContain('The model was trained on Fashion-MNIST');
    expect(refused.stderr).toContain('add --dataset mnist');
    const asked = runLenet([
      'eval',
      fashionRun,
      '--folder',
      mnist,
      ...'--dataset mnist --json'.split(' '),
    ]);
    expect(asked.status).toBe(0);
    expect(asked.stderr).toContain('Notice: the model was trained on Fashion-MNIST');
    expect(JSON.parse(asked.stdout)).toMatchObject({ dataset: 'mnist' });
  });

  it('predicts Fashion-MNIST pictures with their class names, prepared by fitting (the run records it)', () => {
    const images = gunzipSync(readFileSync(join(fashion, names[2]!))).subarray(16);
    const labels = gunzipSync(readFileSync(join(fashion, names[3]!))).subarray(8);
    const folder = mkdtempSync(join(scratch, 'pictures-'));
    const count = 40;
    for (let index = 0; index < count; index += 1) {
      const png = new PNG({ width: 56, height: 56 });
      for (let y = 0; y < 56; y += 1)
        for (let x = 0; x < 56; x += 1) {
          const value = images[index * 784 + Math.floor(y / 2) * 28 + Math.floor(x / 2)] ?? 0;
          png.data.set([value, value, value, 255], (y * 56 + x) * 4);
        }
      writeFileSync(join(folder, `${String(index).padStart(3, '0')}.png`), PNG.sync.write(png));
    }
    const run = runLenet([...'predict --model'.split(' '), fashionRun, '--json', folder]);
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout) as {
      preprocess: string;
      results: { className: string; top: unknown[] }[];
    };
    expect(output.preprocess).toBe('fit');
    const classNames = FASHION_MNIST.classNames ?? [];
    const right = output.results.filter(
      (result, index) => result.className === classNames[labels[index] ?? 0],
    ).length;
    // As many right as the same images read from IDX would be (the run's ~80%), not digit-preprocessed.
    expect(right).toBeGreaterThanOrEqual(26);
    const digitWay = runLenet([
      ...'predict --model'.split(' '),
      fashionRun,
      ...'--json --preprocess digit'.split(' '),
      folder,
    ]);
    expect((JSON.parse(digitWay.stdout) as { preprocess: string }).preprocess).toBe('digit');
  });

  it('resumes with no data flags from the folder the run recorded', () => {
    const out = join(scratch, 'fashion-resumed');
    const stopped = runLenet([
      ...'train --dataset fashion-mnist --folder'.split(' '),
      fashion,
      ...'--model lenet1 --limit 640 --epochs 1 --stop-after 5 --out'.split(' '),
      out,
    ]);
    expect(stopped.status).toBe(130);
    const resumed = runLenet([...'train --out'.split(' '), out, '--resume']);
    expect(resumed.stderr).not.toContain('other data');
    expect(resumed.status).toBe(0);
  });

  it('resumes from another copy of the same content (.gz folder first, the npm package raw files then)', () => {
    const out = join(scratch, 'mnist-other-copy');
    const stopped = runLenet([
      ...'train --folder'.split(' '),
      mnist,
      ...'--model lenet1 --limit 640 --epochs 1 --stop-after 5 --out'.split(' '),
      out,
    ]);
    expect(stopped.status).toBe(130);
    const resumed = runLenet([
      ...'train --out'.split(' '),
      out,
      ...'--resume --source package'.split(' '),
    ]);
    expect(resumed.stderr).not.toContain('other');
    expect(resumed.status).toBe(0);
  });

  it("tells MNIST's default run that the folder holds Fashion-MNIST, not a damaged MNIST", () => {
    const run = runLenet([
      ...'train --folder'.split(' '),
      fashion,
      ...'--epochs 1 --limit 64 --out'.split(' '),
      join(scratch, 'wrong'),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("holds Fashion-MNIST's training images, not MNIST's");
    expect(run.stderr).toContain('Add --dataset fashion-mnist');
    expect(run.stderr).not.toMatch(/delete|corrupt/);
  });

  it('reports a truncated file and a wrong magic number as such, not as a checksum mismatch', () => {
    const truncated = mkdtempSync(join(scratch, 'truncated-'));
    for (const name of names.slice(1)) copyFileSync(join(fashion, name), join(truncated, name));
    const raw = gunzipSync(readFileSync(join(fashion, names[0]!)));
    writeFileSync(join(truncated, names[0]!), gzipSync(raw.subarray(0, 1_000_000)));
    const cut = runLenet([...'data --dataset fashion-mnist --folder'.split(' '), truncated]);
    expect(cut.status).toBe(3);
    expect(cut.stderr).toContain('46,040,016 bytes are missing');
    expect(cut.stderr).not.toMatch(/checksum|sha256|delete/);
    const swapped = mkdtempSync(join(scratch, 'swapped-'));
    copyFileSync(join(fashion, names[1]!), join(swapped, names[0]!));
    copyFileSync(join(fashion, names[0]!), join(swapped, names[1]!));
    for (const name of names.slice(2)) copyFileSync(join(fashion, name), join(swapped, name));
    const magic = runLenet([...'data --dataset fashion-mnist --folder'.split(' '), swapped]);
    expect(magic.status).toBe(3);
    expect(magic.stderr).toContain('magic 0x00000801 is not an IDX image file');
  });

  it('summarises Fashion-MNIST with its classes, verified', () => {
    const run = runLenet([
      ...'data --dataset fashion-mnist --folder'.split(' '),
      fashion,
      ...'--digits 0'.split(' '),
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Fashion-MNIST from the folder given');
    expect(run.stdout).toContain('Classes: 0 T-shirt/top, 1 Trouser, 2 Pullover');
    expect(run.stdout.match(/verified/g)).toHaveLength(4);
  });
});

describe('lenet on plain IDX files', () => {
  it('trains 12 classes of 16x12 images with a softmax model, fitted to 28x28, unverified', () => {
    const folder = writeIdxFolder(
      join(scratch, 'twelve'),
      16,
      12,
      barImages(1200, 12, 16, 12, 1),
      barImages(240, 12, 16, 12, 2),
    );
    const out = join(scratch, 'twelve-run');
    const run = runLenet([
      ...'train --dataset idx --folder'.split(' '),
      folder,
      ...'--model lenet5-softmax --epochs 2 --out'.split(' '),
      out,
      '--json',
    ]);
    expect(run.stderr).toContain('plain IDX files are loaded unverified');
    expect(run.stderr).toContain('the 16x12 images are scaled to fit 28x28');
    expect(run.status).toBe(0);
    const evaluation = runLenet(['eval', out, '--json']);
    expect(evaluation.status).toBe(0);
    const result = JSON.parse(evaluation.stdout) as { classNames: string[]; errorRate: number };
    expect(result.classNames).toHaveLength(12);
    expect(result.errorRate).toBeLessThan(0.5);
  });

  it("refuses the paper's LeNet-5 for 12 classes and offers the softmax head", () => {
    const folder = writeIdxFolder(
      join(scratch, 'twelve-rbf'),
      28,
      28,
      barImages(120, 12, 28, 28, 3),
      barImages(24, 12, 28, 28, 4),
    );
    const run = runLenet([
      ...'train --dataset idx --folder'.split(' '),
      folder,
      ...'--epochs 1 --out'.split(' '),
      join(scratch, 'rbf'),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('lenet5-softmax');
  });

  it('trains LeNet-1 on 3 classes', () => {
    const folder = writeIdxFolder(
      join(scratch, 'three'),
      28,
      28,
      barImages(600, 3, 28, 28, 5),
      barImages(90, 3, 28, 28, 6),
    );
    const run = runLenet([
      ...'train --dataset idx --folder'.split(' '),
      folder,
      ...'--model lenet1 --epochs 1 --out'.split(' '),
      join(scratch, 'three-run'),
      '--json',
    ]);
    expect(run.status).toBe(0);
  });
});
