/**
 * Settings of the public pages, stored as data (the `settings` row `public`). By default the
 * pages publish a room's phone, not its officers' own: a resident needs a number that answers,
 * and an officer's mobile published to everyone is a risk (docs/security.md).
 *
 * @example (await loadPublicSettings(db.kysely)).phones // 'room'
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { timestamp } from '../../shared/clock.ts';
import { appendAudit, type AuditActor } from '../audit/audit.repository.ts';
import { readSetting, writeSetting } from '../notifications/notifications.repository.ts';
import { publicSettingsPatch, publicSettingsSchema, type PublicSettings } from '#core/contracts/public.schema.ts';

const KEY = 'public';

export const DEFAULT_PUBLIC_SETTINGS: PublicSettings = { phones: 'room' };

export async function loadPublicSettings(db: Kysely<DB>): Promise<PublicSettings> {
  const stored = await readSetting(db, KEY);
  if (stored === undefined) return DEFAULT_PUBLIC_SETTINGS;
  try {
    return { ...DEFAULT_PUBLIC_SETTINGS, ...publicSettingsPatch.parse(JSON.parse(stored)) };
  } catch (e) {
    throw new AppError('settings_corrupt', { what: KEY, detail: (e as Error).message });
  }
}

/** Lays `patch` over the settings in force, checks the whole and stores it, audited. */
export async function updatePublicSettings(db: Database, who: AuditActor, patch: unknown): Promise<PublicSettings> {
  const change = validate(publicSettingsPatch.strict(), patch);
  return db.transaction(async (tx) => {
    const next = validate(publicSettingsSchema, { ...(await loadPublicSettings(tx.kysely)), ...change });
    await writeSetting(tx.kysely, KEY, JSON.stringify(next), timestamp(), who.actor);
    await appendAudit(tx, who, {
      action: 'settings.update',
      target: KEY,
      detail: { keys: Object.keys(change).sort() },
    });
    return next;
  });
}
