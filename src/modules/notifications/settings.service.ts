/** Reading and changing the stored notification settings (defaults in notification.settings.ts). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, coded } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { appendAudit, type AuditActor } from '../audit/audit.repository.ts';
import {
  abbrClash,
  DEFAULT_SETTINGS,
  mergeSettings,
  notificationSettingsPatch,
  notificationSettingsSchema,
  patternNumbersApart,
  type NotificationSettings,
} from './notification.settings.ts';
import { readSetting, writeSetting } from './notifications.repository.ts';
import { timestamp } from '../../shared/clock.ts';

const KEY = 'notifications';

export async function loadSettings(db: Kysely<DB>): Promise<NotificationSettings> {
  const stored = await readSetting(db, KEY);
  if (stored === undefined) return DEFAULT_SETTINGS;
  try {
    return mergeSettings(DEFAULT_SETTINGS, notificationSettingsPatch.parse(JSON.parse(stored)));
  } catch (e) {
    throw new AppError('settings_corrupt', { what: 'notification', detail: (e as Error).message });
  }
}

/** Merges `patch` into the stored settings, validates the whole, stores it and audits the change. */
export async function updateSettings(db: Database, who: AuditActor, patch: unknown): Promise<NotificationSettings> {
  const change = validate(notificationSettingsPatch, patch);
  return db.transaction(async (tx) => {
    const current = await loadSettings(tx.kysely);
    if (change.number_pattern !== undefined && !patternNumbersApart(change.number_pattern))
      throw new AppError('invalid_input', {
        issues: [{ at: 'number_pattern', ...coded('pattern_needs_abbr_year', {}) }],
      });
    const next = validate(notificationSettingsSchema, mergeSettings(current, change));
    const clash = abbrClash(next);
    if (clash) throw new AppError('issuer_abbr_taken', { abbr: clash[0], area: clash[2], other: clash[1] });
    await writeSetting(tx.kysely, KEY, JSON.stringify(next), timestamp(), who.actor);
    await appendAudit(tx, who, {
      action: 'settings.update',
      target: KEY,
      detail: { keys: Object.keys(change).sort() },
    });
    return next;
  });
}
