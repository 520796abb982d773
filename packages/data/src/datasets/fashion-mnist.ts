import type { DatasetDescriptor } from './dataset-types.js';
import { withMnistFileNames } from './mnist.js';

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, Zalando Research, 2017): 28x28 grayscale pictures
 * of ten kinds of clothing, 60,000 for training and 10,000 for testing, in MNIST's IDX layout
 * and file names. The `.gz` files are checked by the MD5s the authors publish
 * (github.com/zalandoresearch/fashion-mnist, README, "MD5 Checksum") or by their sha256s;
 * files compressed by someone else, or raw, by the sha256 of their decompressed bytes.
 *
 * @example
 * ```ts
 * const fashion = await loadDataset(FASHION_MNIST, { folder: 'data/fashion' });
 * console.log(fashion.classNames[fashion.test.labels[0]]); // 'Ankle boot'
 * ```
 */
export const FASHION_MNIST: DatasetDescriptor = {
  name: 'fashion-mnist',
  title: 'Fashion-MNIST',
  classes: 10,
  classNames: [
    'T-shirt/top',
    'Trouser',
    'Pullover',
    'Dress',
    'Coat',
    'Sandal',
    'Shirt',
    'Sneaker',
    'Bag',
    'Ankle boot',
  ],
  height: 28,
  width: 28,
  pictures: 'fit',
  checksumSource:
    'MD5s: the authors (github.com/zalandoresearch/fashion-mnist, README); .gz sha256s: as listed by public loaders (Chainer, mnists); raw sha256s: computed from the decompressed files of Debian package dataset-fashion-mnist 0.0~git20200523.55506a9-1 (upstream commit 55506a9)',
  files: withMnistFileNames({
    trainImages: {
      gzipMd5: '8d4fb7e6c68d591d4c3dfef9ec88bf0d',
      gzip: '08dc20ab1689590a0bcd66e874647b6ee8464e2d501b5a3f1f78831db19a3fdc',
      raw: 'c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888',
    },
    trainLabels: {
      gzipMd5: '25c81989df183df01b3e8a0aad5dffbe',
      gzip: 'b0197879cbda89f3dc7b894f9fd52b858e68ea4182b6947c9d8c2b67e5f18dcc',
      raw: 'bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9',
    },
    testImages: {
      gzipMd5: 'bef4ecab320f06d8554ea6380940ec79',
      gzip: '78dcbbfb5a27efaf1b6c1d616caca68560be8766c5bffcb2791df9273a534229',
      raw: '5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b',
    },
    testLabels: {
      gzipMd5: 'bb300cfdad3c16e7a12a480ee83cd310',
      gzip: '42bd18137a62d5998cdeae52bf3a0676ac6b706f5cf8439b47bb5b151ae3dccf',
      raw: '0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34',
    },
  }),
  mirrors: ['http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/'],
};
