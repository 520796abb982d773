import { IdxFormatError } from '../errors/idx-format-error.js';
import { idxTypeCodes } from './idx-array.js';
import type { IdxArray, IdxData, IdxTypeInfo } from './idx-array.js';
import { isGzip } from './gunzip.js';

/** Options of {@link parseIdx}. */
export interface ParseIdxOptions {
  /** The file name or URL to name in errors. Default: `'IDX data'`. */
  file?: string;
}

const hex = (value: number, digits: number) => `0x${value.toString(16).padStart(digits, '0')}`;

/**
 * Parses uncompressed IDX bytes (big-endian, any type code, any rank) into a typed array.
 *
 * `uint8` and `int8` data are zero-copy views over `bytes`; wider types are converted once
 * from big-endian. Use {@link decodeIdx} when the bytes may be gzip-compressed.
 *
 * @param bytes - The whole IDX file.
 * @param options - The file name for error messages.
 * @returns The element type, shape and values.
 * @throws {@link IdxFormatError} on gzip input, a short header, a bad magic number, an
 *   unknown type code, or a length that does not match the dimensions.
 * @example
 * ```ts
 * const labels = parseIdx(new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 7, 3]));
 * // { dtype: 'uint8', shape: [2], data: Uint8Array [7, 3] }
 * ```
 */
export function parseIdx(bytes: Uint8Array, options: ParseIdxOptions = {}): IdxArray {
  const file = options.file ?? 'IDX data';
  const fail = (
    problem: 'compressed' | 'header' | 'magic' | 'type-code' | 'length',
    byteOffset: number,
    expected: string | number,
    actual: string | number,
    message: string,
  ) => new IdxFormatError({ problem, file, byteOffset, expected, actual, message });
  if (isGzip(bytes)) {
    throw fail(
      'compressed',
      0,
      'IDX magic 0x0000',
      'gzip magic 0x1f8b',
      'the bytes are gzip-compressed. Use decodeIdx(), readIdxFile() or fetchIdx(), which decompress first.',
    );
  }
  if (bytes.length < 4) {
    throw fail(
      'header',
      bytes.length,
      4,
      bytes.length,
      `the IDX header needs at least 4 bytes but the data has ${bytes.length}. The file is truncated: fetch it again.`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(0) !== 0) {
    const actual = hex(view.getUint16(0), 4);
    throw fail(
      'magic',
      0,
      '0x0000',
      actual,
      `an IDX file starts with two zero bytes, found ${actual}. This is not an IDX file (or it is compressed with something other than gzip).`,
    );
  }
  const type = idxTypeCodes.get(view.getUint8(2));
  if (type === undefined) {
    const actual = hex(view.getUint8(2), 2);
    throw fail(
      'type-code',
      2,
      '0x08, 0x09, 0x0b, 0x0c, 0x0d or 0x0e',
      actual,
      `unknown IDX type code ${actual}. The file is corrupt or not an IDX file.`,
    );
  }
  const rank = view.getUint8(3);
  const headerBytes = 4 + 4 * rank;
  if (bytes.length < headerBytes) {
    throw fail(
      'header',
      bytes.length,
      headerBytes,
      bytes.length,
      `a rank-${rank} IDX header takes ${headerBytes} bytes but the data has ${bytes.length}. The file is truncated: fetch it again.`,
    );
  }
  const shape = Array.from({ length: rank }, (_, axis) => view.getUint32(4 + 4 * axis));
  const count = shape.reduce((product, size) => product * size, 1);
  const expected = headerBytes + count * type.bytes;
  if (bytes.length !== expected) {
    const truncated = bytes.length < expected;
    const bytesOf = (value: number) => value.toLocaleString('en-US');
    const what = truncated
      ? `${bytesOf(expected - bytes.length)} bytes are missing (truncated)`
      : `${bytesOf(bytes.length - expected)} trailing bytes follow the data`;
    throw fail(
      'length',
      Math.min(bytes.length, expected),
      expected,
      bytes.length,
      `shape [${shape.join(', ')}] of ${type.dtype} needs ${bytesOf(expected)} bytes but the data has ${bytesOf(bytes.length)}: ${what}. The file is incomplete: copy or download it again.`,
    );
  }
  return { dtype: type.dtype, shape, data: readValues(view, headerBytes, count, type) };
}

function readValues(view: DataView, offset: number, count: number, type: IdxTypeInfo): IdxData {
  const start = view.byteOffset + offset;
  switch (type.dtype) {
    case 'uint8':
      return new Uint8Array(view.buffer, start, count);
    case 'int8':
      return new Int8Array(view.buffer, start, count);
    case 'int16':
      return convert(new Int16Array(count), (index) => view.getInt16(offset + 2 * index));
    case 'int32':
      return convert(new Int32Array(count), (index) => view.getInt32(offset + 4 * index));
    case 'float32':
      return convert(new Float32Array(count), (index) => view.getFloat32(offset + 4 * index));
    case 'float64':
      return convert(new Float64Array(count), (index) => view.getFloat64(offset + 8 * index));
  }
}

function convert<T extends Int16Array | Int32Array | Float32Array | Float64Array>(
  target: T,
  read: (index: number) => number,
): T {
  for (let index = 0; index < target.length; index += 1) target[index] = read(index);
  return target;
}
