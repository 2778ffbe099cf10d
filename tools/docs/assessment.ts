/**
 * The generated regions of docs/assessment.md: each scheme's indicators with their formulas and
 * settings, the informational figures, the ranking rules' numbers, the default thresholds, and
 * the worked example (worked-example.ts).
 */
import {
  DEFAULT_SCHEMES,
  DEFAULT_THRESHOLDS,
  INFORMATIONAL,
  LAST_RULE_COUNT,
  LAST_RULE_MIN_RANKED,
  OFFICER_SCHEME,
  PASSING_SCORE,
  WEB_EN,
  WEB_ZH,
  type Scheme,
} from './sources.ts';
import { FORMULAS, type Formula } from './formulas.ts';
import { code, num, table } from './markdown.ts';
import type { Renderers } from './regions.ts';
import { workedExampleRegions } from './worked-example.ts';

/** The web app's name of an indicator in one language; a missing one is an error. */
export function indicatorName(name: string, lang: 'zh' | 'en'): string {
  const key = `ind.${name}`;
  const words = (lang === 'zh' ? WEB_ZH : WEB_EN) as Record<string, string>;
  if (!(key in words)) throw new Error(`web/src/i18n/messages-${lang}.ts has no ${key}`);
  return words[key];
}

/** The docs' words for an indicator of a scheme; the indicator's own scale multiplies the numerator. */
export function formulaOf(scheme: string, name: string, scale = 1): Formula {
  const f = FORMULAS[scheme]?.[name];
  if (!f)
    throw new Error(`tools/docs/formulas.ts says nothing of ${scheme}.${name}: add its numerator and denominator`);
  return { ...f, numerator: scale === 1 ? f.numerator : `${num(scale)} × ${f.numerator}` };
}

/** Every indicator of the code's schemes has its words, and no words are left over. */
function checkFormulas(): void {
  const known: Record<string, readonly string[]> = {
    performance: DEFAULT_SCHEMES.performance.indicators.map((i) => i.name),
    construction: DEFAULT_SCHEMES.construction.indicators.map((i) => i.name),
    officer: OFFICER_SCHEME.indicators.map((i) => i.name),
    informational: INFORMATIONAL,
  };
  for (const [scheme, names] of Object.entries(FORMULAS))
    for (const name of Object.keys(names))
      if (!known[scheme]?.includes(name))
        throw new Error(`tools/docs/formulas.ts describes ${scheme}.${name}, which no scheme has`);
}

function schemeTable(scheme: Scheme<string>): string {
  checkFormulas();
  return table(
    ['indicator', '中文', 'numerator', 'denominator', 'better', 'floor (scores 0)', 'target (scores 100)', 'weight'],
    scheme.indicators.map((i) => {
      const f = formulaOf(scheme.name, i.name, i.scale);
      return [
        code(i.name),
        indicatorName(i.name, 'zh'),
        f.numerator,
        f.denominator,
        i.better,
        num(i.floor),
        num(i.target),
        num(i.weight),
      ];
    }),
    '',
  );
}

function informationalTable(): string {
  checkFormulas();
  return table(
    ['figure', '中文', 'numerator', 'denominator'],
    INFORMATIONAL.map((name) => {
      const f = formulaOf('informational', name);
      return [code(name), indicatorName(name, 'zh'), f.numerator, f.denominator];
    }),
  );
}

function rankingRules(): string {
  return [
    `- **Rank.** Composites are compared rounded to 9 decimal places, highest first; equal ones are ordered by code. A row whose rounded composite equals the row above it shares that row's rank; any other row's rank is its position (1, 2, 2, 4).`,
    `- **Lagging (落后).** A ranked row lags when any of these holds: its composite is below ${PASSING_SCORE}; ${LAST_RULE_MIN_RANKED} or more rows are ranked and its rank is among the last ${LAST_RULE_COUNT} (rank > n − ${LAST_RULE_COUNT}, n the number ranked); one of its scored indicators has no data.`,
    `- **Problems (问题).** Every ranked row, lagging or not, names as its problems its scored indicators that score below ${PASSING_SCORE}, in alphabetical order.`,
  ].join('\n');
}

function thresholds(): string {
  const t = DEFAULT_THRESHOLDS;
  return table(
    ['threshold', 'default', 'proposes'],
    [
      [
        code('commendation'),
        num(t.commendation),
        `a commendation (表扬) for a composite of ${num(t.commendation)} or more`,
      ],
      [code('criticism'), num(t.criticism), `a criticism (批评) for a composite below ${num(t.criticism)}`],
      [
        code('interview'),
        num(t.interview),
        `an interview (约谈) for a composite below ${num(t.interview)} in each of the last ${code('interview_months')} months, this one included`,
      ],
      [code('interview_months'), num(t.interview_months), 'the months the interview rule looks back over'],
    ],
  );
}

/** The regions of docs/assessment.md. */
export const assessmentRegions: Renderers = {
  'scheme-performance': () => schemeTable(DEFAULT_SCHEMES.performance),
  'scheme-construction': () => schemeTable(DEFAULT_SCHEMES.construction),
  'scheme-officer': () => schemeTable(OFFICER_SCHEME),
  informational: informationalTable,
  'ranking-rules': rankingRules,
  thresholds,
  ...workedExampleRegions,
};
