/**
 * The registry is closed and complete in itself: every code in one group, with a category, an
 * HTTP status and exit code, and a Chinese and an English text for its example. That the server
 * emits exactly these codes is test/error-codes.test.ts's.
 */
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type ErrorDef, type Params } from './types.ts';
import {
  ERROR_GROUPS,
  ERRORS,
  httpStatusOf,
  exitCodeOf,
  isErrorCode,
  renderError,
  type ErrorCode,
} from './registry.ts';

const CODES = Object.keys(ERRORS) as ErrorCode[];
const HAN = /\p{Script=Han}/u;

describe('the error registry', () => {
  it('has every code in one group only, with a known category and an HTTP status and exit code', () => {
    const seen = new Map<string, string>();
    for (const [group, codes] of Object.entries(ERROR_GROUPS))
      for (const code of Object.keys(codes)) {
        expect(seen.get(code), `${code} is in ${seen.get(code)} and ${group}`).toBeUndefined();
        seen.set(code, group);
      }
    expect(seen.size).toBe(CODES.length);
    for (const code of CODES) {
      expect(Object.keys(CATEGORIES), code).toContain(ERRORS[code].category);
      expect(httpStatusOf(code), code).toBeGreaterThanOrEqual(400);
      expect(exitCodeOf(code), code).toBeGreaterThan(0);
      expect(code, 'codes are snake_case').toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });

  it('has a Chinese and an English text for every code', () => {
    for (const code of CODES) {
      const def = ERRORS[code] as ErrorDef<Params>;
      for (const lang of ['zh', 'en'] as const) {
        const text = renderError(code, def.example, lang);
        expect(text, `${code} (${lang})`).toBeTruthy();
        expect(text, `${code} (${lang})`).not.toMatch(/undefined|\[object|NaN/);
      }
      expect(renderError(code, def.example, 'zh'), `${code}: its Chinese text`).toMatch(HAN);
      expect(renderError(code, def.example, 'en'), `${code}: its English text`).toMatch(/[a-z]/);
    }
  });

  it('renders a nested cause in the same language, and says nothing of a code it does not know', () => {
    const cause = { code: 'backup_truncated', params: {} };
    for (const lang of ['zh', 'en'] as const)
      expect(renderError('restore_refused', { file: 'a.gz', cause }, lang)).toContain(
        renderError('backup_truncated', {}, lang),
      );
    expect(renderError('restore_refused', { file: 'a.gz', cause }, 'zh')).toMatch(/^a\.gz：.*没有恢复任何内容$/);
    expect(renderError('no_such_code', {}, 'zh')).toBeUndefined();
    expect(isErrorCode('toString')).toBe(false);
  });

  it('says the issue’s example in both languages', () => {
    expect(renderError('unknown_reference', { target: 'officer', value: '220001' }, 'en')).toBe(
      'no officer with badge 220001 exists',
    );
    expect(renderError('unknown_reference', { target: 'officer', value: '220001' }, 'zh')).toBe(
      '没有警号为 220001 的民警',
    );
    expect(renderError('password_too_short', { min: 12, length: 5 }, 'zh')).toBe('密码至少需要 12 个字符（现有 5 个）');
  });
});
