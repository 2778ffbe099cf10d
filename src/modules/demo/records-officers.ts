/**
 * Records filed by front-line officers during 2019, made lazily: household visits (about ten a
 * week), information reports (two to four a month, fewer where work lags) and familiarity checks
 * (about one a month). Every record is dated inside a posting of its officer, and a visit is in a
 * village its officer's room covers on that day.
 */
import { LAST_DAY, MONTH_START, YEAR_DATES, weekday } from './calendar.ts';
import { clamp, inMonth } from './model.ts';
import type { DemoRow, Village } from './model.ts';
import { Random, deriveSeed } from './random.ts';
import type { Registry } from './registry.ts';

/** One front-line posting's part of the year. */
interface Duty {
  badge: string;
  from: number;
  to: number;
  covers: Village[];
  /** The quality of the officer's unit as it shows in each month (`inMonth`). */
  quality: number[];
}

const dutyCache = new WeakMap<Registry, Duty[]>();

function duties(registry: Registry): Duty[] {
  let list = dutyCache.get(registry);
  if (list) return list;
  list = [];
  for (const officer of registry.officers) {
    for (const posting of officer.postings) {
      if (posting.role !== 'community' && posting.role !== 'resident') continue;
      const from = Math.max(0, posting.start);
      const to = Math.min(LAST_DAY, posting.end ?? LAST_DAY);
      if (from > to || posting.unit.covers.length === 0) continue;
      const { unit } = posting;
      const quality = Array.from({ length: 12 }, (_, m) => inMonth(unit.quality, unit.city, m));
      list.push({ badge: officer.badge, from, to, covers: unit.covers, quality });
    }
  }
  dutyCache.set(registry, list);
  return list;
}

const MAX_VISITS_A_DAY = 6;

/** `visits.csv` rows, about ten a week per front-line officer, more in leading cities. */
export function* visitRows(registry: Registry): Generator<DemoRow> {
  const rng = new Random(deriveSeed(registry.seed, 'visits'));
  const refs = householdRefs(registry);
  const today = new Int32Array(MAX_VISITS_A_DAY);
  for (const duty of duties(registry)) {
    const { badge, covers } = duty;
    let m = 0;
    for (let day = duty.from; day <= duty.to; day++) {
      while (day >= MONTH_START[m + 1]) m++;
      const diligence = 0.8 + 0.4 * duty.quality[m];
      let n = Math.floor((weekday(day) < 5 ? 1.72 * diligence : 0.7 * diligence) + rng.next());
      if (n > MAX_VISITS_A_DAY) n = MAX_VISITS_A_DAY;
      const date = YEAR_DATES[day];
      for (let j = 0; j < n; j++) {
        const village = covers.length === 1 ? covers[0] : covers[Math.floor(rng.next() * covers.length)];
        const households = village.households < 12 ? 12 : village.households;
        let h = 0;
        let fresh = false;
        while (!fresh) {
          h = 1 + Math.floor(rng.next() * households);
          fresh = true;
          for (let k = 0; k < j; k++) if (today[k] === h) fresh = false;
        }
        today[j] = h;
        yield { date, badge, area_code: village.code, household_ref: refs[h] };
      }
    }
  }
}

const REPORT_CATEGORIES = ['security', 'fraud', 'dispute', 'drugs', 'gambling', 'fire_safety', 'traffic', 'other'];

/** `info_reports.csv` rows, two to four a month per officer where work is done, zero or one where not. */
export function* infoReportRows(registry: Registry): Generator<DemoRow> {
  const rng = new Random(deriveSeed(registry.seed, 'info_reports'));
  let serial = 0;
  for (const duty of duties(registry)) {
    for (let m = 0; m < 12; m++) {
      const q = duty.quality[m];
      const a = Math.max(duty.from, MONTH_START[m]);
      const b = Math.min(duty.to, MONTH_START[m + 1] - 1);
      if (a > b) continue;
      const good = rng.chance(clamp(0.45 + 0.45 * q + (0.12 * m) / 11, 0, 0.97));
      let n = good ? 2 + (rng.chance(0.5) ? 1 : 0) + (rng.chance(0.25) ? 1 : 0) : rng.chance(0.5) ? 1 : 0;
      const share = (b - a + 1) / (MONTH_START[m + 1] - MONTH_START[m]);
      if (share < 0.5) n = rng.round(n * share);
      for (let k = 0; k < n; k++) {
        yield {
          ref: `I2019-${String(++serial).padStart(6, '0')}`,
          date: YEAR_DATES[a + Math.floor(rng.next() * (b - a + 1))],
          badge: duty.badge,
          category: REPORT_CATEGORIES[Math.floor(rng.next() * REPORT_CATEGORIES.length)],
          adopted: rng.next() < 0.35 + 0.35 * q ? 'yes' : 'no',
        };
      }
    }
  }
}

/** `familiarity_checks.csv` rows, about one a month per officer, 10-20 households sampled. */
export function* familiarityCheckRows(registry: Registry): Generator<DemoRow> {
  const rng = new Random(deriveSeed(registry.seed, 'familiarity_checks'));
  let serial = 0;
  for (const duty of duties(registry)) {
    for (let m = 0; m < 12; m++) {
      const q = duty.quality[m];
      const a = Math.max(duty.from, MONTH_START[m]);
      const b = Math.min(duty.to, MONTH_START[m + 1] - 1);
      if (a > b || (b - a + 1) * 2.5 < MONTH_START[m + 1] - MONTH_START[m]) continue;
      if (!rng.chance(0.85 + 0.13 * q)) continue;
      const sampled = rng.int(10, 20);
      const ratio = clamp(rng.normal(0.62 + 0.3 * q + (0.06 * m) / 11, 0.07), 0.2, 1);
      yield {
        ref: `C2019-${String(++serial).padStart(6, '0')}`,
        date: YEAR_DATES[a + Math.floor(rng.next() * (b - a + 1))],
        badge: duty.badge,
        sampled: String(sampled),
        correct: String(Math.min(sampled, Math.round(sampled * ratio))),
      };
    }
  }
}

const refCache = new WeakMap<Registry, string[]>();

/** `H0001`... made once, as many as the largest village has households (at least 12). */
function householdRefs(registry: Registry): string[] {
  let refs = refCache.get(registry);
  if (refs) return refs;
  let max = 12;
  for (const village of registry.areas.villages) if (village.households > max) max = village.households;
  refs = Array.from({ length: max + 1 }, (_, h) => `H${String(h).padStart(4, '0')}`);
  refCache.set(registry, refs);
  return refs;
}
