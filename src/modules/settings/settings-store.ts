/**
 * A feature's settings kept as data (one JSON row of the `settings` table) over its defaults:
 * read with the defaults under what is stored (a stored value that no longer parses is
 * `settings_corrupt`, naming the feature), and changed by a patch laid over the settings in
 * force, the whole checked, stored and audited in one transaction.
 *
 * @example
 *   const store = settingsStore({ key: 'public', defaults: { phones: 'room' }, schema, patch });
 *   await store.update(db, who, { phones: 'officers' });
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { timestamp } from '../../shared/clock.ts';
import { appendAudit, type AuditActor } from '../audit/audit.repository.ts';
import { readSetting, writeSetting } from '../notifications/notifications.repository.ts';

export interface SettingsStore<T> {
  load(db: Kysely<DB>): Promise<T>;
  update(db: Database, who: AuditActor, patch: unknown): Promise<T>;
}

export function settingsStore<T extends object>(o: {
  /** The row of the `settings` table, and the name a corrupt value is reported under. */
  key: string;
  defaults: T;
  /** The whole settings. */
  schema: z.ZodType<T>;
  /** Any part of them, refusing unknown keys. */
  patch: z.ZodType<Partial<T>>;
}): SettingsStore<T> {
  async function load(db: Kysely<DB>): Promise<T> {
    const stored = await readSetting(db, o.key);
    if (stored === undefined) return o.defaults;
    try {
      return { ...o.defaults, ...o.patch.parse(JSON.parse(stored)) };
    } catch (e) {
      throw new AppError('settings_corrupt', { what: o.key, detail: (e as Error).message });
    }
  }
  async function update(db: Database, who: AuditActor, patch: unknown): Promise<T> {
    const change = validate(o.patch, patch);
    return db.transaction(async (tx) => {
      const next = validate(o.schema, { ...(await load(tx.kysely)), ...change });
      await writeSetting(tx.kysely, o.key, JSON.stringify(next), timestamp(), who.actor);
      await appendAudit(tx, who, {
        action: 'settings.update',
        target: o.key,
        detail: { keys: Object.keys(change).sort() },
      });
      return next;
    });
  }
  return { load, update };
}
