export { removeAbandonedTemporaryFiles, writeFileAtomic } from './node/write-file-atomic.js';
