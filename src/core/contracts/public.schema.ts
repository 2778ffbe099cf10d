import { z } from 'zod';
import { areaCodeSchema } from './common.ts';

export const findAreasQuery = z.object({ q: z.string().trim().min(1).max(32) }).strict();
export const publicAreaSchema = z.object({
  code: z.string(),
  name: z.string(),
  urban_rural: z.string().nullable(),
  /** Township, county and city names, so that two villages of one name can be told apart. */
  place: z.string(),
});
/** A county outline as SVG path data in a width x height box, and where the room is in it. */
export const roomSketchSchema = z.object({
  area: z.string(),
  width: z.number(),
  height: z.number(),
  path: z.string(),
  point: z.tuple([z.number(), z.number()]).nullable(),
});
export const officersQuery = z.object({ area: areaCodeSchema }).strict();
export const publicOfficersSchema = z.object({
  area: publicAreaSchema,
  rooms: z.array(
    z.object({
      name: z.string(),
      type: z.string(),
      phone: z.string().nullable(),
      hours: z.string().nullable(),
      address: z.string().nullable(),
      /** The room's county drawn small, with the room's point: only for a room with a point. */
      map: roomSketchSchema.nullable(),
      /** Whose phones the page publishes here: the room's (officers' own withheld) or the officers'. */
      phones: z.enum(['room', 'officers']),
      officers: z.array(z.object({ name: z.string(), role: z.string(), phone: z.string().nullable() })),
    }),
  ),
});
export const challengeSchema = z.object({ token: z.string(), difficulty: z.number(), expires_in: z.number() });
export const surveyBody = z
  .object({
    area_code: areaCodeSchema,
    knows_officer: z.enum(['yes', 'no']).nullable(),
    satisfaction: z.number().int().min(1).max(5).nullable(),
    token: z.string().min(10).max(200),
    nonce: z.string().min(1).max(40),
  })
  .strict()
  .refine((b) => b.knows_officer !== null || b.satisfaction !== null, { message: 'answer_one_question' });

/**
 * Settings of the public pages. `phones`: `room` publishes the room's phone and withholds the
 * officers' own wherever the room has one; `officers` publishes the officers' phones as well.
 */
export const publicSettingsSchema = z.object({ phones: z.enum(['room', 'officers']) });
export const publicSettingsPatch = publicSettingsSchema.partial();
export type PublicSettings = z.infer<typeof publicSettingsSchema>;
