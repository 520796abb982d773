/** Options of {@link readStream}. */
export interface ReadStreamOptions {
  /** The announced total size: the buffer is allocated once at this size when given. */
  expectedBytes?: number | undefined;
  /** Called after each chunk with the number of bytes read so far. */
  onChunk?: (receivedBytes: number) => void;
}

/**
 * Reads a byte stream to its end into one buffer.
 *
 * With `expectedBytes` the chunks are copied straight into a buffer of that size (no list of
 * chunks, no final concatenation); a stream longer than announced falls back to doubling.
 *
 * @param stream - The stream to drain.
 * @param options - The announced size and a progress callback.
 * @returns The bytes read; a view when fewer than `expectedBytes` arrived.
 */
export async function readStream(
  stream: ReadableStream<Uint8Array>,
  options: ReadStreamOptions = {},
): Promise<Uint8Array> {
  let buffer: Uint8Array = new Uint8Array(options.expectedBytes ?? 1 << 16);
  let length = 0;
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (length + value.length > buffer.length)
        buffer = grow(buffer, length, length + value.length);
      buffer.set(value, length);
      length += value.length;
      options.onChunk?.(length);
    }
  } finally {
    reader.releaseLock();
  }
  return length === buffer.length ? buffer : buffer.subarray(0, length);
}

function grow(buffer: Uint8Array, used: number, needed: number): Uint8Array {
  const larger = new Uint8Array(Math.max(needed, buffer.length * 2));
  larger.set(buffer.subarray(0, used));
  return larger;
}
