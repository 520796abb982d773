import { describe, expect, it } from 'vitest';
import { TransformArgumentError } from '../errors/transform-argument-error.js';
import { loadMnist } from '../node/load-dataset.js';
import { mnistTestDirectory } from '../test-support/mnist-directory.js';
import { padImages } from './pad-images.js';
import { paperScale } from './paper-scale.js';
import { pixelStatistics, standardize } from './standardize.js';

describe('padImages', () => {
  it('adds a 2-pixel border by default, keeping the array type', () => {
    const padded = padImages({
      images: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]),
      count: 2,
      height: 2,
      width: 2,
    });
    expect(padded).toMatchObject({ count: 2, height: 6, width: 6 });
    expect(padded.images).toBeInstanceOf(Uint8Array);
    expect(Array.from(padded.images.subarray(12, 18))).toEqual([0, 0, 1, 2, 0, 0]);
    expect(Array.from(padded.images.subarray(36 + 18, 36 + 24))).toEqual([0, 0, 7, 8, 0, 0]);
    expect(padded.images.reduce((sum, value) => sum + value, 0)).toBe(36);
  });

  it('fills the border with a given value, for already scaled images', () => {
    const padded = padImages(
      { images: new Float32Array([0.5]), count: 1, height: 1, width: 1 },
      { padding: 1, value: -0.1 },
    );
    expect(Array.from(padded.images)).toEqual(
      [-0.1, -0.1, -0.1, -0.1, 0.5, -0.1, -0.1, -0.1, -0.1].map(Math.fround),
    );
  });

  it('rejects a negative padding', () => {
    expect(() =>
      padImages({ images: new Uint8Array(1), count: 1, height: 1, width: 1 }, { padding: -1 }),
    ).toThrow(TransformArgumentError);
  });
});

describe('paperScale', () => {
  it('maps background 0 to -0.1 and ink 255 to 1.175', () => {
    const scaled = paperScale(new Uint8Array([0, 255, 51]));
    expect(scaled[0]).toBeCloseTo(-0.1, 6);
    expect(scaled[1]).toBeCloseTo(1.175, 6);
    expect(scaled[2]).toBeCloseTo(0.155, 6);
  });
});

describe('standardize', () => {
  it('scales to zero mean and unit standard deviation', () => {
    expect(pixelStatistics([1, 2, 3])).toEqual({ mean: 2, std: Math.sqrt(2 / 3) });
    const values = standardize([1, 2, 3]);
    expect(values[0]).toBeCloseTo(-Math.sqrt(1.5), 5);
    expect(values[1]).toBe(0);
    expect(Array.from(standardize([10, 20], { mean: 10, std: 5 }))).toEqual([0, 2]);
    expect(Array.from(standardize([4, 4]))).toEqual([0, 0]);
  });

  it('finds the well-known MNIST training statistics (0.1307 and 0.3081 of 255)', async () => {
    const { train } = await loadMnist({ folder: mnistTestDirectory() });
    const statistics = pixelStatistics(train.images);
    expect(statistics.mean / 255).toBeCloseTo(0.1307, 4);
    expect(statistics.std / 255).toBeCloseTo(0.3081, 4);
  });
});
