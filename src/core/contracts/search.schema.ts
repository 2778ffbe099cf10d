/** GET search: officers by name or badge and rooms by name or code, within the account's scope. */
import { z } from 'zod';

export const searchQuery = z
  .object({
    q: z.string().trim().min(1).max(64),
    /** The most officers and the most rooms answered, each. */
    limit: z.coerce.number().int().min(1).max(50).default(8),
  })
  .strict();

export const searchSchema = z.object({
  q: z.string(),
  /** One per badge: its current posting (on today), else its latest. */
  officers: z.array(
    z.object({
      badge: z.string(),
      name: z.string(),
      role: z.string(),
      unit_code: z.string(),
      unit_name: z.string().nullable(),
      /** Whether the posting shown contains today. */
      current: z.boolean(),
    }),
  ),
  rooms: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      type: z.enum(['community_room', 'rural_office']),
      status: z.string(),
      area_code: z.string(),
      address: z.string().nullable(),
    }),
  ),
});
export type SearchAnswer = z.infer<typeof searchSchema>;
