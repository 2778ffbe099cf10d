/**
 * Completeness and timeliness of any area (and station or room) in any month (SPEC §5), and the
 * month every page opens on. A month's rooms are read once per data version and deadline, and
 * rolled up the area tree as the assessment rolls its figures; `default_month` walks back from
 * the current month over the months that have reports only.
 *
 * @example
 *   const c = new CompletenessService(ctx.assessment);
 *   (await c.children('510000000000', '2019-06')).map((r) => r.rate);
 */
import { AppError } from '../../shared/errors.ts';
import { addDays, currentMonth, startOfDay, today } from '../../shared/clock.ts';
import { rollupIndexed, type Figures, type Totals } from '../assessment/domain/index.ts';
import type { AssessmentService } from '../assessment/assessment.service.ts';
import { parseMonth } from '../assessment/month.ts';
import { latestMonth } from '../assessment/warm-up.ts';
import { ancestorsOf, isWithinArea } from '../areas/area-tree.ts';
import { loadCompletenessSettings } from './completeness.settings.ts';
import { latestReportOnOrBefore, roomsOfMonth, type RoomMonth } from './completeness.repository.ts';
import {
  completeness,
  defaultMonth,
  meetsThreshold,
  reportingDeadline,
  type Completeness,
} from '#core/assessment/completeness.ts';
import { addMonths, endOfMonth } from '#core/calendar/month.ts';
import type {
  CompletenessArea,
  CompletenessRoom,
  CompletenessRow,
  CompletenessSettings,
} from '#core/contracts/completeness.schema.ts';

/** The two counts rolled up the tree, as figures over open rooms. */
const FIGURES = {
  name: 'completeness',
  indicators: ['reporting', 'on_time'].map((name) => ({
    name,
    better: 'higher' as const,
    floor: 0,
    target: 1,
    weight: 0,
    scale: 1,
  })),
};

/** A month's rooms and their totals over the tree. */
export interface MonthCompleteness {
  month: string;
  rooms: RoomMonth[];
  totals: Totals;
}

/** How far back `default_month` looks when the threshold is 0 (every month with rooms meets it). */
const MONTHS_BACK_AT_ZERO = 240;

export class CompletenessService {
  constructor(private readonly assessment: AssessmentService) {}

  settings(): Promise<CompletenessSettings> {
    return loadCompletenessSettings(this.assessment.db);
  }

  /** The rooms of `month` and their roll-up, with reports on time by day `deadlineDay` of the next month. */
  async month(month: string, deadlineDay?: number): Promise<MonthCompleteness> {
    const m = parseMonth(month);
    const day = deadlineDay ?? (await this.settings()).deadline_day;
    const cutoff = startOfDay(addDays(reportingDeadline(month, day)));
    const tree = await this.assessment.areas.tree();
    return this.assessment.cached(`completeness:${month}:d${day}`, async () => {
      const rooms = await roomsOfMonth(this.assessment.db, m, cutoff);
      const own = new Map<string, Figures>();
      for (const r of rooms) {
        const f = own.get(r.area_code) ?? {
          reporting: { numerator: 0, denominator: 0 },
          on_time: { numerator: 0, denominator: 0 },
        };
        f.reporting.numerator += r.records > 0 ? 1 : 0;
        f.reporting.denominator += 1;
        f.on_time.numerator += r.on_time > 0 ? 1 : 0;
        f.on_time.denominator += 1;
        own.set(r.area_code, f);
      }
      return { month, rooms, totals: rollupIndexed(tree.index, own, FIGURES) };
    });
  }

  /** SPEC §5: `within`'s children with their open rooms, reporting rooms and rate. */
  async children(within: string, month: string): Promise<CompletenessRow[]> {
    await this.assessment.areas.area(within);
    const tree = await this.assessment.areas.tree();
    const { totals } = await this.month(month);
    return tree.children
      .childrenOf(within)
      .map((code) => ({ code, name: tree.areas.get(code)!.name, ...figureOf(totals, code) }));
  }

  /** One area's completeness with the rules it is judged by: threshold and deadline. */
  async area(code: string, month: string): Promise<CompletenessArea> {
    const area = await this.assessment.areas.area(code);
    const settings = await this.settings();
    const { totals } = await this.month(month, settings.deadline_day);
    const figure = figureOf(totals, code);
    const deadline = reportingDeadline(month, settings.deadline_day);
    return {
      area: code,
      name: area.name,
      month,
      ...figure,
      threshold: settings.threshold,
      complete: meetsThreshold(figure.rate, settings.threshold),
      deadline,
      deadline_day: settings.deadline_day,
      deadline_passed: today() > deadline,
    };
  }

  /** The open rooms of `area`'s subtree at the month's end, by area then code; `units` limits them (an officer's own). */
  async rooms(
    code: string,
    month: string,
    which: 'no' | 'yes' | 'all',
    units: ((unit: string) => boolean) | null = null,
  ): Promise<CompletenessRoom[]> {
    await this.assessment.areas.area(code);
    const tree = await this.assessment.areas.tree();
    const { rooms } = await this.month(month);
    const areasBelow = (room: RoomMonth) =>
      [...ancestorsOf(tree, room.area_code), tree.areas.get(room.area_code)!]
        .filter((a) => a && a.code !== code && isWithinArea(tree, a.code, code))
        .map((a) => ({ code: a.code, name: a.name }));
    return rooms
      .filter((r) => tree.areas.has(r.area_code) && isWithinArea(tree, r.area_code, code))
      .filter((r) => (units ? units(r.code) : true))
      .filter((r) => which === 'all' || (which === 'yes') === r.records > 0)
      .map((r) => ({
        code: r.code,
        name: r.name,
        type: r.type,
        areas: areasBelow(r),
        station_code: r.station_code,
        records: r.records,
        on_time_records: r.on_time,
        reporting: r.records > 0,
        on_time: r.on_time > 0,
      }))
      .sort((a, b) => pathKey(a).localeCompare(pathKey(b)) || a.code.localeCompare(b.code));
  }

  /** Each room's and station's completeness in a month (a room: itself; a station: its open rooms). */
  async units(month: string): Promise<Map<string, Completeness>> {
    const { rooms } = await this.month(month);
    const counts = new Map<string, [number, number, number]>();
    const add = (code: string, r: RoomMonth) => {
      const c = counts.get(code) ?? [0, 0, 0];
      counts.set(code, [c[0] + 1, c[1] + (r.records > 0 ? 1 : 0), c[2] + (r.on_time > 0 ? 1 : 0)]);
    };
    for (const r of rooms) {
      add(r.code, r);
      if (r.station_code) add(r.station_code, r);
    }
    return new Map([...counts].map(([code, [n, reporting, onTime]]) => [code, completeness(n, reporting, onTime)]));
  }

  /** Completeness over several areas together (an account's roots): sums before dividing. */
  async over(codes: readonly string[], month: string): Promise<Completeness> {
    const { totals } = await this.month(month);
    let [rooms, reporting, onTime] = [0, 0, 0];
    for (const code of codes) {
      const f = figureOf(totals, code);
      rooms += f.rooms;
      reporting += f.reporting;
      onTime += f.on_time;
    }
    return completeness(rooms, reporting, onTime);
  }

  /**
   * SPEC §5 `default_month` for an account whose first areas are `roots`: the latest month, not
   * after the current one, whose completeness over them reaches the threshold, else the latest
   * month with records. Kept per data version, current month and settings.
   */
  async defaultMonth(roots: readonly string[]): Promise<string | null> {
    const { threshold, deadline_day } = await this.settings();
    const current = currentMonth();
    const key = `completeness:default:${[...roots].sort().join(',')}:${current}:${threshold}:d${deadline_day}`;
    return this.assessment.cached(key, async () => {
      const fallback = await latestMonth(this.assessment.db);
      if (roots.length === 0) return fallback;
      const months = threshold > 0 ? this.monthsWithReports(current) : monthsBack(current, MONTHS_BACK_AT_ZERO);
      return defaultMonth(months, async (m) => (await this.over(roots, m)).rate, threshold, fallback);
    });
  }

  /** The months up to `current` that hold a report, newest first: one indexed look-up each. */
  private async *monthsWithReports(current: string): AsyncGenerator<string> {
    let probe = endOfMonth(current);
    for (;;) {
      const latest = await latestReportOnOrBefore(this.assessment.db, probe);
      if (latest === null) return;
      const month = latest.slice(0, 7);
      yield month;
      probe = addDays(`${month}-01`, -1);
    }
  }
}

function figureOf(totals: Totals, code: string): Completeness {
  const f = totals.get(code);
  if (!f) throw new AppError('area_not_found', { area: code });
  return completeness(f.reporting.denominator, f.reporting.numerator, f.on_time.numerator);
}

function* monthsBack(from: string, n: number): Generator<string> {
  for (let i = 0; i < n; i++) yield addMonths(from, -i);
}

function pathKey(room: CompletenessRoom): string {
  return room.areas.map((a) => a.code).join('/');
}
