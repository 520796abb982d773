const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (RFC 4648, padded) of `bytes`, in plain JavaScript for any runtime. */
export function base64(bytes: Uint8Array): string {
  let output = '';
  for (let offset = 0; offset < bytes.length; offset += 3) {
    const [first, second, third] = [bytes[offset] ?? 0, bytes[offset + 1], bytes[offset + 2]];
    const group = (first << 16) | ((second ?? 0) << 8) | (third ?? 0);
    output += alphabet[(group >> 18) & 63] ?? '';
    output += alphabet[(group >> 12) & 63] ?? '';
    output += second === undefined ? '=' : (alphabet[(group >> 6) & 63] ?? '');
    output += third === undefined ? '=' : (alphabet[group & 63] ?? '');
  }
  return output;
}
