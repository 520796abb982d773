// Run by tests in a separate Node process: downloads a dataset into a cache and prints the
// files as JSON. Arguments: cache root, mirror URL, descriptor as JSON.
import { downloadDataset } from '../node/download-dataset.js';
import type { DatasetDescriptor } from '../datasets/dataset-types.js';

const [cacheDir, mirror, descriptor] = process.argv.slice(2);
if (cacheDir === undefined || mirror === undefined || descriptor === undefined)
  throw new Error('usage: download-in-child <cache> <mirror> <descriptor-json>');
const files = await downloadDataset(JSON.parse(descriptor) as DatasetDescriptor, {
  cacheDir,
  mirrors: [mirror],
});
console.log(JSON.stringify(files));
