import { z } from 'zod';
import { areaCodeSchema, dateSchema } from './common.ts';

export const overviewQuery = z.object({ area: areaCodeSchema, date: dateSchema.optional() }).strict();

const teams = z.object({ teams: z.number(), members: z.number() });
export const overviewSchema = z.object({
  area: z.string(),
  date: z.string(),
  units: z.object({ bureau: z.number(), station: z.number(), community_room: z.number(), rural_office: z.number() }),
  officers: z.object({ community: z.number(), resident: z.number(), station: z.number(), civilian: z.number() }),
  patrols: z.object({ full_time: teams, volunteer: teams }),
  origins: z.object({
    existing: z.number(),
    agency_transfer: z.number(),
    new_recruit: z.number(),
    civilian_hire: z.number(),
  }),
});
export type Overview = z.infer<typeof overviewSchema>;
