// What both entries of @lenet/data export: everything without a node:* import. index.ts
// (Node) adds the file-system loaders, browser.ts the fetch-based ones.
export { ChecksumError } from './errors/checksum-error.js';
export type { ChecksumErrorDetails } from './errors/checksum-error.js';
export { DataError } from './errors/data-error.js';
export type { DataErrorDetails } from './errors/data-error.js';
export { DatasetMismatchError } from './errors/dataset-mismatch-error.js';
export type {
  DatasetMismatchErrorDetails,
  DatasetMismatchProblem,
} from './errors/dataset-mismatch-error.js';
export { DatasetNotFoundError } from './errors/dataset-not-found-error.js';
export type { SearchedLocation } from './errors/dataset-not-found-error.js';
export { DownloadError } from './errors/download-error.js';
export type { DownloadErrorDetails, DownloadProblem } from './errors/download-error.js';
export { IdxFormatError } from './errors/idx-format-error.js';
export { TransformArgumentError } from './errors/transform-argument-error.js';
export type { IdxFormatErrorDetails, IdxFormatProblem } from './errors/idx-format-error.js';

export { idxTypeCodes } from './idx/idx-array.js';
export type { IdxArray, IdxData, IdxDtype, IdxTypeInfo } from './idx/idx-array.js';
export { parseIdx } from './idx/parse-idx.js';
export type { ParseIdxOptions } from './idx/parse-idx.js';
export { gunzip, isGzip } from './idx/gunzip.js';
export { decodeIdx } from './idx/decode-idx.js';
export { fetchIdx } from './idx/fetch-idx.js';
export type { FetchBytesOptions } from './io/fetch-bytes.js';
export { sha256 } from './io/sha256.js';
export { md5 } from './io/md5.js';

export { datasetFileRoles } from './datasets/dataset-types.js';
export type {
  DataSource,
  DataSourceKind,
  Dataset,
  DatasetDescriptor,
  DatasetFileDescriptor,
  DatasetFileRole,
  DatasetProgressEvent,
  DatasetSplit,
  FileChecksums,
  LoadDatasetOptions,
  VerifiedFile,
} from './datasets/dataset-types.js';
export { MNIST, MNIST_MIRRORS } from './datasets/mnist.js';
export { FASHION_MNIST } from './datasets/fashion-mnist.js';
export { KMNIST } from './datasets/kmnist.js';
export { EMNIST_DIGITS } from './datasets/emnist-digits.js';
export { IDX_FILES } from './datasets/idx-files.js';
export { KNOWN_DATASETS, datasetNamed } from './datasets/known-datasets.js';
export { fileNameCandidates, fileRoleOf, sortIntoRoles } from './datasets/file-roles.js';
export { datasetFromFiles } from './datasets/dataset-from-files.js';
export type { InMemoryFile } from './datasets/dataset-from-files.js';

export type { ImageBatch, LabeledImages, PixelArray } from './transforms/image-batch.js';
export { padImages } from './transforms/pad-images.js';
export type { PadImagesOptions } from './transforms/pad-images.js';
export { PAPER_BACKGROUND, PAPER_INK, paperScale } from './transforms/paper-scale.js';
export { pixelStatistics, standardize } from './transforms/standardize.js';
export type { PixelStatistics } from './transforms/standardize.js';
export { resampleArea } from './transforms/resample-area.js';
export { fitImages } from './transforms/fit-images.js';
export { PICTURE_PREPARATIONS, preparePicture } from './transforms/prepare-picture.js';
export type { PicturePreparation } from './transforms/prepare-picture.js';
export { inkMap } from './transforms/ink-map.js';
export type { InkMapOptions, InkPolarity, Picture } from './transforms/ink-map.js';
export { preprocessDigit } from './transforms/preprocess-digit.js';
export type { PreprocessDigitOptions } from './transforms/preprocess-digit.js';
export { downsampleAndCenter } from './transforms/downsample-and-center.js';
export type { DownsampleAndCenterOptions } from './transforms/downsample-and-center.js';
export { applyDistortion, distort, sampleDistortion } from './transforms/distort.js';
export type { AffineDistortion, DistortionLimits } from './transforms/distort.js';
export { createRandom, shuffledIndices, uniform } from './transforms/random.js';
export type { Random } from './transforms/random.js';
export { batches, gather } from './transforms/batches.js';
export type { BatchesOptions } from './transforms/batches.js';
export {
  imagesToTensor,
  labelsToTensor,
  padImagesTensor,
  paperScaleTensor,
  standardizeTensor,
} from './transforms/tensors.js';
export type { PixelScaling } from './transforms/tensors.js';
