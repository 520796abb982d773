// MD5 (RFC 1321) in plain TypeScript: Web Crypto has no MD5, and some data sets publish only
// MD5 checksums of their files (Fashion-MNIST, KMNIST). Used to verify, never to secure.

/** The per-round left rotations (RFC 1321, section 3.4). */
const shifts = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

/** The sine table: `floor(abs(sin(i + 1)) * 2^32)` for i in 0..63. */
const sines = Uint32Array.from({ length: 64 }, (_, index) =>
  Math.floor(Math.abs(Math.sin(index + 1)) * 2 ** 32),
);

/**
 * Computes the MD5 digest of bytes.
 *
 * @param bytes - The bytes to hash.
 * @returns The digest as 32 lowercase hex digits.
 * @example
 * ```ts
 * md5(new TextEncoder().encode('abc')); // '900150983cd24fb0d6963f7d28e17f72'
 * ```
 */
export function md5(bytes: Uint8Array): string {
  const state = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
  const words = new Uint32Array(16);
  const fullBlocks = Math.floor(bytes.length / 64);
  for (let block = 0; block < fullBlocks; block += 1) {
    const view = new DataView(bytes.buffer, bytes.byteOffset + block * 64, 64);
    for (let index = 0; index < 16; index += 1) words[index] = view.getUint32(index * 4, true);
    compress(state, words);
  }
  // The tail: the remaining bytes, 0x80, zeros, and the bit length as 64-bit little-endian.
  const rest = bytes.length - fullBlocks * 64;
  const tail = new Uint8Array(rest < 56 ? 64 : 128);
  tail.set(bytes.subarray(fullBlocks * 64));
  tail[rest] = 0x80;
  const tailView = new DataView(tail.buffer);
  tailView.setUint32(tail.length - 8, (bytes.length * 8) >>> 0, true);
  tailView.setUint32(tail.length - 4, Math.floor(bytes.length / 2 ** 29), true);
  for (let offset = 0; offset < tail.length; offset += 64) {
    for (let index = 0; index < 16; index += 1)
      words[index] = tailView.getUint32(offset + index * 4, true);
    compress(state, words);
  }
  const digest = new DataView(state.buffer);
  let hex = '';
  for (let index = 0; index < 16; index += 1)
    hex += digest.getUint8(index).toString(16).padStart(2, '0');
  return hex;
}

/** One 64-byte block of MD5: four rounds of sixteen steps. */
function compress(state: Uint32Array, words: Uint32Array): void {
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  for (let step = 0; step < 64; step += 1) {
    const round = step >> 4;
    let mixed: number;
    let word: number;
    if (round === 0) {
      mixed = (b & c) | (~b & d);
      word = step;
    } else if (round === 1) {
      mixed = (d & b) | (~d & c);
      word = (5 * step + 1) & 15;
    } else if (round === 2) {
      mixed = b ^ c ^ d;
      word = (3 * step + 5) & 15;
    } else {
      mixed = c ^ (b | ~d);
      word = (7 * step) & 15;
    }
    const sum = (a + mixed + sines[step]! + words[word]!) | 0;
    const shift = shifts[round * 4 + (step & 3)]!;
    a = d;
    d = c;
    c = b;
    b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
}
