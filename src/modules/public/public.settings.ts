/**
 * Settings of the public pages, stored as data (the `settings` row `public`). By default the
 * pages publish a room's phone, not its officers' own: a resident needs a number that answers,
 * and an officer's mobile published to everyone is a risk (docs/security.md).
 *
 * @example (await loadPublicSettings(db.kysely)).phones // 'room'
 */
import { publicSettingsPatch, publicSettingsSchema, type PublicSettings } from '#core/contracts/public.schema.ts';

import { settingsStore } from '../settings/settings-store.ts';

const KEY = 'public';

export const DEFAULT_PUBLIC_SETTINGS: PublicSettings = { phones: 'room' };

const store = settingsStore({
  key: KEY,
  defaults: DEFAULT_PUBLIC_SETTINGS,
  schema: publicSettingsSchema,
  patch: publicSettingsPatch.strict(),
});

export const loadPublicSettings = store.load;

/** Lays `patch` over the settings in force, checks the whole and stores it, audited. */
export const updatePublicSettings = store.update;
