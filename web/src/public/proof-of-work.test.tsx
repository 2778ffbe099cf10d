import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { progressOf, searchRange } from './proof-of-work.ts';
import { sha256, toHex } from './sha256.ts';
import { solveChallenge } from './solve.ts';

describe('sha256', () => {
  it('gives the standard digests', () => {
    const abc = toHex(sha256(new TextEncoder().encode('abc')));
    expect(abc).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(sha256(new Uint8Array()))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('agrees with node:crypto on every length around the block boundaries', () => {
    for (let length = 0; length < 200; length++) {
      const bytes = randomBytes(length);
      expect(toHex(sha256(bytes)), `length ${length}`).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});

describe('proof of work', () => {
  it('solves in ranges without a worker, reporting progress, and can be stopped', async () => {
    const seen: number[] = [];
    const nonce = await solveChallenge('token-for-a-test', 13, { onProgress: (n) => seen.push(n) });
    expect(nonce).toBe(searchRange('token-for-a-test', 13, 0, 1e7));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const stop = new AbortController();
    stop.abort();
    await expect(solveChallenge('x', 30, { signal: stop.signal })).rejects.toThrow('aborted');
  });

  it('says how far a search has likely got', () => {
    expect(progressOf(0, 14)).toBe(0);
    expect(progressOf(2 ** 14, 14)).toBeCloseTo(0.632, 3);
  });
});
