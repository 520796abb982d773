import type { DatasetDescriptor } from './dataset-types.js';
import { withMnistFileNames } from './mnist.js';

/**
 * Kuzushiji-MNIST (Clanuwat et al., ROIS-DS Center for Open Data in the Humanities, 2018):
 * 28x28 grayscale cursive Japanese characters, one per row of the hiragana table (お, き, す,
 * つ, な, は, ま, や, れ, を), 60,000 for training and 10,000 for testing, in MNIST's IDX layout
 * and file names. Only MD5s of the `.gz` files are recorded (as torchvision's KMNIST lists
 * them for the files at codh.rois.ac.jp), so raw copies load unverified.
 *
 * @example
 * ```ts
 * const kmnist = await loadDataset(KMNIST, { folder: 'data/kmnist' });
 * console.log(kmnist.classNames[0]); // 'お (o)'
 * ```
 */
export const KMNIST: DatasetDescriptor = {
  name: 'kmnist',
  title: 'Kuzushiji-MNIST',
  classes: 10,
  classNames: [
    'お (o)',
    'き (ki)',
    'す (su)',
    'つ (tsu)',
    'な (na)',
    'は (ha)',
    'ま (ma)',
    'や (ya)',
    'れ (re)',
    'を (wo)',
  ],
  height: 28,
  width: 28,
  pictures: 'fit',
  checksumSource:
    'MD5s of the .gz files at codh.rois.ac.jp/kmnist/dataset/kmnist/, as torchvision.datasets.KMNIST records them',
  files: withMnistFileNames({
    trainImages: { gzipMd5: 'bdb82020997e1d708af4cf47b453dcf7' },
    trainLabels: { gzipMd5: 'e144d726b3acfaa3e44228e80efcd344' },
    testImages: { gzipMd5: '5c965bf0a639b31b8f53240b1b52f4d7' },
    testLabels: { gzipMd5: '7320c461ea6c1c855c0b718fb2a4b134' },
  }),
  mirrors: ['http://codh.rois.ac.jp/kmnist/dataset/kmnist/'],
};
