import { describe, expect, it } from 'vitest';
import { IdxFormatError } from '../errors/idx-format-error.js';
import { gzip, idxBytes } from '../test-support/idx-bytes.js';
import { parseIdx } from './parse-idx.js';

function parseError(bytes: Uint8Array): IdxFormatError {
  try {
    parseIdx(bytes, { file: 'fixture.idx' });
  } catch (error) {
    if (error instanceof IdxFormatError) return error;
    throw error;
  }
  throw new Error('parseIdx did not throw');
}

describe('parseIdx', () => {
  it.each([
    [0x08, 'uint8', [0, 1, 254, 255]],
    [0x09, 'int8', [-128, -1, 0, 127]],
    [0x0b, 'int16', [-32768, -2, 300, 32767]],
    [0x0c, 'int32', [-2147483648, -70000, 70000, 2147483647]],
    [0x0d, 'float32', [-1.5, 0, 0.25, 3.5]],
    [0x0e, 'float64', [-1e300, Math.PI, 0, 1e-300]],
  ])('reads type code %i as %s, big-endian', (code, dtype, values) => {
    const parsed = parseIdx(idxBytes(code, [2, 2], values));
    expect(parsed.dtype).toBe(dtype);
    expect(parsed.shape).toEqual([2, 2]);
    expect(Array.from(parsed.data)).toEqual(values);
  });

  it('reads any rank, including rank 0 (one value) and rank 4', () => {
    expect(parseIdx(idxBytes(0x08, [], [42]))).toEqual({
      dtype: 'uint8',
      shape: [],
      data: new Uint8Array([42]),
    });
    const rank4 = parseIdx(idxBytes(0x0b, [1, 2, 1, 3], [1, 2, 3, 4, 5, 6]));
    expect(rank4.shape).toEqual([1, 2, 1, 3]);
    expect(Array.from(rank4.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('returns uint8 data as a zero-copy view over the input bytes', () => {
    const file = idxBytes(0x08, [3], [7, 8, 9]);
    const inner = new Uint8Array(file.length + 5);
    inner.set(file, 5);
    const parsed = parseIdx(inner.subarray(5));
    expect(parsed.data.buffer).toBe(inner.buffer);
    expect(parsed.data.byteOffset).toBe(5 + 8);
    inner[5 + 8] = 99;
    expect(parsed.data[0]).toBe(99);
  });

  it('rejects a bad magic number with offset 0 and the bytes found', () => {
    const bytes = idxBytes(0x08, [1], [1]);
    bytes[1] = 0x12;
    const error = parseError(bytes);
    expect(error).toMatchObject({
      name: 'IdxFormatError',
      problem: 'magic',
      file: 'fixture.idx',
      byteOffset: 0,
      expected: '0x0000',
      actual: '0x0012',
    });
    expect(error.message).toContain('not an IDX file');
  });

  it('rejects an unknown type code with offset 2', () => {
    const bytes = idxBytes(0x08, [1], [1]);
    bytes[2] = 0x0a;
    expect(parseError(bytes)).toMatchObject({
      problem: 'type-code',
      byteOffset: 2,
      actual: '0x0a',
    });
  });

  it('rejects truncated data with the expected and actual lengths', () => {
    const bytes = idxBytes(0x08, [2, 2], [1, 2, 3, 4]).subarray(0, 14);
    const error = parseError(bytes);
    expect(error).toMatchObject({ problem: 'length', byteOffset: 14, expected: 16, actual: 14 });
    expect(error.message).toContain('2 bytes are missing');
  });

  it('rejects trailing bytes, pointing at the end of the data', () => {
    const bytes = new Uint8Array([...idxBytes(0x0b, [2], [1, 2]), 0, 0, 0]);
    const error = parseError(bytes);
    expect(error).toMatchObject({ problem: 'length', byteOffset: 12, expected: 12, actual: 15 });
    expect(error.message).toContain('3 trailing bytes');
  });

  it('rejects a header cut short', () => {
    expect(parseError(new Uint8Array([0, 0]))).toMatchObject({
      problem: 'header',
      byteOffset: 2,
      expected: 4,
      actual: 2,
    });
    expect(parseError(new Uint8Array([0, 0, 8, 3, 0, 0, 0, 1]))).toMatchObject({
      problem: 'header',
      expected: 16,
      actual: 8,
    });
  });

  it('points gzip input at the decompressing readers', () => {
    const error = parseError(gzip(idxBytes(0x08, [1], [1])));
    expect(error.problem).toBe('compressed');
    expect(error.message).toContain('decodeIdx');
  });
});
