/**
 * docs/errors.md lists every category and every code with its texts, as the registry has them.
 * Regenerate with OUTPOST_WRITE_DOCS=1 npx vitest run src/core/errors/errors-doc.test.ts.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Category, type ErrorDef, type Params } from './types.ts';
import { ERRORS, exitCodeOf, httpStatusOf, renderError, type ErrorCode } from './registry.ts';

const DOC = fileURLToPath(new URL('../../../docs/errors.md', import.meta.url));
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The document with the text between the markers replaced. */
function withSection(doc: string, begin: string, end: string, body: string): string {
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`markers ${begin} … ${end} not found`);
  return `${doc.slice(0, from + begin.length)}\n${body}\n${doc.slice(to)}`;
}

function categoryTable(): string {
  const rows = (Object.keys(CATEGORIES) as Category[]).map((c) => {
    const codes = (Object.keys(ERRORS) as ErrorCode[]).filter((code) => ERRORS[code].category === c).length;
    return `| \`${c}\` | ${CATEGORIES[c].status} | ${CATEGORIES[c].exit} | ${codes} |`;
  });
  return ['| category | HTTP status | exit code | codes |', '|---|---|---|---|', ...rows].join('\n');
}

function codeTable(): string {
  const codes = (Object.keys(ERRORS) as ErrorCode[]).sort();
  const rows = codes.map((code) => {
    const def = ERRORS[code] as ErrorDef<Params>;
    const texts = (['en', 'zh'] as const).map((lang) => cell(renderError(code, def.example, lang)!));
    return `| \`${code}\` | ${def.category} | ${httpStatusOf(code)} / ${exitCodeOf(code)} | ${texts[0]} | ${texts[1]} |`;
  });
  return ['| code | category | status / exit | English | 中文 |', '|---|---|---|---|---|', ...rows].join('\n');
}

describe('docs/errors.md', () => {
  it('lists every category and code as the registry has them', () => {
    const current = fs.readFileSync(DOC, 'utf8');
    let wanted = withSection(
      current,
      '<!-- categories:begin (generated from the registry: see src/core/errors/errors-doc.test.ts) -->',
      '<!-- categories:end -->',
      categoryTable(),
    );
    wanted = withSection(
      wanted,
      '<!-- codes:begin (generated from the registry: see src/core/errors/errors-doc.test.ts) -->',
      '<!-- codes:end -->',
      codeTable(),
    );
    if (process.env.OUTPOST_WRITE_DOCS === '1') fs.writeFileSync(DOC, wanted);
    else
      expect(
        current,
        'docs/errors.md is out of date: OUTPOST_WRITE_DOCS=1 npx vitest run src/core/errors/errors-doc.test.ts',
      ).toBe(wanted);
  });
});
