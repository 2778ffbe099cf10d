/**
 * What the rooms hold and how they are inspected: standard-kit rows (some rooms short of an item,
 * some equipped during 2019, a few losing one) and inspections on the seven aspects that pass more
 * often as the year goes on and in leading cities.
 */
import { LAST_DAY, dayOf, iso } from './calendar.ts';
import { clamp, isRoom } from './model.ts';
import type { DemoRow, Unit } from './model.ts';
import type { Random } from './random.ts';

export const STANDARD_KIT = ['computer', 'motorcycle', 'work_kit'] as const;
export const ASPECTS = ['premises', 'signage', 'equipment', 'staffing', 'work_system', 'duties', 'records'] as const;

/** `equipment.csv` rows for every room that has opened. */
export function equipmentRows(units: Unit[], rng: Random): DemoRow[] {
  const rows: DemoRow[] = [];
  const push = (unit: Unit, item: string, quantity: number, day: number): void => {
    rows.push({ unit_code: unit.code, item, quantity: String(quantity), as_of: iso(day) });
  };
  for (const unit of units) {
    if (!isRoom(unit) || unit.opened === null) continue;
    const opened = unit.opened;
    const closed = unit.closed !== null;
    for (const item of STANDARD_KIT) {
      const short = item === 'motorcycle' && unit.type === 'community_room' ? 0.06 : 0;
      const quantity =
        item === 'computer'
          ? rng.int(1, 2)
          : item === 'motorcycle'
            ? unit.type === 'rural_office'
              ? rng.int(1, 2)
              : 1
            : rng.int(1, 3);
      const before = Math.max(opened, dayOf(2015, 1, 1));
      if (rng.chance(clamp(0.62 + 0.36 * unit.quality - short, 0, 0.99))) {
        let day: number;
        if (opened >= 0) day = Math.min(LAST_DAY, opened + rng.int(0, 40));
        else if (!closed && rng.chance(0.4 - 0.3 * unit.quality)) day = rng.int(0, 330);
        else day = rng.int(before, -1);
        push(unit, item, quantity, day);
      } else if (opened < 0 && !closed && rng.chance(0.35)) {
        // Held one, then lost it during the year (broken, taken back): a later row of zero.
        push(unit, item, 1, rng.int(before, -1));
        push(unit, item, 0, rng.int(0, 300));
      }
    }
  }
  return rows;
}

/** `inspections.csv` rows: one or more in 2019 for every room open during it, some with a 2018 baseline. */
export function inspectionRows(units: Unit[], rng: Random): DemoRow[] {
  const rows: DemoRow[] = [];
  const inspect = (unit: Unit, day: number): void => {
    const progress = day < 0 ? 0 : day / LAST_DAY;
    const p = clamp(0.5 + 0.42 * unit.quality + 0.3 * progress, 0.3, 0.985);
    const row: DemoRow = { unit_code: unit.code, date: iso(day) };
    for (const aspect of ASPECTS) row[aspect] = rng.next() < p ? 'pass' : 'fail';
    rows.push(row);
  };
  for (const unit of units) {
    if (!isRoom(unit) || unit.opened === null) continue;
    const from = Math.max(0, unit.opened);
    const to = unit.closed === null ? LAST_DAY : unit.closed - 1;
    if (from > to) continue;
    const baseline = dayOf(2018, 9, 1);
    if (unit.opened < baseline && rng.chance(0.6)) inspect(unit, rng.int(baseline, -1));
    const gap = Math.round(30 * unit.quality);
    for (let day = from + rng.int(0, Math.min(90, to - from)); day <= to; day += rng.int(50, 120) - gap)
      inspect(unit, day);
  }
  return rows;
}
