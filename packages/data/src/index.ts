// The Node entry of @lenet/data: the portable names and the file-system loaders, downloads
// and cache folders. The browser entry (./browser.ts) has the portable names and fetch.
export * from './portable.js';
export { readIdxFile } from './node/read-idx-file.js';
export { loadDataset, loadMnist } from './node/load-dataset.js';
export { downloadDataset } from './node/download-dataset.js';
export type { DownloadDatasetOptions } from './node/download-dataset.js';
export { datasetCacheDir, lenetCacheDir, mnistCacheDir } from './node/cache-dir.js';
