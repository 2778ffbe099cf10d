/**
 * Stations and rooms scored as if they were areas (unit-placement.repository.ts), ranked among
 * their kind within an area's subtree, with the change against the month before. Cached with
 * the area figures, per data version and scheme version.
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
  type InformationalName,
  type InformationalResult,
  type RankingRowWithChange,
  type Scheme,
  type SchemeResult,
  type Figures,
  type Totals,
} from './domain/index.ts';
import type { AssessmentService } from './assessment.service.ts';
import { parseMonth, previousMonth, type Month } from './month.ts';
import { isWithinArea } from './records-scope.ts';
import {
  stationsAndRooms,
  unitOfficerOwn,
  unitReachOwn,
  unitTree,
  type UnitInfo,
} from './unit-placement.repository.ts';

export type UnitKind = 'room' | 'station';

export type UnitRankingRow = RankingRowWithChange & { type: string; area_code: string; station_code: string | null };

export interface UnitResult extends SchemeResult {
  unit: string;
  month: string;
  informational: Record<InformationalName, InformationalResult>;
}

const ROOM_TYPES = new Set(['community_room', 'rural_office']);

export function isOpenAt(u: { opened_on: string | null; closed_on: string | null }, day: string): boolean {
  return u.opened_on !== null && u.opened_on <= day && (u.closed_on === null || u.closed_on > day);
}

export class UnitAssessment {
  constructor(private readonly assessment: AssessmentService) {}

  private units(): Promise<Map<string, UnitInfo>> {
    return this.assessment.cached(
      'units:registry',
      async () => new Map((await stationsAndRooms(this.assessment.db)).map((u) => [u.code, u])),
    );
  }

  async unit(code: string): Promise<UnitInfo> {
    const unit = (await this.units()).get(code);
    if (!unit) throw new AppError('not_found', `no station or room ${code} exists`);
    return unit;
  }

  /** Each unit's totals (own plus, for a station, its rooms'), for the scheme's figures and the informational ones. */
  private async totals(scheme: Scheme, month: string): Promise<{ scored: Totals; informational: Totals }> {
    const m: Month = parseMonth(month);
    const units = await this.units();
    return this.assessment.cached(`unit:${scheme.name}:v${scheme.version ?? 0}:${month}`, async () => {
      const index = treeIndex(unitTree([...units.values()]));
      const db = this.assessment.db;
      const byOfficer = await unitOfficerOwn(db, m);
      const byReach = await unitReachOwn(db, m);
      // Officers' records roll up from room to station; what a unit reaches is counted once, whole.
      const totals = (names: Scheme<string>): Totals => {
        const rolled = rollupIndexed(index, byOfficer, names);
        return { get: (code) => addFigures(rolled.get(code) ?? {}, pick(byReach.get(code), names)) };
      };
      return { scored: totals(scheme), informational: totals(INFORMATIONAL_SCHEME) };
    });
  }

  /** One unit's performance for a month. */
  async result(code: string, month: string, scheme?: Scheme): Promise<UnitResult> {
    await this.unit(code);
    const s = scheme ?? (await this.assessment.schemeFor('performance', month));
    const { scored, informational } = await this.totals(s, month);
    return {
      unit: code,
      month,
      ...evaluateScheme(s, scored.get(code) ?? {}),
      informational: evaluateInformational(informational.get(code) ?? {}),
    };
  }

  /** The rooms (or stations) of `within`'s subtree open at the end of the month, ranked, with change. */
  async rankings(within: string, month: string, kind: UnitKind, schemeName = 'performance'): Promise<UnitRankingRow[]> {
    if (schemeName !== 'performance')
      throw new AppError('invalid_input', `scheme: units are ranked under the performance scheme, not ${schemeName}`);
    await this.assessment.area(within);
    const current = await this.rankOnce(within, month, kind);
    const previous = await this.rankOnce(within, previousMonth(month), kind);
    const units = await this.units();
    return withChange(current, previous).map((row) => {
      const u = units.get(row.code)!;
      return { ...row, type: u.type, area_code: u.area_code, station_code: u.station_code };
    });
  }

  private async rankOnce(within: string, month: string, kind: UnitKind) {
    const scheme = await this.assessment.schemeFor('performance', month);
    const tree = await this.assessment.areaTree();
    const end = parseMonth(month).last;
    const { scored } = await this.totals(scheme, month);
    const subjects = [...(await this.units()).values()]
      .filter(
        (u) =>
          (kind === 'room' ? ROOM_TYPES.has(u.type) : u.type === 'station') &&
          isOpenAt(u, end) &&
          isWithinArea(tree, u.area_code, within),
      )
      .map((u) => ({ code: u.code, name: u.name, figures: scored.get(u.code) ?? {} }));
    return rankUnder(scheme, subjects).rows;
  }
}

/** The figures of `names`' indicators only. */
function pick(figures: Figures | undefined, names: Scheme<string>): Figures {
  const out: Figures = {};
  for (const { name } of names.indicators) if (figures?.[name]) out[name] = figures[name];
  return out;
}
