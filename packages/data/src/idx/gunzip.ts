import { IdxFormatError } from '../errors/idx-format-error.js';
import { readStream } from '../io/read-stream.js';

/** Input is fed to the decompressor in slices of this size, so a failure has an offset. */
const sliceBytes = 1 << 20;
/** Deflate cannot expand data by more than about 1032:1; a larger ISIZE is not trusted. */
const maximumRatio = 1032;

/**
 * Tells whether bytes start with the gzip magic number `1f 8b`.
 *
 * @param bytes - The start of a file (two bytes suffice).
 */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses gzip bytes with the platform's `DecompressionStream` (Node 18+ and browsers).
 *
 * The output buffer is sized once from the gzip trailer's ISIZE field, so the peak memory
 * is the compressed input plus the decoded output.
 *
 * @param bytes - A whole gzip file.
 * @param file - The file name or URL to name in errors.
 * @returns The decompressed bytes.
 * @throws {@link IdxFormatError} (problem `gzip`) when the stream is corrupt or truncated;
 *   `byteOffset` is the compressed offset reached, to within 1 MiB.
 */
export async function gunzip(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  let fedBytes = 0;
  const feeding = (async () => {
    for (let offset = 0; offset < bytes.length; offset += sliceBytes) {
      const slice = bytes.subarray(offset, offset + sliceBytes);
      await writer.write(slice as Uint8Array<ArrayBuffer>);
      fedBytes += slice.length;
    }
    await writer.close();
  })();
  feeding.catch(() => undefined);
  try {
    const output = await readStream(stream.readable, { expectedBytes: declaredSize(bytes) });
    await feeding;
    return output;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new IdxFormatError({
      problem: 'gzip',
      file,
      byteOffset: fedBytes,
      expected: 'a complete gzip stream',
      actual: reason,
      message: `corrupt gzip data (${reason}) at or before compressed byte ${fedBytes} of ${bytes.length}. Delete the file and fetch it again.`,
      cause,
    });
  }
}

function declaredSize(bytes: Uint8Array): number | undefined {
  if (bytes.length < 18) return undefined;
  const size = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 4, 4).getUint32(
    0,
    true,
  );
  return size <= bytes.length * maximumRatio ? size : undefined;
}
