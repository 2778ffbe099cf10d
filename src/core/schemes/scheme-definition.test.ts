import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMES, evaluateScheme, OFFICER_SCHEME } from '../assessment/index.ts';
import {
  applyEdit,
  definitionIssues,
  DEFAULT_THRESHOLDS,
  orderedDefinition,
  schemeFrom,
  SCHEME_NAMES,
  shippedDefinition,
} from './scheme-definition.ts';

describe('scheme definitions', () => {
  it('ship the SPEC tables and default thresholds, and validate as they are', () => {
    for (const name of SCHEME_NAMES) expect(definitionIssues(name, shippedDefinition(name)), name).toEqual([]);
    expect(shippedDefinition('performance').indicators.crime_rate).toEqual({
      weight: 15,
      floor: 5,
      target: 1,
      better: 'lower',
    });
    expect(shippedDefinition('officer').thresholds).toEqual(DEFAULT_THRESHOLDS);
  });

  it('give back the shipped scheme, scale and order included, from the shipped definition', () => {
    for (const name of ['performance', 'construction'] as const)
      expect(schemeFrom(name, shippedDefinition(name), 0)).toEqual({ ...DEFAULT_SCHEMES[name], version: 0 });
    expect(schemeFrom('officer', shippedDefinition('officer'), 3)).toEqual({ ...OFFICER_SCHEME, version: 3 });
  });

  it('lay an edit over the settings in force, one field at a time', () => {
    const edited = applyEdit(shippedDefinition('performance'), {
      indicators: { crime_rate: { weight: 30 } },
      thresholds: { commendation: 95 },
    });
    expect(edited.indicators.crime_rate).toEqual({ weight: 30, floor: 5, target: 1, better: 'lower' });
    expect(edited.indicators.awareness_rate.weight).toBe(15);
    expect(edited.thresholds).toEqual({ ...DEFAULT_THRESHOLDS, commendation: 95 });
    expect(shippedDefinition('performance').indicators.crime_rate.weight).toBe(15);
  });

  it('refuse unknown names, naming them', () => {
    const issues = definitionIssues(
      'construction',
      applyEdit(shippedDefinition('construction'), {
        indicators: { nonsense: { weight: 1, floor: 0, target: 1, better: 'higher' } },
      }),
    );
    expect(issues).toEqual([
      {
        path: 'indicators.nonsense',
        code: 'indicator_not_in_scheme',
        params: expect.objectContaining({ scheme: 'construction' }),
        message: expect.stringContaining('not an indicator of the construction scheme'),
      },
    ]);
  });

  it('refuse equal floor and target, and a target on the worse side', () => {
    const issues = definitionIssues(
      'performance',
      applyEdit(shippedDefinition('performance'), {
        indicators: { awareness_rate: { target: 0.5 }, crime_rate: { target: 6 }, group_defense: { better: 'lower' } },
      }),
    );
    expect(issues.map((i) => i.path)).toEqual([
      'indicators.awareness_rate',
      'indicators.crime_rate.target',
      'indicators.group_defense.target',
    ]);
  });

  it('take weight 0 as not scored, but want one indicator scored', () => {
    const zero = (names: string[]) => Object.fromEntries(names.map((n) => [n, { weight: 0 }]));
    const names = OFFICER_SCHEME.indicators.map((d) => d.name);
    expect(
      definitionIssues('officer', applyEdit(shippedDefinition('officer'), { indicators: zero(names.slice(1)) })),
    ).toEqual([]);
    expect(definitionIssues('officer', applyEdit(shippedDefinition('officer'), { indicators: zero(names) }))).toEqual([
      {
        path: 'indicators',
        code: 'no_weight_above_zero',
        params: {},
        message: expect.stringContaining('at least one indicator needs a weight above 0'),
      },
    ]);
    expect(
      definitionIssues(
        'officer',
        applyEdit(shippedDefinition('officer'), { indicators: { visits_per_week: { weight: -1 } } }),
      )[0].path,
    ).toBe('indicators.visits_per_week.weight');
  });

  it('scores nothing of an indicator of weight 0', () => {
    const def = applyEdit(shippedDefinition('officer'), { indicators: { visits_per_week: { weight: 0 } } });
    const scheme = schemeFrom('officer', def, 1);
    const figures = {
      familiarity_rate: { numerator: 95, denominator: 100 },
      info_provision_rate: { numerator: 1, denominator: 1 },
    };
    expect(evaluateScheme(scheme, figures).composite).toBe(100);
  });

  it('refuse thresholds out of range or out of order', () => {
    const bad = (thresholds: object) =>
      definitionIssues('performance', applyEdit(shippedDefinition('performance'), { thresholds })).map((i) => i.path);
    expect(bad({ commendation: 101 })).toEqual(['thresholds.commendation']);
    expect(bad({ interview_months: 1.5 })).toEqual(['thresholds.interview_months']);
    expect(bad({ criticism: 95 })).toEqual(['thresholds.criticism']);
  });

  it('orders a definition as the SPEC table does, whatever order it came in', () => {
    const shuffled = { ...shippedDefinition('construction') };
    shuffled.indicators = Object.fromEntries(Object.entries(shuffled.indicators).reverse());
    expect(Object.keys(orderedDefinition('construction', shuffled).indicators)).toEqual(
      DEFAULT_SCHEMES.construction.indicators.map((d) => d.name),
    );
  });
});
