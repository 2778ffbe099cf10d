import { describe, expect, it } from 'vitest';
import { leadingZeroBits } from './proof-of-work.ts';

describe('proof of work', () => {
  it('counts the zero bits a digest starts with', () => {
    expect(leadingZeroBits(Uint8Array.from([0, 0, 1]))).toBe(23);
    expect(leadingZeroBits(Uint8Array.from([0x80]))).toBe(0);
    expect(leadingZeroBits(Uint8Array.from([0, 0x0f]))).toBe(12);
    expect(leadingZeroBits(Uint8Array.from([0, 0, 0, 0]))).toBe(32);
    expect(leadingZeroBits(Uint8Array.from([0x01, 0xff]))).toBe(7);
  });
});
