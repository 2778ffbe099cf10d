/**
 * The registry is closed and complete: every code the server can emit is listed with a Chinese
 * and an English text, every listed code is emitted somewhere, and nothing emits a code that is
 * not listed. The TypeScript types already refuse `new AppError('no_such_code', ...)`; the scan
 * below also catches codes written where the types cannot see them (zod messages, literals).
 */
import fs from 'node:fs';
import path from 'node:path';
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

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CODES = Object.keys(ERRORS) as ErrorCode[];
const HAN = /\p{Script=Han}/u;

function sources(dir: string): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    if (!/\.tsx?$/.test(e.name) || /\.test\.tsx?$/.test(e.name)) return [];
    return [{ file: path.relative(ROOT, full), text: fs.readFileSync(full, 'utf8') }];
  });
}

/** The server's sources, without the registry itself (whose examples name codes). */
const SERVER = sources(path.join(ROOT, 'src')).filter((s) => !s.file.startsWith(path.join('src', 'core', 'errors')));

/** Where a code is written as one: the first argument of what takes a code, a schema's message. */
const EMITTERS = [
  /new (?:AppError|CellError|TextDecodingError)\(\s*'([^']+)'/g,
  /\bcoded\(\s*'([^']+)'/g,
  /\bproblem\(\s*'[^']*',\s*'([^']+)'/g,
  /\brefusal\(\s*'([^']+)'/g,
  /\.regex\([^,]+,\s*'([^']+)'\)/g,
  /\.refine\([^;]*?message: '([^']+)'/g,
  /\.refine\([^;]*?, '([^' ]+)'\)/g,
  /addIssue\(\{[^}]*?message: '([^']+)'/g,
  /\bissue\(\s*'[^']*',\s*'([^']+)'\)/g,
];

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
    const cause = { code: 'area_outside_scope', params: { value: 'C2', scope: 'C1' } };
    expect(renderError('replaces_outside_scope', { cause }, 'zh')).toBe(
      '会替换您管辖范围以外的一行：C2 不在您的管辖范围（C1）内',
    );
    expect(renderError('replaces_outside_scope', { cause }, 'en')).toBe(
      'it would replace a row outside your scope: C2 is not in your area (C1)',
    );
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

  it('lists every code the server emits, and every listed code is emitted', () => {
    const written = new Map<string, string>();
    for (const { file, text } of SERVER)
      for (const pattern of EMITTERS) for (const m of text.matchAll(pattern)) written.set(m[1], file);
    for (const [code, file] of written)
      expect(isErrorCode(code), `${file} emits ${code}, which is not registered`).toBe(true);
    // A code may also be chosen in an expression (`cond ? 'session_ended' : 'no_account_yet'`) or
    // returned (a challenge's refusal): any literal of a registered code counts as emitted.
    const quoted = new Set(SERVER.flatMap(({ text }) => [...text.matchAll(/'([a-z][a-z0-9_]*)'/g)].map((m) => m[1])));
    // zod's own kinds of issue map to these in field-issues.ts (inside the registry's folder).
    const mapped = ['expected_type', 'too_small', 'too_big', 'invalid_format', 'invalid_value', 'unrecognized_keys'];
    for (const code of [...mapped, 'not_multiple_of', 'invalid_field']) quoted.add(code);
    expect(
      CODES.filter((c) => !quoted.has(c) && !written.has(c)),
      'registered codes that nothing emits',
    ).toEqual([]);
  });

  it('leaves no English sentence as a code: every schema message and AppError names a code', () => {
    const sentences: string[] = [];
    for (const { file, text } of SERVER) {
      for (const m of text.matchAll(/new AppError\(\s*(['`])([^'`]*)\1/g))
        if (!isErrorCode(m[2])) sentences.push(`${file}: new AppError(${m[2]})`);
      for (const m of text.matchAll(/new AppError\(\s*'[^']*',\s*(['`"][^'`"]*)/g))
        sentences.push(`${file}: a sentence where the parameters go: ${m[1]}`);
      for (const m of text.matchAll(/\.(?:regex|refine)\([^;]*?'([^']*\s[^']*)'\)/g))
        sentences.push(`${file}: ${m[1]}`);
      for (const m of text.matchAll(/(?:addIssue\(\{[^}]*?message|\bissue\(\s*'[^']*'),\s*[`'"]([^`'"]*\s[^`'"]*)/g))
        sentences.push(`${file}: ${m[1]}`);
    }
    expect(sentences).toEqual([]);
  });
});
