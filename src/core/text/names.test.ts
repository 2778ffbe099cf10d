import { describe, expect, it } from 'vitest';
import { cleanFileName, unsafeCharIn } from './names.ts';

describe('names', () => {
  it('finds NUL and every control that reorders text, and nothing else', () => {
    for (const c of ['\u0000', '\u061C', '\u200E', '\u200F', '\u202A', '\u202E', '\u2066', '\u2069'])
      expect(unsafeCharIn(`a${c}b`)).toBe(`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    expect(unsafeCharIn('张伟 O’Brien عمر 〔2019〕')).toBeUndefined();
  });

  it('cleans a file name for a download header', () => {
    expect(cleanFileName('photo\u202Egpj.exe')).toBe('photogpj.exe');
    expect(cleanFileName('../a\\b\r\n.txt')).toBe('.._a_b.txt');
    expect(cleanFileName('\u202E ', 'evidence')).toBe('evidence');
  });
});
