/**
 * The error registry lists every code the server can emit, and only those: every listed code is
 * emitted somewhere in src/, and nothing emits a code that is not listed (its Chinese and
 * English texts are src/core/errors/registry.test.ts's). The TypeScript types already refuse
 * `new AppError('no_such_code', ...)` and a sentence where a code's parameters go; this scan
 * also catches codes written where the types cannot see them (zod messages, literals).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRORS, isErrorCode, type ErrorCode } from '#core/errors/registry.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CODES = Object.keys(ERRORS) as ErrorCode[];

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

describe('the error codes the server emits', () => {
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
