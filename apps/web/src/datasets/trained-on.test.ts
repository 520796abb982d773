import { FASHION_MNIST, IDX_FILES, KMNIST } from '@lenet/data';
import { describe, expect, it } from 'vitest';
import { MNIST_TRAINED_ON, trainedOnFromMetadata, trainedOnOf } from './trained-on.js';

describe('trainedOnOf', () => {
  it("takes the data set's name, title and picture preparation and the loaded class names", () => {
    expect(trainedOnOf(FASHION_MNIST, FASHION_MNIST.classNames ?? [])).toEqual({
      name: 'fashion-mnist',
      title: 'Fashion-MNIST',
      classNames: FASHION_MNIST.classNames,
      pictures: 'fit',
    });
    // IDX files name no classes and say nothing of pictures: the labels' digits, MNIST's preparation.
    expect(trainedOnOf(IDX_FILES, ['0', '1', '2'])).toMatchObject({
      name: 'idx',
      classNames: ['0', '1', '2'],
      pictures: 'digit',
    });
  });

  it("describes the shipped models' MNIST digits", () => {
    expect(MNIST_TRAINED_ON).toEqual({
      name: 'mnist',
      title: 'MNIST',
      classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      pictures: 'digit',
    });
  });
});

describe('trainedOnFromMetadata', () => {
  const kmnist = trainedOnOf(KMNIST, KMNIST.classNames ?? []);

  it('reads back what the page recorded, beside other metadata', () => {
    const saved: unknown = JSON.parse(JSON.stringify({ other: 1, trainedOn: kmnist }));
    expect(trainedOnFromMetadata(saved, 10)).toEqual(kmnist);
  });

  it('takes a model of ten classes without a record for an MNIST model', () => {
    expect(trainedOnFromMetadata(undefined, 10)).toBe(MNIST_TRAINED_ON);
    expect(trainedOnFromMetadata({}, 10)).toBe(MNIST_TRAINED_ON);
  });

  it('names the classes of other models by their digits', () => {
    expect(trainedOnFromMetadata(undefined, 3)).toEqual({
      name: 'idx',
      title: 'IDX files',
      classNames: ['0', '1', '2'],
      pictures: 'digit',
    });
  });

  it('ignores a record whose names do not number the classes, or that is malformed', () => {
    expect(trainedOnFromMetadata({ trainedOn: kmnist }, 3).name).toBe('idx');
    expect(trainedOnFromMetadata({ trainedOn: { ...kmnist, pictures: 'crop' } }, 10)).toBe(
      MNIST_TRAINED_ON,
    );
    expect(
      trainedOnFromMetadata({ trainedOn: { ...kmnist, classNames: [...Array(10).keys()] } }, 10),
    ).toBe(MNIST_TRAINED_ON);
    expect(trainedOnFromMetadata({ trainedOn: 'kmnist' }, 10)).toBe(MNIST_TRAINED_ON);
  });
});
