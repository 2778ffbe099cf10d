/**
 * Indicators and rankings of any area for any month, always current: results are cached per
 * data version, and every write raises the version inside its transaction, so the first read
 * after a write recomputes and no read ever sees figures older than the data. Each month is
 * scored with the scheme in force for its year (saved, else shipped); cache keys name the
 * scheme's version.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { DataVersionCache } from '../../db/data-version.ts';
import { AppError } from '../../shared/errors.ts';
import {
  evaluateInformational,
  evaluateScheme,
  INFORMATIONAL_SCHEME,
  rankUnder,
  rollupIndexed,
  withChange,
  type AnySchemeName,
  type Figures,
  type InformationalName,
  type InformationalResult,
  type RankingRowWithChange,
  type Scheme,
  type SchemeName,
  type SchemeResult,
  type Totals,
} from './domain/index.ts';
import { constructionOwn, loadRegistry, performanceOwn, type Registry } from './assessment.repository.ts';
import { informationalOwn } from './informational.repository.ts';
import { parseMonth, previousMonth } from './month.ts';
import { resolveScheme, type ResolvedScheme } from '../schemes/schemes.service.ts';
import { isSchemeName } from '#core/schemes/scheme-definition.ts';
import { AreaTreeService } from '../areas/area-tree.service.ts';

export interface IndicatorsResult extends SchemeResult {
  area: string;
  month: string;
  scheme: SchemeName;
  /** The version of the scheme scored with: 0 for the one shipped. */
  scheme_version: number;
}

export interface Computed {
  totals: Totals;
  own: Map<string, Figures>;
}

export class AssessmentService {
  /**
   * `cache`: one per database, shared with the area tree (`areas`), so that one data version
   * holds for both; each defaults to one of its own.
   */
  constructor(
    readonly db: Kysely<DB>,
    private readonly cache = new DataVersionCache(db),
    readonly areas = new AreaTreeService(cache),
  ) {}

  /**
   * `compute()` once per data version and key; a failure is not kept. For the figures other
   * modules derive from the same data (units, officers): one cache, dropped on every write.
   */
  cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.cache.get(key, compute);
  }

  /** The places records are put by (patrol teams' areas, residents per year), per data version. */
  placement(): Promise<Registry> {
    return this.cached('placement', () => loadRegistry(this.db));
  }

  /** The scheme in force for a year, with its version and thresholds. */
  resolvedScheme(name: AnySchemeName, year: number): Promise<ResolvedScheme> {
    return this.cached(`scheme:${name}:${year}`, () => resolveScheme(this.db, name, year));
  }

  /** The scheme `name` scores `month` with: the version in force for the month's year. */
  async schemeFor<N extends AnySchemeName>(name: N, month: string): Promise<Scheme<N>> {
    if (!isSchemeName(name))
      throw new AppError('scheme_unknown', {
        value: String(name),
        choices: ['performance', 'construction', 'officer'],
      });
    return (await this.resolvedScheme(name, parseMonth(month).year)).scheme as Scheme<N>;
  }

  /**
   * What is placed at each area and the roll-up, for a month. The figures depend on the scheme's
   * indicators, not on their settings, so a preview of edited settings shares its version's entry.
   */
  async computed(scheme: Scheme, month: string): Promise<Computed> {
    const tree = await this.areas.tree();
    const m = parseMonth(month);
    return this.cached(`area:${scheme.name}:v${scheme.version ?? 0}:${month}`, async () => {
      const own =
        scheme.name === 'performance'
          ? await performanceOwn(this.db, m, await this.placement())
          : await constructionOwn(this.db, m);
      return { own, totals: rollupIndexed(tree.index, own, scheme) };
    });
  }

  /** The informational figures (shown beside performance, never scored) of every area for a month. */
  async informational(month: string): Promise<Computed> {
    const tree = await this.areas.tree();
    const m = parseMonth(month);
    return this.cached(`area:informational:${month}`, async () => {
      const own = await informationalOwn(this.db, m);
      return { own, totals: rollupIndexed(tree.index, own, INFORMATIONAL_SCHEME) };
    });
  }

  async indicators(areaCode: string, month: string, schemeName: string): Promise<IndicatorsResult> {
    const scheme = await this.schemeFor(areaSchemeName(schemeName), month);
    await this.areas.area(areaCode);
    const { totals } = await this.computed(scheme, month);
    const result: IndicatorsResult = {
      area: areaCode,
      month,
      scheme: scheme.name,
      scheme_version: scheme.version ?? 0,
      ...evaluateScheme(scheme, totals.get(areaCode) ?? {}),
    };
    return result;
  }

  /**
   * The informational figures of an area for a month (shown beside performance, never scored).
   * Asked for on their own: the share of households visited reads a year of visits.
   */
  async informationalOf(areaCode: string, month: string): Promise<Record<InformationalName, InformationalResult>> {
    parseMonth(month);
    await this.areas.area(areaCode);
    return evaluateInformational((await this.informational(month)).totals.get(areaCode) ?? {});
  }

  /** The informational figures of each of an area's children for a month, in the tree's order. */
  async informationalOfChildren(
    areaCode: string,
    month: string,
  ): Promise<{ code: string; name: string; figures: Record<InformationalName, InformationalResult> }[]> {
    parseMonth(month);
    await this.areas.area(areaCode);
    const tree = await this.areas.tree();
    const { totals } = await this.informational(month);
    return tree.children.childrenOf(areaCode).map((code) => ({
      code,
      name: tree.areas.get(code)!.name,
      figures: evaluateInformational(totals.get(code) ?? {}),
    }));
  }

  /**
   * The ranking of `within`'s direct children, with each row's change against the month before.
   * `preview`: edited settings of the scheme for the month's year, as if saved (a month before
   * of another year keeps that year's scheme, as it would after saving).
   */
  async rankings(within: string, month: string, schemeName: string, preview?: Scheme): Promise<RankingRowWithChange[]> {
    const name = areaSchemeName(schemeName);
    const before = previousMonth(month);
    const scheme = preview ?? (await this.schemeFor(name, month));
    await this.areas.area(within);
    const sameYear = before.slice(0, 4) === month.slice(0, 4);
    const current = await this.rankOnce(within, month, scheme);
    const previous = await this.rankOnce(
      within,
      before,
      preview && sameYear ? preview : await this.schemeFor(name, before),
    );
    return withChange(current, previous);
  }

  /** How one figure is made: what is placed at the area itself, plus each child's sums. */
  async explain(areaCode: string, month: string, schemeName: string, indicator: string): Promise<Explanation> {
    const scheme = await this.schemeFor(areaSchemeName(schemeName), month);
    const def = scheme.indicators.find((d) => d.name === indicator);
    if (!def)
      throw new AppError('indicator_unknown', { value: indicator, choices: scheme.indicators.map((d) => d.name) });
    await this.areas.area(areaCode);
    const tree = await this.areas.tree();
    const { own, totals } = await this.computed(scheme, month);
    const figure = (m: { get(code: string): Figures | undefined }, code: string) => {
      const f = m.get(code)?.[indicator] ?? { numerator: 0, denominator: 0 };
      return { numerator: f.numerator * def.scale, denominator: f.denominator };
    };
    const total = figure(totals, areaCode);
    return {
      indicator,
      area: areaCode,
      month,
      scheme: scheme.name,
      ...total,
      value: total.denominator === 0 ? null : total.numerator / total.denominator,
      own: figure(own, areaCode),
      children: tree.children
        .childrenOf(areaCode)
        .map((code) => ({ code, name: tree.areas.get(code)!.name, ...figure(totals, code) })),
    };
  }

  /** The children of `within` ranked under `scheme`, with each child's full result. */
  async rankWithResults(within: string, month: string, scheme: Scheme) {
    const tree = await this.areas.tree();
    const { totals } = await this.computed(scheme, month);
    const subjects = tree.children
      .childrenOf(within)
      .map((code) => ({ code, name: tree.areas.get(code)!.name, figures: totals.get(code) ?? {} }));
    return rankUnder(scheme, subjects);
  }

  private async rankOnce(within: string, month: string, scheme: Scheme) {
    return (await this.rankWithResults(within, month, scheme)).rows;
  }
}

export interface Explanation {
  indicator: string;
  area: string;
  month: string;
  scheme: SchemeName;
  numerator: number;
  denominator: number;
  value: number | null;
  own: { numerator: number; denominator: number };
  children: { code: string; name: string; numerator: number; denominator: number }[];
}

/** A scheme of areas by name; the officer scheme scores officers, not areas. */
export function areaSchemeName(name: string): SchemeName {
  if (name !== 'performance' && name !== 'construction')
    throw new AppError('scheme_unknown', { value: name ?? '', choices: ['performance', 'construction'] });
  return name;
}
