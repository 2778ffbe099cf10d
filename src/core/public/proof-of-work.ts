/**
 * The rule of the survey's proof of work that the server checks and the browser meets: SHA-256
 * of `${token}:${nonce}` starts with `difficulty` zero bits. Each side hashes its own way
 * (node:crypto, a plain-JS SHA-256 in a worker); the count of zero bits is this one.
 *
 * @example leadingZeroBits(Uint8Array.from([0, 0x0f])) // 12
 */
/** How many zero bits `bytes` start with. */
export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}
