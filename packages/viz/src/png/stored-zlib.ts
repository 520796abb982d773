const maximumBlock = 65_535;

/** The Adler-32 checksum a zlib stream ends with. */
export function adler32(bytes: Uint8Array): number {
  let low = 1;
  let high = 0;
  for (const byte of bytes) {
    low = (low + byte) % 65_521;
    high = (high + low) % 65_521;
  }
  return ((high << 16) | low) >>> 0;
}

/**
 * Wraps `bytes` in a valid zlib stream without compressing them (deflate "stored"
 * blocks): pure JavaScript, for places without `node:zlib` such as the browser.
 */
export function storedZlib(bytes: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(bytes.length / maximumBlock));
  const output = new Uint8Array(2 + bytes.length + blocks * 5 + 4);
  const view = new DataView(output.buffer);
  output.set([0x78, 0x01]);
  let offset = 2;
  for (let block = 0; block < blocks; block += 1) {
    const chunk = bytes.subarray(block * maximumBlock, (block + 1) * maximumBlock);
    output[offset] = block === blocks - 1 ? 1 : 0;
    view.setUint16(offset + 1, chunk.length, true);
    view.setUint16(offset + 3, ~chunk.length & 0xffff, true);
    output.set(chunk, offset + 5);
    offset += 5 + chunk.length;
  }
  view.setUint32(offset, adler32(bytes));
  return output;
}
