/**
 * Import settings, stored as data (the `settings` row `imports`) over defaults held here: the
 * most an officer's and a manager's upload may unpack to, and how long a checked import job
 * waits for its confirmation.
 *
 * @example (await loadImportSettings(db.kysely)).officer_unpacked_max // 20 MiB
 */
import { importSettingsPatch, importSettingsSchema, type ImportSettings } from '#core/contracts/imports.schema.ts';
import { settingsStore } from '../settings/settings-store.ts';

export { importSettingsSchema, type ImportSettings };

const MIB = 1024 * 1024;

export const DEFAULT_IMPORT_SETTINGS: ImportSettings = {
  officer_unpacked_max: 20 * MIB,
  manager_unpacked_max: 100 * MIB,
  confirm_minutes: 60,
};

const store = settingsStore({
  key: 'imports',
  defaults: DEFAULT_IMPORT_SETTINGS,
  schema: importSettingsSchema,
  patch: importSettingsPatch.strict(),
});

export const loadImportSettings = store.load;

/** Lays `patch` over the settings in force, checks the whole and stores it, audited. */
export const updateImportSettings = store.update;
