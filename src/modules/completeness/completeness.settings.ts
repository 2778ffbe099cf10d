/**
 * Completeness settings, stored as data (the `settings` row `completeness`) over the defaults of
 * the core: the threshold at which a month is complete enough to open on (SPEC §5, default 0.8)
 * and the reporting deadline, the day of the next month by whose end a month's records are on
 * time (default 5).
 *
 * @example (await loadCompletenessSettings(db.kysely)).threshold // 0.8
 */
import {
  completenessSettingsPatch,
  completenessSettingsSchema,
  type CompletenessSettings,
} from '#core/contracts/completeness.schema.ts';
import { DEFAULT_COMPLETENESS_THRESHOLD, DEFAULT_DEADLINE_DAY } from '#core/assessment/completeness.ts';

import { settingsStore } from '../settings/settings-store.ts';

const KEY = 'completeness';

export const DEFAULT_COMPLETENESS_SETTINGS: CompletenessSettings = {
  threshold: DEFAULT_COMPLETENESS_THRESHOLD,
  deadline_day: DEFAULT_DEADLINE_DAY,
};

const store = settingsStore({
  key: KEY,
  defaults: DEFAULT_COMPLETENESS_SETTINGS,
  schema: completenessSettingsSchema,
  patch: completenessSettingsPatch.strict(),
});

export const loadCompletenessSettings = store.load;

/** Lays `patch` over the settings in force, checks the whole and stores it, audited. */
export const updateCompletenessSettings = store.update;
