/**
 * Stations and rooms scored as if they were areas, ranked among their kind within an area's
 * subtree, with the change against the month before. What villages record is placed by reach
 * (domain/unit-reach.ts: a station counts each of its villages once); what officers and teams
 * record rolls up from room to station. Cached with the area figures, per data version and
 * scheme version.
 */
import { AppError } from '../../shared/errors.ts';
import {
  addFigures,
  evaluateInformational,
  evaluateScheme,
  INFORMATIONAL_SCHEME,
  rankUnder,
  rollupIndexed,
  treeIndex,
  withChange,
  sampledFigures,
  type Figures,
  type SampledFigure,
  type InformationalName,
  type InformationalResult,
  type RankingRowWithChange,
  type Scheme,
  type SchemeResult,
  type Totals,
} from './domain/index.ts';
import { placeByReach, reachOf, unitTree, type Reach, type VillageFigures } from './domain/unit-reach.ts';
import type { AssessmentService } from './assessment.service.ts';
import { households, householdsVisited } from './informational.repository.ts';
import { parseMonth, previousMonth, type Month } from './month.ts';
import { isWithinArea } from '../areas/area-tree.ts';
import { isOpenOn, isRoomType } from '#core/assessment/placement.ts';
import {
  roomCovers,
  stationsAndRooms,
  unitOfficerOwn,
  villageDayRecords,
  villageDayVisits,
  type UnitInfo,
} from './unit-placement.repository.ts';

export type UnitKind = 'room' | 'station';

export type UnitRankingRow = RankingRowWithChange & {
  type: string;
  area_code: string;
  station_code: string | null;
  /** Each figure with its denominator (the sample size) and whether it is a small sample. */
  indicators: Record<string, SampledFigure>;
};

export interface UnitResult extends SchemeResult {
  unit: string;
  month: string;
}

interface Registry {
  units: Map<string, UnitInfo>;
  reach: Reach;
  tree: ReturnType<typeof treeIndex>;
}

export class UnitAssessment {
  constructor(private readonly assessment: AssessmentService) {}

  private registry(): Promise<Registry> {
    return this.assessment.cached('units:registry', async () => {
      const db = this.assessment.db;
      const units = new Map((await stationsAndRooms(db)).map((u) => [u.code, u]));
      const covers = (await roomCovers(db)).map((c) => ({
        ...c,
        station: c.station_code !== null && units.has(c.station_code) ? c.station_code : null,
      }));
      return { units, reach: reachOf(covers), tree: treeIndex(unitTree([...units.values()])) };
    });
  }

  async unit(code: string): Promise<UnitInfo> {
    const unit = (await this.registry()).units.get(code);
    if (!unit) throw new AppError('room_or_station_not_found', { unit: code });
    return unit;
  }

  /** Officers' and teams' records rolled up the unit tree, plus what each unit reaches, whole. */
  private combined(
    registry: Registry,
    byOfficer: Map<string, Figures>,
    byReach: Map<string, Figures>,
    names: Scheme<string>,
  ): Totals {
    const rolled = rollupIndexed(registry.tree, byOfficer, names);
    return { get: (code) => addFigures(rolled.get(code) ?? {}, pick(byReach.get(code), names)) };
  }

  private async totals(scheme: Scheme, month: string): Promise<Totals> {
    const m: Month = parseMonth(month);
    const registry = await this.registry();
    const online = !!scheme.count_online_answers;
    const key = `unit:${scheme.name}:v${scheme.version ?? 0}${online ? ':online' : ''}:${month}`;
    return this.assessment.cached(key, async () => {
      const db = this.assessment.db;
      const byReach = placeByReach(registry.reach, await villageDayRecords(db, m, online), 'on');
      const residents = await (await this.assessment.placement()).residents(m.year);
      placeByReach(registry.reach, people(residents, m, ['crime_rate', 'group_defense']), 'people', byReach);
      return this.combined(registry, await unitOfficerOwn(db, m), byReach, scheme);
    });
  }

  /** One unit's performance for a month. */
  async result(code: string, month: string, scheme?: Scheme): Promise<UnitResult> {
    await this.unit(code);
    const s = scheme ?? (await this.assessment.schemeFor('performance', month));
    return { unit: code, month, ...evaluateScheme(s, (await this.totals(s, month)).get(code) ?? {}) };
  }

  /** One unit's informational figures for a month (a year of visits is read: asked for on its own). */
  async informational(code: string, month: string): Promise<Record<InformationalName, InformationalResult>> {
    await this.unit(code);
    const m = parseMonth(month);
    const registry = await this.registry();
    const totals = await this.assessment.cached(`unit:informational:${month}`, async () => {
      const db = this.assessment.db;
      const byReach = placeByReach(registry.reach, await villageDayVisits(db, m), 'on');
      placeByReach(
        registry.reach,
        people(await householdsVisited(db, m), m, ['households_visited_share'], 'numerator'),
        'people',
        byReach,
      );
      placeByReach(
        registry.reach,
        people(await households(db, m.year), m, ['households_visited_share']),
        'people',
        byReach,
      );
      return this.combined(registry, await unitOfficerOwn(db, m), byReach, INFORMATIONAL_SCHEME);
    });
    return evaluateInformational(totals.get(code) ?? {});
  }

  /** The rooms (or stations) of `within`'s subtree open at the end of the month, ranked, with change. */
  async rankings(within: string, month: string, kind: UnitKind, schemeName = 'performance'): Promise<UnitRankingRow[]> {
    if (schemeName !== 'performance') throw new AppError('scheme_not_for_units', { scheme: schemeName, ranked: true });
    await this.assessment.areas.area(within);
    const scheme = await this.assessment.schemeFor('performance', month);
    const current = await this.rankOnce(within, month, kind);
    const previous = await this.rankOnce(within, previousMonth(month), kind);
    const { units } = await this.registry();
    return withChange(current.rows, previous.rows).map((row) => {
      const u = units.get(row.code)!;
      return {
        ...row,
        type: u.type,
        area_code: u.area_code,
        station_code: u.station_code,
        indicators: sampledFigures(scheme, current.results.get(row.code)!),
      };
    });
  }

  private async rankOnce(within: string, month: string, kind: UnitKind) {
    const scheme = await this.assessment.schemeFor('performance', month);
    const tree = await this.assessment.areas.tree();
    const end = parseMonth(month).last;
    const totals = await this.totals(scheme, month);
    const subjects = [...(await this.registry()).units.values()]
      .filter(
        (u) =>
          (kind === 'room' ? isRoomType(u.type) : u.type === 'station') &&
          isOpenOn(u, end) &&
          isWithinArea(tree, u.area_code, within),
      )
      .map((u) => ({ code: u.code, name: u.name, figures: totals.get(u.code) ?? {} }));
    return rankUnder(scheme, subjects);
  }
}

/** Per-village counts as figures at the end of the month: denominators (people), or numerators. */
function people(
  counts: Map<string, number>,
  m: Month,
  names: string[],
  part: 'numerator' | 'denominator' = 'denominator',
): VillageFigures[] {
  return [...counts].map(([village, n]) => ({
    village,
    day: m.last,
    figures: Object.fromEntries(
      names.map((name) => [
        name,
        part === 'denominator' ? { numerator: 0, denominator: n } : { numerator: n, denominator: 0 },
      ]),
    ),
  }));
}

/** The figures of `names`' indicators only. */
function pick(figures: Figures | undefined, names: Scheme<string>): Figures {
  const out: Figures = {};
  for (const { name } of names.indicators) if (figures?.[name]) out[name] = figures[name];
  return out;
}
