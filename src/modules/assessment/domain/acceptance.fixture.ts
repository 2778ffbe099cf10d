// Test-only: reads the acceptance fixture (test/fixtures/acceptance/) for the domain tests.
import { readFileSync } from 'node:fs';
import type { RankingRow } from '#core/assessment/ranking.ts';
import type { SchemeName } from '#core/assessment/scheme.ts';
import type { IndicatorResult } from '#core/assessment/score.ts';

export interface ExpectedIndicators {
  area: string;
  month: string;
  scheme: SchemeName;
  composite: number;
  indicators: Record<string, IndicatorResult>;
}

export interface Expected {
  month: string;
  indicators: Record<SchemeName, Record<string, ExpectedIndicators>>;
  rankings: Record<SchemeName, Record<string, RankingRow[]>>;
}

export interface AreaRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

const ACCEPTANCE = new URL('../../../../test/fixtures/acceptance/', import.meta.url);

export function loadExpected(): Expected {
  return JSON.parse(readFileSync(new URL('province-51.expected.json', ACCEPTANCE), 'utf8')) as Expected;
}

/** areas.csv of the fixture: plain CSV without quoting, columns in the header's order. */
export function loadAreas(): AreaRow[] {
  const text = readFileSync(new URL('province-51/areas.csv', ACCEPTANCE), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l !== '');
  const cols = header.split(',');
  const at = (name: string): number => cols.indexOf(name);
  return lines.map((line) => {
    if (line.includes('"')) throw new Error(`areas.csv: quoted field not supported here: ${line}`);
    const cells = line.split(',');
    const parent = cells[at('parent_code')];
    return {
      code: cells[at('code')],
      name: cells[at('name')],
      level: cells[at('level')],
      parent_code: parent === '' ? null : parent,
    };
  });
}
