/**
 * Records placed by area or team during 2019, made lazily: incidents at realistic rates per
 * 10,000 residents (lower where policing is further along), monthly satisfaction surveys in the
 * villages a room covers, and patrol logs of every team while its unit is open.
 */
import { LAST_DAY, MONTH_START, YEAR_DATES } from './calendar.ts';
import { clamp, inMonth, isOpenOn } from './model.ts';
import type { DemoRow, Unit } from './model.ts';
import { Random, deriveSeed } from './random.ts';
import type { Registry } from './registry.ts';

/** `incidents.csv` rows: criminal cases at about 1.5-3.6 per 10,000 residents a month, public-order cases besides. */
export function* incidentRows(registry: Registry): Generator<DemoRow> {
  const rng = new Random(deriveSeed(registry.seed, 'incidents'));
  let serial = 0;
  for (let m = 0; m < 12; m++) {
    const start = MONTH_START[m];
    const days = MONTH_START[m + 1] - start;
    // Somewhat more crime in summer, less in winter.
    const season = 1 + 0.12 * Math.cos((2 * Math.PI * (m - 6.5)) / 12);
    for (const village of registry.areas.villages) {
      const q = inMonth(village.quality, village.township.city, m);
      const criminal = (village.residents * (4.6 - 3.4 * q) * season) / 10_000;
      const crimes = rng.poisson(criminal);
      const total = crimes + rng.poisson(criminal * 1.3); // public-order cases are more frequent
      for (let i = 0; i < total; i++) {
        yield {
          ref: `X2019-${String(++serial).padStart(7, '0')}`,
          date: YEAR_DATES[start + Math.floor(rng.next() * days)],
          area_code: village.code,
          category: i < crimes ? 'criminal' : 'public_order',
        };
      }
    }
  }
}

/** `surveys.csv` rows: five to ten a month in every village a room open mid-month covers. */
export function* surveyRows(registry: Registry): Generator<DemoRow> {
  const rng = new Random(deriveSeed(registry.seed, 'surveys'));
  const servedBy: Unit[][] = registry.areas.villages.map(() => []);
  for (const room of registry.units.rooms) {
    if (room.opened !== null) for (const village of room.covers) servedBy[village.index].push(room);
  }
  let serial = 0;
  for (let m = 0; m < 12; m++) {
    const start = MONTH_START[m];
    const days = MONTH_START[m + 1] - start;
    const progress = m / 11;
    for (const village of registry.areas.villages) {
      const rooms = servedBy[village.index];
      if (!rooms.some((room) => isOpenOn(room, start + 14))) continue;
      const q = inMonth(village.quality, village.township.city, m);
      const knows = clamp(0.42 + 0.45 * q + 0.1 * progress, 0.05, 0.97);
      const satisfied = clamp(0.6 + 0.33 * q + 0.06 * progress, 0.05, 0.98);
      for (let n = 5 + Math.floor(rng.next() * 6); n > 0; n--) {
        const r = rng.next();
        const s = rng.next();
        const c = rng.next();
        yield {
          ref: `Q2019-${String(++serial).padStart(7, '0')}`,
          date: YEAR_DATES[start + Math.floor(rng.next() * days)],
          area_code: village.code,
          knows_officer: r < 0.04 ? '' : rng.next() < knows ? 'yes' : 'no',
          satisfaction:
            s < 0.05 ? '' : String(rng.next() < satisfied ? (rng.next() < 0.55 ? 5 : 4) : lowScore(rng.next())),
          channel: c < 0.6 - 0.1 * progress ? 'door' : c < 0.9 - 0.05 * progress ? 'phone' : 'online',
        };
      }
    }
  }
}

function lowScore(x: number): number {
  return x < 0.6 ? 3 : x < 0.9 ? 2 : 1;
}

const HOURS = Array.from({ length: 17 }, (_, i) => String(i / 2)); // '0', '0.5', ... '8'

/** `patrol_logs.csv` rows: three to five a week per full-time team, one or two per volunteer team. */
export function* patrolLogRows(registry: Registry): Generator<DemoRow> {
  const rng = new Random(deriveSeed(registry.seed, 'patrol_logs'));
  const week = new Int8Array(7);
  for (const patrol of registry.patrols) {
    const unit = patrol.unit;
    if (unit.opened === null) continue;
    const from = Math.max(0, unit.opened);
    const to = Math.min(LAST_DAY, unit.closed === null ? LAST_DAY : unit.closed - 1);
    const fullTime = patrol.kind === 'full_time';
    const code = patrol.code;
    const members = patrol.members;
    for (let ws = from - (from % 7); ws <= to; ws += 7) {
      const k = fullTime
        ? 3 + (rng.next() < 0.5 ? 1 : 0) + (rng.next() < unit.quality * 0.6 ? 1 : 0)
        : rng.next() < 0.5
          ? 1
          : 2;
      for (let i = 0; i < 7; i++) week[i] = i;
      for (let i = 0; i < k; i++) {
        const j = i + Math.floor(rng.next() * (7 - i));
        const t = week[i];
        week[i] = week[j];
        week[j] = t;
      }
      week.subarray(0, k).sort();
      for (let i = 0; i < k; i++) {
        const day = ws + week[i];
        if (day < from || day > to) continue;
        let participants: number;
        let hours: string;
        if (fullTime) {
          hours = HOURS[4 + Math.floor(rng.next() * 9)]; // 2 to 6 hours
          participants =
            Math.max(1, members - Math.floor(rng.next() * 4)) + (rng.next() < 0.1 ? 1 + Math.floor(rng.next() * 2) : 0);
        } else {
          hours = HOURS[2 + Math.floor(rng.next() * 5)]; // 1 to 3 hours
          participants = Math.max(1, Math.round(members * (0.3 + 0.5 * rng.next())));
        }
        yield { date: YEAR_DATES[day], patrol_code: code, hours, participants: String(participants) };
      }
    }
  }
}
