/**
 * The browser's side of the survey's proof of work (the server's is
 * src/modules/public/proof-of-work.ts): the smallest decimal nonce n such that SHA-256 of
 * `${token}:${n}` starts with `difficulty` zero bits. Searched a range at a time so that a
 * worker can report progress and the main thread, without workers, can yield between ranges.
 *
 * @example searchRange('tok', 8, 0, 100_000) // '219' (say), or null when none is in the range
 */
import { sha256 } from './sha256.ts';
import { leadingZeroBits } from '#core/public/proof-of-work.ts';

const encoder = new TextEncoder();

/** The first nonce in [from, to) that holds, or null. */
export function searchRange(token: string, difficulty: number, from: number, to: number): string | null {
  const prefix = encoder.encode(`${token}:`);
  const buffer = new Uint8Array(prefix.length + 16);
  buffer.set(prefix);
  for (let n = from; n < to; n++) {
    const digits = String(n);
    for (let i = 0; i < digits.length; i++) buffer[prefix.length + i] = digits.charCodeAt(i);
    if (leadingZeroBits(sha256(buffer.subarray(0, prefix.length + digits.length))) >= difficulty) return digits;
  }
  return null;
}

/** How likely a search of `tried` nonces is to have ended by now: a fair progress figure. */
export function progressOf(tried: number, difficulty: number): number {
  return 1 - Math.exp(-tried / 2 ** difficulty);
}

/** Nonces tried between two progress reports. */
export const STEP = 2048;
