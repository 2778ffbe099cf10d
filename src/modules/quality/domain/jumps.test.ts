import { describe, expect, it } from 'vitest';
import { allAlike, jumpOf } from './jumps.ts';
import { QUALITY_LIMITS } from './limits.ts';

const at = (value: number | null, denominator = 50) => ({ value, denominator });

describe('jumps', () => {
  it('flags a value that more than doubles or halves', () => {
    expect(jumpOf(at(0.3), at(0.61), QUALITY_LIMITS)).toBe('up');
    expect(jumpOf(at(0.3), at(0.6), QUALITY_LIMITS)).toBeNull();
    expect(jumpOf(at(0.6), at(0.29), QUALITY_LIMITS)).toBe('down');
    expect(jumpOf(at(0.6), at(0.3), QUALITY_LIMITS)).toBeNull();
  });
  it('counts from and to zero', () => {
    expect(jumpOf(at(0), at(0.1), QUALITY_LIMITS)).toBe('up');
    expect(jumpOf(at(0.1), at(0), QUALITY_LIMITS)).toBe('down');
    expect(jumpOf(at(0), at(0), QUALITY_LIMITS)).toBeNull();
  });
  it('wants a value and a denominator of 20 in both months', () => {
    expect(jumpOf(at(null), at(0.9), QUALITY_LIMITS)).toBeNull();
    expect(jumpOf(at(0.1, 19), at(0.9), QUALITY_LIMITS)).toBeNull();
    expect(jumpOf(at(0.1, 20), at(0.9, 20), QUALITY_LIMITS)).toBe('up');
  });
  it('finds answers all alike from ten on', () => {
    expect(allAlike(10, 1, QUALITY_LIMITS)).toBe(true);
    expect(allAlike(9, 1, QUALITY_LIMITS)).toBe(false);
    expect(allAlike(40, 2, QUALITY_LIMITS)).toBe(false);
  });
});
