import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../transforms/random.js';
import { md5 } from './md5.js';

const text = (value: string) => new TextEncoder().encode(value);

describe('md5', () => {
  it('gives the digests of RFC 1321, appendix A.5', () => {
    expect(md5(text(''))).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5(text('abc'))).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5(text('message digest'))).toBe('f96b697d7cb7938d525a2f31aaf161d0');
    expect(md5(text('1234567890'.repeat(8)))).toBe('57edf4a22be3c955ac49da2e2107b67a');
  });

  it('agrees with node:crypto on every length around the block and padding edges', () => {
    const random = createRandom(7);
    const bytes = Uint8Array.from({ length: 300 }, () => Math.floor(random() * 256));
    for (let length = 0; length <= 300; length += 1) {
      const slice = bytes.subarray(0, length);
      expect(md5(slice), `${length} bytes`).toBe(createHash('md5').update(slice).digest('hex'));
    }
  });

  it('hashes a view into a larger buffer by its own bytes only', () => {
    const buffer = text('xxabcxx');
    expect(md5(buffer.subarray(2, 5))).toBe('900150983cd24fb0d6963f7d28e17f72');
  });
});
