/**
 * Completeness settings, stored as data (the `settings` row `completeness`) over the defaults of
 * the core: the threshold at which a month is complete enough to open on (SPEC §5, default 0.8)
 * and the reporting deadline, the day of the next month by whose end a month's records are on
 * time (default 5).
 *
 * @example (await loadCompletenessSettings(db.kysely)).threshold // 0.8
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { timestamp } from '../../shared/clock.ts';
import { appendAudit, type AuditActor } from '../audit/audit.repository.ts';
import { readSetting, writeSetting } from '../notifications/notifications.repository.ts';
import {
  completenessSettingsPatch,
  completenessSettingsSchema,
  type CompletenessSettings,
} from '#core/contracts/completeness.schema.ts';
import { DEFAULT_COMPLETENESS_THRESHOLD, DEFAULT_DEADLINE_DAY } from '#core/assessment/completeness.ts';

const KEY = 'completeness';

export const DEFAULT_COMPLETENESS_SETTINGS: CompletenessSettings = {
  threshold: DEFAULT_COMPLETENESS_THRESHOLD,
  deadline_day: DEFAULT_DEADLINE_DAY,
};

export async function loadCompletenessSettings(db: Kysely<DB>): Promise<CompletenessSettings> {
  const stored = await readSetting(db, KEY);
  if (stored === undefined) return DEFAULT_COMPLETENESS_SETTINGS;
  try {
    return { ...DEFAULT_COMPLETENESS_SETTINGS, ...completenessSettingsPatch.parse(JSON.parse(stored)) };
  } catch (e) {
    throw new AppError('settings_corrupt', { what: 'completeness', detail: (e as Error).message });
  }
}

/** Lays `patch` over the settings in force, checks the whole and stores it, audited. */
export async function updateCompletenessSettings(
  db: Database,
  who: AuditActor,
  patch: unknown,
): Promise<CompletenessSettings> {
  const change = validate(completenessSettingsPatch.strict(), patch);
  return db.transaction(async (tx) => {
    const next = validate(completenessSettingsSchema, { ...(await loadCompletenessSettings(tx.kysely)), ...change });
    await writeSetting(tx.kysely, KEY, JSON.stringify(next), timestamp(), who.actor);
    await appendAudit(tx, who, {
      action: 'settings.update',
      target: KEY,
      detail: { keys: Object.keys(change).sort() },
    });
    return next;
  });
}
