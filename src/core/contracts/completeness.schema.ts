/** Schemas of completeness and timeliness (SPEC §5), shared by the API, the CLI and the web. */
import { z } from 'zod';
import { areaCodeSchema, monthSchema, page, pageQuery } from './common.ts';
import { MAX_DEADLINE_DAY } from '../assessment/completeness.ts';

const figures = {
  rooms: z.number(),
  reporting: z.number(),
  /** reporting / rooms; null without open rooms. */
  rate: z.number().nullable(),
  /** Rooms with a report that reached Outpost by the deadline. */
  on_time: z.number(),
  on_time_rate: z.number().nullable(),
};
export const completenessFigures = z.object(figures);

/** `GET completeness?month=&within=`: SPEC §5, within's children. */
export const completenessQuery = z.object({ month: monthSchema, within: areaCodeSchema }).strict();
export const completenessRowSchema = z.object({ code: z.string(), name: z.string(), ...figures });
export const completenessSchema = z.array(completenessRowSchema);

/** `GET completeness/area?month=&area=`: one area's figure with the rules it is judged by. */
export const completenessAreaQuery = z.object({ month: monthSchema, area: areaCodeSchema }).strict();
export const completenessAreaSchema = z.object({
  area: z.string(),
  name: z.string(),
  month: z.string(),
  ...figures,
  threshold: z.number(),
  /** Whether the rate reaches the threshold. */
  complete: z.boolean(),
  /** The last day the month's records arrive on time (day deadline_day of the next month). */
  deadline: z.string(),
  deadline_day: z.number(),
  /** Whether the deadline is behind the server's today: until then on_time only grows. */
  deadline_passed: z.boolean(),
});

/** `GET completeness/rooms`: the open rooms of an area at the month's end, reporting or not. */
export const completenessRoomsQuery = z
  .object({
    month: monthSchema,
    area: areaCodeSchema,
    reporting: z.enum(['no', 'yes', 'all']).default('no'),
    ...pageQuery,
  })
  .strict();
export const completenessRoomSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z.string(),
  /** The areas from the one asked about (excluded) down to the room's own, names for grouping. */
  areas: z.array(z.object({ code: z.string(), name: z.string() })),
  station_code: z.string().nullable(),
  /** Visits, info reports and familiarity checks of the month placed at the room. */
  records: z.number(),
  /** Of them, those that reached Outpost by the deadline. */
  on_time_records: z.number(),
  reporting: z.boolean(),
  on_time: z.boolean(),
});
export const completenessRoomsSchema = page(completenessRoomSchema).extend({
  area: z.string(),
  month: z.string(),
});

/** The settings: the threshold `default_month` needs and the reporting deadline. */
export const completenessSettingsSchema = z
  .object({
    threshold: z.number().min(0).max(1),
    deadline_day: z.number().int().min(1).max(MAX_DEADLINE_DAY),
  })
  .strict();
export const completenessSettingsPatch = completenessSettingsSchema.partial();

export type CompletenessRow = z.infer<typeof completenessRowSchema>;
export type CompletenessArea = z.infer<typeof completenessAreaSchema>;
export type CompletenessRoom = z.infer<typeof completenessRoomSchema>;
export type CompletenessRooms = z.infer<typeof completenessRoomsSchema>;
export type CompletenessSettings = z.infer<typeof completenessSettingsSchema>;
