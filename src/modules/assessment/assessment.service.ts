/**
 * Indicators and rankings of any area for any month, always current: results are cached per
 * data version, and every write raises the version inside its transaction, so the first read
 * after a write recomputes and no read ever sees figures older than the data.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { dataVersion } from '../../db/data-version.ts';
import { AppError } from '../../shared/errors.ts';
import {
  DEFAULT_SCHEMES,
  evaluateScheme,
  indexChildren,
  rank,
  rollupIndexed,
  treeIndex,
  withChange,
  type ChildrenIndex,
  type Figures,
  type RankingRowWithChange,
  type Scheme,
  type SchemeName,
  type SchemeResult,
  type Totals,
  type TreeIndex,
} from './domain/index.ts';
import { constructionOwn, loadRegistry, performanceOwn, type Registry } from './assessment.repository.ts';
import { parseMonth, previousMonth } from './month.ts';

export interface AreaInfo {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

export interface IndicatorsResult extends SchemeResult {
  area: string;
  month: string;
  scheme: SchemeName;
}

interface Tree {
  areas: Map<string, AreaInfo>;
  children: ChildrenIndex;
  index: TreeIndex;
}

interface Computed {
  totals: Totals;
  own: Map<string, Figures>;
}

export class AssessmentService {
  private version = -1;
  private tree?: Promise<Tree>;
  private registry?: Promise<Registry>;
  private months = new Map<string, Promise<Computed>>();

  constructor(private readonly db: Kysely<DB>) {}

  /** Drops everything cached when the data changed since it was computed. */
  private async fresh(): Promise<void> {
    const v = await dataVersion(this.db);
    if (v !== this.version) {
      this.version = v;
      this.tree = undefined;
      this.registry = undefined;
      this.months.clear();
    }
  }

  async areaTree(): Promise<Tree> {
    await this.fresh();
    this.tree ??= this.loadTree().catch((e) => {
      this.tree = undefined;
      throw e;
    });
    return this.tree;
  }

  private async loadTree(): Promise<Tree> {
    const nodes = await this.db
      .selectFrom('areas')
      .select(['code', 'name', 'level', 'parent_code'])
      .where('voided_at', 'is', null)
      .execute();
    return { areas: new Map(nodes.map((n) => [n.code, n])), children: indexChildren(nodes), index: treeIndex(nodes) };
  }

  private async computed(scheme: Scheme, month: string): Promise<Computed> {
    const tree = await this.areaTree();
    const key = `${scheme.name}:${month}`;
    let result = this.months.get(key);
    if (!result) {
      const m = parseMonth(month);
      result = (async () => {
        this.registry ??= loadRegistry(this.db);
        const own =
          scheme.name === 'performance' ? await performanceOwn(this.db, m, await this.registry) : await constructionOwn(this.db, m);
        return { own, totals: rollupIndexed(tree.index, own, scheme) };
      })();
      result.catch(() => this.months.delete(key));
      this.months.set(key, result);
    }
    return result;
  }

  async area(code: string): Promise<AreaInfo> {
    const tree = await this.areaTree();
    const area = tree.areas.get(code);
    if (!area) throw new AppError('not_found', `no area ${code} exists`);
    return area;
  }

  async indicators(areaCode: string, month: string, schemeName: string): Promise<IndicatorsResult> {
    const scheme = schemeOf(schemeName);
    parseMonth(month);
    await this.area(areaCode);
    const { totals } = await this.computed(scheme, month);
    return { area: areaCode, month, scheme: scheme.name, ...evaluateScheme(scheme, totals.get(areaCode) ?? {}) };
  }

  /** The ranking of `within`'s direct children, with each row's change against the month before. */
  async rankings(within: string, month: string, schemeName: string, schemeOverride?: Scheme): Promise<RankingRowWithChange[]> {
    const scheme = schemeOverride ?? schemeOf(schemeName);
    parseMonth(month);
    await this.area(within);
    const current = await this.rankOnce(within, month, scheme);
    const previous = await this.rankOnce(within, previousMonth(month), scheme);
    return withChange(current, previous);
  }

  /** How one figure is made: what is placed at the area itself, plus each child's sums. */
  async explain(areaCode: string, month: string, schemeName: string, indicator: string): Promise<Explanation> {
    const scheme = schemeOf(schemeName);
    const def = scheme.indicators.find((d) => d.name === indicator);
    if (!def)
      throw new AppError('invalid_input', `indicator: "${indicator}" is not one of ${scheme.indicators.map((d) => d.name).join(', ')}`);
    parseMonth(month);
    await this.area(areaCode);
    const tree = await this.areaTree();
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
      children: tree.children.childrenOf(areaCode).map((code) => ({ code, name: tree.areas.get(code)!.name, ...figure(totals, code) })),
    };
  }

  private async rankOnce(within: string, month: string, scheme: Scheme) {
    const tree = await this.areaTree();
    const { totals } = await this.computed(scheme, month);
    const rows = tree.children.childrenOf(within).map((code) => {
      const result = evaluateScheme(scheme, totals.get(code) ?? {});
      return { code, name: tree.areas.get(code)!.name, composite: result.composite, indicators: result.indicators };
    });
    return rank(rows);
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

export function schemeOf(name: string): Scheme {
  if (name !== 'performance' && name !== 'construction')
    throw new AppError('invalid_input', `scheme: "${name ?? ''}" is not performance or construction`);
  return DEFAULT_SCHEMES[name];
}
