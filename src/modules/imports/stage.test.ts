import { describe, expect, it } from 'vitest';
import { KeyFingerprints } from './stage.ts';

describe('KeyFingerprints', () => {
  it('proves a million distinct keys distinct', () => {
    const keys = new KeyFingerprints([0, 2]);
    for (let i = 0; i < 1_000_000; i++) keys.add([`B${i % 1000}`, 'ignored', `2019-${i}`]);
    expect(keys.mayRepeat()).toBe(false);
  });

  it('sees a repeated key, whatever lies outside the key', () => {
    const keys = new KeyFingerprints([1]);
    for (let i = 0; i < 10_000; i++) keys.add([i, `K${i}`]);
    keys.add(['other', 'K5000']);
    expect(keys.mayRepeat()).toBe(true);
  });

  it('tells keys apart by where one column ends and the next begins', () => {
    const keys = new KeyFingerprints([0, 1]);
    keys.add(['ab', 'c']);
    keys.add(['a', 'bc']);
    keys.add([null, 'x']);
    keys.add(['', 'x']);
    keys.add([2019, 'x']);
    expect(keys.mayRepeat()).toBe(false);
    keys.add(['2019', 'x']);
    expect(keys.mayRepeat()).toBe(true);
  });

  it('proves nothing beyond its bound', () => {
    const keys = new KeyFingerprints([0]);
    for (let i = 0; i <= KeyFingerprints.LIMIT; i++) keys.add([i]);
    expect(keys.mayRepeat()).toBe(true);
  }, 30_000);
});
