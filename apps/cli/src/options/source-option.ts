import type { DataSourceKind } from '@lenet/data';
import { parseChoice } from './parse-choice.js';

/** The MNIST sources `--source` can name, in the order they are searched. */
const DATA_SOURCE_KINDS: readonly DataSourceKind[] = [
  'folder',
  'environment',
  'cache',
  'package',
  'download',
];

/** Parses `--source`, with an error that lists the sources. */
export function parseSourceOption(value: string): DataSourceKind {
  return parseChoice('--source', value, DATA_SOURCE_KINDS);
}
