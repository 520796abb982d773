// The browser entry of @lenet/data: the portable names and the fetch-based loaders. No node:* imports.
export * from './portable.js';
export { loadDataset, loadMnist } from './datasets/load-dataset-browser.js';
