/**
 * Import settings, stored as data (the `settings` row `imports`) over defaults held here: the
 * most an officer's and a manager's upload may unpack to, and how long a checked import job
 * waits for its confirmation.
 *
 * @example (await loadImportSettings(db.kysely)).officer_unpacked_max // 20 MiB
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { readSetting } from '../notifications/notifications.repository.ts';
import { UPLOAD_CAP } from '#core/imports/upload-limits.ts';

const KEY = 'imports';
const MIB = 1024 * 1024;

export const importSettingsSchema = z
  .object({
    /** Bytes an officer's upload may unpack to. */
    officer_unpacked_max: z.number().int().min(MIB).max(UPLOAD_CAP),
    /** Bytes a manager's upload may unpack to. */
    manager_unpacked_max: z.number().int().min(MIB).max(UPLOAD_CAP),
    /** Minutes a checked job waits for its confirmation before it expires. */
    confirm_minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  })
  .strict();

export type ImportSettings = z.infer<typeof importSettingsSchema>;

export const DEFAULT_IMPORT_SETTINGS: ImportSettings = {
  officer_unpacked_max: 20 * MIB,
  manager_unpacked_max: 100 * MIB,
  confirm_minutes: 60,
};

export async function loadImportSettings(db: Kysely<DB>): Promise<ImportSettings> {
  const stored = await readSetting(db, KEY);
  if (stored === undefined) return DEFAULT_IMPORT_SETTINGS;
  try {
    return { ...DEFAULT_IMPORT_SETTINGS, ...importSettingsSchema.partial().parse(JSON.parse(stored)) };
  } catch (e) {
    throw new AppError('settings_corrupt', { what: KEY, detail: (e as Error).message });
  }
}
