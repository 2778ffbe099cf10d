/**
 * Indicators and rankings of any area for any month, always current: results are cached per
 * data version, and every write raises the version inside its transaction, so the first read
 * after a write recomputes and no read ever sees figures older than the data. Each month is
 * scored with the scheme in force for its year (saved, else shipped); cache keys name the
 * scheme's version. Inside a locked period (SPEC §5) the figures, the scheme and the rankings
 * are those stored at the lock (frozen-figures.ts); `revised()` answers as if nothing were
 * locked. Locking and unlocking raise the data version too, so no cached figure outlives either.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { DataVersionCache } from '../../db/data-version.ts';
import { AppError } from '../../shared/errors.ts';
import {
  evaluateInformational,
  evaluateScheme,
  INFORMATIONAL_SCHEME,
  ONLINE_SCHEME,
  onlineAnswersOf,
  rankUnder,
  rollupIndexed,
  withChange,
  type AnySchemeName,
  type Figures,
  type InformationalName,
  type InformationalResult,
  type OnlineAnswers,
  type RankingRowWithChange,
  type Scheme,
  type SchemeName,
  type SchemeResult,
} from './domain/index.ts';
import {
  constructionOwn,
  loadRegistry,
  onlineAnswersOwn,
  performanceOwn,
  withOnlineAnswers,
  type Registry,
} from './assessment.repository.ts';
import { informationalOwn } from './informational.repository.ts';
import { parseMonth, previousMonth } from './month.ts';
import { resolveScheme, type ResolvedScheme } from '../schemes/schemes.service.ts';
import { isSchemeName } from '#core/schemes/scheme-definition.ts';
import { AreaTreeService } from '../areas/area-tree.service.ts';
import {
  decodeSnapshot,
  encodeSnapshot,
  locksOf,
  withFrozen,
  type Computed,
  type FrozenSubtree,
  type Locks,
  type SnapshotArea,
  type SnapshotData,
} from './frozen-figures.ts';
import { lockedAreas, readSnapshot } from './snapshots.repository.ts';
import { AREA_SCHEMES } from '#core/assessment/scheme.ts';

export type { Computed };

export interface IndicatorsResult extends SchemeResult {
  area: string;
  month: string;
  scheme: SchemeName;
  /** The version of the scheme scored with: 0 for the one shipped. */
  scheme_version: number;
  /** Performance: the public form's answers, their own figure (counted in the rates or not). */
  online_answers?: OnlineAnswers;
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
    /** False: the figures as they stand, whatever is locked ("revised"). */
    readonly frozen = true,
  ) {}

  private live?: AssessmentService;

  /** The same service answering as if no period were locked: the live recomputation ("revised"). */
  revised(): AssessmentService {
    if (!this.frozen) return this;
    return (this.live ??= new AssessmentService(this.db, this.cache, this.areas, false));
  }

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
    const live = await this.liveComputed(scheme, month);
    if (!this.frozen) return live;
    const locks = await this.locks(month);
    if (locks.roots.length === 0) return live;
    const tree = await this.areas.tree();
    return this.cached(`frozen:${schemeKey(scheme)}:${month}`, async () => {
      const subtrees = new Map<string, FrozenSubtree>();
      for (const root of locks.roots) subtrees.set(root, await this.frozenSubtree(root, month, scheme.name));
      return withFrozen(tree.index, live, scheme, subtrees, locks.rootOf);
    });
  }

  private async liveComputed(scheme: Scheme, month: string) {
    const tree = await this.areas.tree();
    const m = parseMonth(month);
    return this.cached(`area:${schemeKey(scheme)}:${month}`, async () => {
      let own =
        scheme.name === 'performance'
          ? await performanceOwn(this.db, m, await this.placement())
          : await constructionOwn(this.db, m);
      if (scheme.name === 'performance' && scheme.count_online_answers)
        own = withOnlineAnswers(own, (await this.onlineFigures(month)).own);
      return { own, totals: rollupIndexed(tree.index, own, scheme) };
    });
  }

  /** The public form's answers of every area for a month, as figures (assessment.repository.ts). */
  private async onlineFigures(month: string): Promise<Computed & { own: ReadonlyMap<string, Figures> }> {
    const tree = await this.areas.tree();
    return this.cached(`area:online:${month}`, async () => {
      const own = await onlineAnswersOwn(this.db, parseMonth(month));
      return { own, totals: rollupIndexed(tree.index, own, ONLINE_SCHEME) };
    });
  }

  /**
   * An area's answers of the public form in a month, its own figure beside awareness and
   * satisfaction, and whether `scheme` (the performance scheme in force) counts them. Read live,
   * inside a locked period too: what a lock froze is the scored rates.
   */
  async onlineAnswers(areaCode: string, month: string, scheme: Scheme): Promise<OnlineAnswers> {
    const { totals } = await this.onlineFigures(month);
    return onlineAnswersOf(totals.get(areaCode) ?? {}, !!scheme.count_online_answers);
  }

  /** The locked subtrees of a month, by the tree as it stands. */
  locks(month: string): Promise<Locks> {
    return this.cached(`locks:${month}`, async () =>
      locksOf(await this.areas.tree(), await lockedAreas(this.db, month)),
    );
  }

  private frozenSubtree(root: string, month: string, scheme: SchemeName): Promise<FrozenSubtree> {
    return this.cached(`snapshot:${root}:${month}:${scheme}`, async () => {
      const stored = await readSnapshot(this.db, root, month, scheme);
      if (!stored) throw new AppError('period_figures_missing', { area: root, month, scheme });
      return decodeSnapshot(root, stored.data);
    });
  }

  /** The frozen figures `code` lies in for a month and scheme; null where nothing is locked (or revised). */
  async frozenAt(code: string, month: string, scheme: SchemeName): Promise<FrozenSubtree | null> {
    if (!this.frozen) return null;
    const root = (await this.locks(month)).rootOf(code);
    return root === null ? null : this.frozenSubtree(root, month, scheme);
  }

  /**
   * What a lock of (`area`, `month`) stores, per scheme: the figures of its subtree as they are
   * answered now (frozen already where an ancestor or a descendant is locked), the scheme in
   * force, and every ranking inside it.
   */
  async snapshot(area: string, month: string): Promise<SnapshotData[]> {
    await this.areas.area(area);
    const out: SnapshotData[] = [];
    for (const name of AREA_SCHEMES) {
      const frozen = await this.frozenAt(area, month, name);
      const live = await this.schemeFor(name, month);
      const figures = await this.computed(live, month);
      const areas = await this.subtreeAreas(area, frozen);
      const rankings: Record<string, RankingRowWithChange[]> = {};
      const parents = new Set(areas.map((a) => a.parent_code));
      for (const a of areas) if (parents.has(a.code)) rankings[a.code] = await this.rankings(a.code, month, name);
      out.push(encodeSnapshot(frozen?.scheme ?? live, areas, figures, rankings));
    }
    return out;
  }

  /** `area` and every area below it, top-down: as frozen when it lies in a locked subtree. */
  private async subtreeAreas(area: string, frozen: FrozenSubtree | null): Promise<SnapshotArea[]> {
    const tree = await this.areas.tree();
    const children = (c: string) => (frozen ? (frozen.children.get(c) ?? []) : tree.children.childrenOf(c));
    const name = (c: string) => (frozen ? (frozen.names.get(c) ?? c) : tree.areas.get(c)!.name);
    const out: SnapshotArea[] = [
      { code: area, name: name(area), parent_code: tree.areas.get(area)?.parent_code ?? null },
    ];
    for (let i = 0; i < out.length; i++)
      for (const c of children(out[i].code)) out.push({ code: c, name: name(c), parent_code: out[i].code });
    return out;
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
    const frozen = await this.frozenAt(areaCode, month, scheme.name);
    const online =
      scheme.name === 'performance'
        ? { online_answers: await this.onlineAnswers(areaCode, month, frozen?.scheme ?? scheme) }
        : {};
    if (frozen)
      return {
        area: areaCode,
        month,
        scheme: scheme.name,
        scheme_version: frozen.scheme.version ?? 0,
        ...evaluateScheme(frozen.scheme, frozen.totals.get(areaCode) ?? {}),
        ...online,
      };
    const { totals } = await this.computed(scheme, month);
    const result: IndicatorsResult = {
      area: areaCode,
      month,
      scheme: scheme.name,
      scheme_version: scheme.version ?? 0,
      ...evaluateScheme(scheme, totals.get(areaCode) ?? {}),
      ...online,
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
    const frozen = preview ? null : await this.frozenAt(within, month, name);
    if (frozen) return frozen.rankings.get(within) ?? [];
    const sameYear = before.slice(0, 4) === month.slice(0, 4);
    const current = await this.rankOnce(within, month, scheme, !!preview);
    const previous = await this.rankOnce(
      within,
      before,
      preview && sameYear ? preview : await this.schemeFor(name, before),
      !!(preview && sameYear),
    );
    return withChange(current, previous);
  }

  /** How one figure is made: what is placed at the area itself, plus each child's sums. */
  async explain(areaCode: string, month: string, schemeName: string, indicator: string): Promise<Explanation> {
    const live = await this.schemeFor(areaSchemeName(schemeName), month);
    await this.areas.area(areaCode);
    const frozen = await this.frozenAt(areaCode, month, live.name);
    const scheme = frozen?.scheme ?? live;
    const def = scheme.indicators.find((d) => d.name === indicator);
    if (!def)
      throw new AppError('indicator_unknown', { value: indicator, choices: scheme.indicators.map((d) => d.name) });
    const tree = await this.areas.tree();
    const { own, totals } = await this.computed(live, month);
    const children = frozen ? (frozen.children.get(areaCode) ?? []) : tree.children.childrenOf(areaCode);
    const nameOf = (code: string) => (frozen ? frozen.names.get(code)! : tree.areas.get(code)!.name);
    const figure = (m: { get(code: string): Figures | undefined }, code: string) => {
      const f = m.get(code)?.[indicator] ?? { numerator: 0, denominator: 0 };
      return { numerator: f.numerator * def.scale, denominator: f.denominator };
    };
    const total = figure(totals, areaCode);
    const online =
      scheme.name === 'performance' && (indicator === 'awareness_rate' || indicator === 'satisfaction_rate')
        ? { online: await this.onlineAnswers(areaCode, month, scheme) }
        : {};
    return {
      indicator,
      area: areaCode,
      month,
      scheme: scheme.name,
      ...total,
      value: total.denominator === 0 ? null : total.numerator / total.denominator,
      own: figure(own, areaCode),
      children: children.map((code) => ({ code, name: nameOf(code), ...figure(totals, code) })),
      ...online,
    };
  }

  /**
   * The children of `within` ranked under `scheme`, with each child's full result. Inside a
   * locked period, its children and figures as locked, under the scheme locked with them unless
   * `preview` (edited settings tried on the locked figures).
   */
  async rankWithResults(within: string, month: string, scheme: Scheme, preview = false) {
    const tree = await this.areas.tree();
    const frozen = await this.frozenAt(within, month, scheme.name);
    const { totals } = await this.computed(scheme, month);
    const subjects = (frozen ? (frozen.children.get(within) ?? []) : tree.children.childrenOf(within)).map((code) => ({
      code,
      name: frozen ? frozen.names.get(code)! : tree.areas.get(code)!.name,
      figures: totals.get(code) ?? {},
    }));
    return rankUnder(frozen && !preview ? frozen.scheme : scheme, subjects);
  }

  private async rankOnce(within: string, month: string, scheme: Scheme, preview: boolean) {
    return (await this.rankWithResults(within, month, scheme, preview)).rows;
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
  /** Awareness and satisfaction: the public form's answers beside the figure. */
  online?: OnlineAnswers;
}

/**
 * What a scheme's figures are cached under: its name and version, and whether it counts the
 * public form's answers (a preview may switch that without a new version).
 */
function schemeKey(scheme: Scheme): string {
  return `${scheme.name}:v${scheme.version ?? 0}${scheme.count_online_answers ? ':online' : ''}`;
}

/** A scheme of areas by name; the officer scheme scores officers, not areas. */
export function areaSchemeName(name: string): SchemeName {
  if (name !== 'performance' && name !== 'construction')
    throw new AppError('scheme_unknown', { value: name ?? '', choices: ['performance', 'construction'] });
  return name;
}
