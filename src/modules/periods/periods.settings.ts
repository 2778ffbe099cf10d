/**
 * Period settings, stored as data (the `settings` row `periods`) over the defaults here: which
 * levels submit, approve and lock (SPEC §5's chain: counties, cities, the province), the days
 * of the next month by which a month is submitted and approved (the reminders count down to
 * them), and whether a month may be locked before it is over.
 *
 * @example (await loadPeriodSettings(db.kysely)).lock_level // 'province'
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { timestamp } from '../../shared/clock.ts';
import { validate } from '../../shared/validate.ts';
import { appendAudit, type AuditActor } from '../audit/audit.repository.ts';
import { readSetting, writeSetting } from '../notifications/notifications.repository.ts';
import { periodSettingsPatch, periodSettingsSchema, type PeriodSettings } from '#core/contracts/periods.schema.ts';
import { DEFAULT_CHAIN } from '#core/periods/period-chain.ts';

const KEY = 'periods';

export const DEFAULT_PERIOD_SETTINGS: PeriodSettings = {
  ...DEFAULT_CHAIN,
  lock_before_month_end: false,
  submit_by_day: 10,
  approve_by_day: 15,
};

export async function loadPeriodSettings(db: Kysely<DB>): Promise<PeriodSettings> {
  const stored = await readSetting(db, KEY);
  if (stored === undefined) return DEFAULT_PERIOD_SETTINGS;
  try {
    return periodSettingsSchema.parse({ ...DEFAULT_PERIOD_SETTINGS, ...periodSettingsPatch.parse(JSON.parse(stored)) });
  } catch (e) {
    throw new AppError('period_settings_corrupt', { detail: (e as Error).message });
  }
}

/** Merges `patch` into the stored settings, checks the whole (the chain goes up the tree), stores and audits it. */
export async function updatePeriodSettings(db: Database, who: AuditActor, patch: unknown): Promise<PeriodSettings> {
  const change = validate(periodSettingsPatch, patch);
  return db.transaction(async (tx) => {
    const next = validate(periodSettingsSchema, { ...(await loadPeriodSettings(tx.kysely)), ...change });
    await writeSetting(tx.kysely, KEY, JSON.stringify(next), timestamp(), who.actor);
    await appendAudit(tx, who, { action: 'settings.update', target: KEY, detail: { ...change } });
    return next;
  });
}
