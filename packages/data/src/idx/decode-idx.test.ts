import { describe, expect, it } from 'vitest';
import { IdxFormatError } from '../errors/idx-format-error.js';
import { gzip, idxBytes } from '../test-support/idx-bytes.js';
import { decodeIdx } from './decode-idx.js';
import { gunzip, isGzip } from './gunzip.js';

const values = Array.from({ length: 3 * 4 * 5 }, (_, index) => (index * 7) % 256);
const raw = idxBytes(0x08, [3, 4, 5], values);

async function decodeError(bytes: Uint8Array): Promise<IdxFormatError> {
  const error: unknown = await decodeIdx(bytes, { file: 'fixture.gz' }).catch(
    (caught: unknown) => caught,
  );
  if (error instanceof IdxFormatError) return error;
  throw new Error(`expected an IdxFormatError, got ${String(error)}`);
}

describe('decodeIdx', () => {
  it('decodes gzip and raw bytes to the same values, detecting gzip by its magic bytes', async () => {
    const compressed = gzip(raw);
    expect(isGzip(compressed)).toBe(true);
    expect(isGzip(raw)).toBe(false);
    const fromGzip = await decodeIdx(compressed);
    const fromRaw = await decodeIdx(raw);
    expect(fromGzip.shape).toEqual([3, 4, 5]);
    expect(Array.from(fromGzip.data)).toEqual(values);
    expect(Array.from(fromRaw.data)).toEqual(values);
  });

  it('gunzips large data into one buffer of exactly the decoded size', async () => {
    const large = new Uint8Array(3_000_000).map((_, index) => (index * 31) % 251);
    const decoded = await gunzip(gzip(large), 'large.gz');
    expect(decoded.length).toBe(large.length);
    expect(decoded.buffer.byteLength).toBe(large.length);
    expect(Buffer.compare(decoded, large)).toBe(0);
  });

  it('rejects a truncated gzip stream as corrupt, with the compressed offset reached', async () => {
    const compressed = gzip(raw);
    const error = await decodeError(compressed.subarray(0, compressed.length - 10));
    expect(error).toMatchObject({
      name: 'IdxFormatError',
      problem: 'gzip',
      file: 'fixture.gz',
      byteOffset: compressed.length - 10,
    });
    expect(error.message).toContain('fetch it again');
  });

  it('rejects a gzip stream whose checksum does not match its data', async () => {
    const compressed = gzip(raw);
    compressed[compressed.length - 6] = (compressed[compressed.length - 6] ?? 0) ^ 0xff;
    const error = await decodeError(compressed);
    expect(error.problem).toBe('gzip');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('rejects a damaged deflate body', async () => {
    const compressed = gzip(raw);
    compressed[12] = 0xff;
    compressed[13] = 0xff;
    expect((await decodeError(compressed)).problem).toBe('gzip');
  });
});
