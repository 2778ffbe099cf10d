/** GET meta: about this deployment, for the web app's first screen. */
import { z } from 'zod';

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
  root_areas: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
  latest_month: z.string().nullable(),
  /** The server's today and current month in its time zone (OUTPOST_TZ): the web's default dates. */
  today: z.string(),
  current_month: z.string(),
  time_zone: z.string(),
});
export type Meta = z.infer<typeof metaSchema>;
