/**
 * Computes the sha256 of bytes with Web Crypto (Node 20+ and browsers).
 *
 * @param bytes - The bytes to hash.
 * @returns The digest as 64 lowercase hex digits.
 */
export async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>),
  );
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
