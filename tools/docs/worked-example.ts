/**
 * The worked example of docs/assessment.md: one city of the acceptance province, its counties'
 * figures summed, each indicator scored, the composite, and the two rankings it stands in. Every
 * number comes from the province's expected results; the generator scores them again with the
 * code's own schemes and ranking rules and refuses to write an example that disagrees.
 */
import fs from 'node:fs';
import {
  DEFAULT_SCHEMES,
  EXPECTED_FILE,
  LAST_RULE_COUNT,
  LAST_RULE_MIN_RANKED,
  PASSING_SCORE,
  evaluateScheme,
  type IndicatorDef,
  type RankingRow,
  type Scheme,
} from './sources.ts';
import { code, fixed, num, table } from './markdown.ts';
import type { Renderers } from './regions.ts';

/** The city worked through: City 4 has three counties, a lagging rank and a county with no data. */
export const WORKED_AREA = '510400000000';

interface Figure {
  numerator: number;
  denominator: number;
  value: number | null;
  score: number;
  no_data: boolean;
}

interface Expected {
  month: string;
  indicators: Record<string, Record<string, { composite: number; indicators: Record<string, Figure> }>>;
  rankings: Record<string, Record<string, RankingRow[]>>;
}

let cache: Expected | undefined;
function expected(): Expected {
  cache ??= JSON.parse(fs.readFileSync(EXPECTED_FILE, 'utf8')) as Expected;
  return cache;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** A raw count as the records give it: the numerator before the indicator's scale. */
function raw(def: IndicatorDef, f: Figure): { numerator: number; denominator: number } {
  return { numerator: f.numerator / def.scale, denominator: f.denominator };
}

function parentOf(code: string): string {
  const e = expected();
  for (const [within, rows] of Object.entries(e.rankings.performance))
    if (rows.some((r) => r.code === code)) return within;
  throw new Error(`${EXPECTED_FILE}: ${code} is ranked nowhere`);
}

function nameOf(code: string): string {
  for (const rows of Object.values(expected().rankings.performance)) {
    const row = rows.find((r) => r.code === code);
    if (row) return row.name;
  }
  throw new Error(`${EXPECTED_FILE}: no name for ${code}`);
}

/** The figures table: each child's raw numerator / denominator, what lies at the city itself, and the sum. */
function figuresTable(scheme: Scheme<string>): string {
  const e = expected();
  const results = e.indicators[scheme.name];
  const children = [...e.rankings[scheme.name][WORKED_AREA]].sort((a, b) => (a.code < b.code ? -1 : 1));
  const city = results[WORKED_AREA];
  const own = scheme.indicators.map((def) => {
    const sum = children.reduce(
      (s, c) => {
        const r = raw(def, results[c.code].indicators[def.name]);
        return { numerator: s.numerator + r.numerator, denominator: s.denominator + r.denominator };
      },
      { numerator: 0, denominator: 0 },
    );
    const whole = raw(def, city.indicators[def.name]);
    return { numerator: whole.numerator - sum.numerator, denominator: whole.denominator - sum.denominator };
  });
  const hasOwn = own.some((o) => Math.abs(o.numerator) > 1e-9 || Math.abs(o.denominator) > 1e-9);
  const pair = (f: { numerator: number; denominator: number }) => `${num(f.numerator)} / ${num(f.denominator)}`;
  const head = [
    'indicator',
    ...children.map((c) => c.name),
    ...(hasOwn ? ['at the city itself'] : []),
    nameOf(WORKED_AREA),
  ];
  const rows = scheme.indicators.map((def, i) => [
    code(def.name),
    ...children.map((c) => pair(raw(def, results[c.code].indicators[def.name]))),
    ...(hasOwn ? [pair(own[i])] : []),
    `**${pair(raw(def, city.indicators[def.name]))}**`,
  ]);
  return table(head, rows, `l${'r'.repeat(head.length - 1)}`);
}

/** `100 × (v − floor) ÷ (target − floor)`, clamped, or no data. */
function scoring(def: IndicatorDef, f: Figure): string {
  if (f.value === null) return 'no data: 0';
  const v = fixed(f.value, 4);
  const linear =
    def.better === 'higher'
      ? (f.value - def.floor) / (def.target - def.floor)
      : (def.floor - f.value) / (def.floor - def.target);
  const shown =
    def.better === 'higher'
      ? `100 × (${v} − ${num(def.floor)}) ÷ (${num(def.target)} − ${num(def.floor)})`
      : `100 × (${num(def.floor)} − ${v}) ÷ (${num(def.floor)} − ${num(def.target)})`;
  const clamped = linear > 1 ? ' (held at 100)' : linear < 0 ? ' (held at 0)' : '';
  return `${shown} = ${fixed(100 * linear, 2).replace('-', '−')}${clamped}`;
}

function scoreTable(scheme: Scheme<string>): string {
  const city = expected().indicators[scheme.name][WORKED_AREA];
  const rerun = evaluateScheme(
    scheme,
    Object.fromEntries(scheme.indicators.map((d) => [d.name, raw(d, city.indicators[d.name])])),
  );
  if (!close(rerun.composite, city.composite))
    throw new Error(
      `${scheme.name}: the code scores ${WORKED_AREA} ${rerun.composite}, the expected file ${city.composite}`,
    );
  let weighted = 0;
  let weights = 0;
  const rows = scheme.indicators.map((def) => {
    const f = city.indicators[def.name];
    if (!close(rerun.indicators[def.name].score, f.score))
      throw new Error(
        `${scheme.name}.${def.name}: the code scores ${rerun.indicators[def.name].score}, expected ${f.score}`,
      );
    weighted += def.weight * f.score;
    weights += def.weight;
    const value =
      f.value === null ? 'no data' : def.scale === 1 ? fixed(f.value, 4) : `${fixed(f.value, 4)} per ${num(def.scale)}`;
    return [
      code(def.name),
      value,
      def.better,
      scoring(def, f),
      fixed(f.score, 2),
      num(def.weight),
      fixed(def.weight * f.score, 2),
    ];
  });
  rows.push([
    '**composite**',
    '',
    '',
    `${fixed(weighted, 2)} ÷ ${num(weights)}`,
    `**${fixed(city.composite, 2)}**`,
    num(weights),
    fixed(weighted, 2),
  ]);
  return table(['indicator', 'value', 'better', 'how it scores', 'score', 'weight', 'weight × score'], rows, 'lrlrrrr');
}

/** Why a row lags, by the rules, from its own figures. */
function lagReasons(row: RankingRow, n: number, scheme: string): string[] {
  const reasons: string[] = [];
  if (row.composite < PASSING_SCORE) reasons.push(`composite below ${PASSING_SCORE}`);
  if (n >= LAST_RULE_MIN_RANKED && row.rank > n - LAST_RULE_COUNT)
    reasons.push(`rank ${row.rank} > ${n} − ${LAST_RULE_COUNT}`);
  const results = expected().indicators[scheme][row.code].indicators;
  const none = Object.entries(results)
    .filter(([, f]) => f.no_data)
    .map(([name]) => code(name));
  if (none.length > 0) reasons.push(`no data: ${none.join(', ')}`);
  return reasons;
}

function rankingTable(scheme: string, within: string): string {
  const rows = expected().rankings[scheme][within];
  return table(
    ['rank', 'code', 'name', 'composite', 'lagging', 'because', 'problems'],
    rows.map((r) => {
      const reasons = lagReasons(r, rows.length, scheme);
      if (reasons.length > 0 !== r.lagging)
        throw new Error(
          `${scheme} within ${within}: the rules make ${r.code} ${reasons.length > 0 ? '' : 'not '}lag, the expected file does not`,
        );
      const mark = (s: string) => (r.code === WORKED_AREA ? `**${s}**` : s);
      return [
        mark(String(r.rank)),
        mark(code(r.code)),
        mark(r.name),
        mark(fixed(r.composite, 2)),
        r.lagging ? 'yes' : 'no',
        reasons.join('; '),
        r.problems.map(code).join(', '),
      ];
    }),
    'rllrlll',
  );
}

function example(scheme: Scheme<string>): string {
  const month = expected().month;
  const parent = parentOf(WORKED_AREA);
  return [
    `**Figures, ${month}.** Each county's numerator / denominator as counted from the records (before any scale), and their sums for ${nameOf(WORKED_AREA)}:`,
    '',
    figuresTable(scheme),
    '',
    `**Scores and composite of ${nameOf(WORKED_AREA)}.**`,
    '',
    scoreTable(scheme),
    '',
    `**Ranked among the cities of the province ${code(parent)}** (${code(`rank --month ${month} --within ${parent} --scheme ${scheme.name}`)}):`,
    '',
    rankingTable(scheme.name, parent),
    '',
    `**Its counties ranked** (${code(`rank --month ${month} --within ${WORKED_AREA} --scheme ${scheme.name}`)}):`,
    '',
    rankingTable(scheme.name, WORKED_AREA),
  ].join('\n');
}

/** The worked example's regions, one per scheme of areas. */
export const workedExampleRegions: Renderers = {
  'example-performance': () => example(DEFAULT_SCHEMES.performance),
  'example-construction': () => example(DEFAULT_SCHEMES.construction),
};
