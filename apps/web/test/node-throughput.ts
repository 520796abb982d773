import { setupBackend } from '@lenet/core';
import { loadMnist } from '@lenet/data';
import { findShippedModel } from '../src/models/shipped-models.js';
import { BrowserTrainer } from '../src/training/browser-training.js';
import { mnistFolder } from './static-server.js';

/**
 * Trains the same model on the same first `images` MNIST images in this Node process, with
 * the page's own training loop on the fastest Node backend (as `lenet train` picks it), and
 * returns the images per second: the baseline the page's throughput is compared with.
 */
export async function nodeImagesPerSecond(
  modelName: string,
  images: number,
): Promise<{ backend: string; imagesPerSecond: number }> {
  const setup = await setupBackend();
  const dataset = await loadMnist({ folder: mnistFolder(), source: 'folder' });
  const train = {
    ...dataset.train,
    count: images,
    images: dataset.train.images.subarray(0, images * 784),
    labels: dataset.train.labels.subarray(0, images),
  };
  const trainer = new BrowserTrainer(findShippedModel(modelName), 1);
  let imagesPerSecond = 0;
  await trainer.train({ train, epochs: 1, batchSize: 32, learningRate: 0.002 }, (progress) => {
    imagesPerSecond = progress.imagesPerSecond;
  });
  trainer.model.dispose();
  return { backend: setup.backend, imagesPerSecond };
}
