/** GET meta: about this deployment, for the web app's first screen. */
import { z } from 'zod';
import { completenessSettingsSchema } from './completeness.schema.ts';

const areaSchema = z.object({ code: z.string(), name: z.string(), level: z.string() });

export const metaSchema = z.object({
  engine: z.string(),
  data_version: z.number(),
  demo: z
    .object({
      seed: z.number(),
      scale: z.number(),
      built_at: z.string(),
      label: z.object({ zh: z.string(), en: z.string() }),
    })
    .nullable(),
  root_areas: z.array(areaSchema),
  latest_month: z.string().nullable(),
  /**
   * The areas the account sees first (its scope's root; the tree's roots for a province-wide
   * account): its pages open on the first. Optional only for older servers.
   */
  home_areas: z.array(areaSchema).optional(),
  /**
   * SPEC §5: the latest month, not after the current one, whose completeness over home_areas
   * reaches the threshold; latest_month where none does. Every page opens on it.
   */
  default_month: z.string().nullable().optional(),
  /** The completeness threshold and reporting deadline day in force. */
  completeness: completenessSettingsSchema.optional(),
  /** The server's today and current month in its time zone (OUTPOST_TZ): the web's default dates. */
  today: z.string(),
  current_month: z.string(),
  time_zone: z.string(),
});
export type Meta = z.infer<typeof metaSchema>;
