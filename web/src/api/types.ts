/**
 * Shapes of the API's answers, taken from the contracts the server validates and answers with
 * (src/core/contracts, type-only imports here: no zod reaches the bundle from this file).
 */
import type { z } from 'zod';
import type { areaDetailSchema, areaPage, areaSchema } from '#core/contracts/areas.schema.ts';
import type { indicatorsSchema, indicatorResultSchema, rankingsSchema } from '#core/contracts/assessment.schema.ts';
import type { officerSchema, postingPage, postingSchema } from '#core/contracts/officers.schema.ts';
import type { overviewSchema } from '#core/contracts/overview.schema.ts';
import type { patrolSchema, unitDetailSchema, unitPage, unitSchema } from '#core/contracts/units.schema.ts';
import type { fundsSchema } from '#core/contracts/funds.schema.ts';
import type { schemesSchema } from '#core/contracts/schemes.schema.ts';
import type { RowError } from '#core/contracts/imports.schema.ts';
import type { metaSchema } from '#core/contracts/meta.schema.ts';
import type { sessionSchema } from '#core/contracts/accounts.schema.ts';

export type Area = z.infer<typeof areaSchema>;
export type AreaDetail = z.infer<typeof areaDetailSchema>;
export type AreaPage = z.infer<typeof areaPage>;
export type Indicators = z.infer<typeof indicatorsSchema>;
export type IndicatorResult = z.infer<typeof indicatorResultSchema>;
type RankingsRow = z.infer<typeof rankingsSchema>[number];
/** A ranking's row with its completeness in the month (SPEC §5; null for a unit that is no room). */
export type RankingRow = Omit<RankingsRow, 'completeness'> & {
  completeness?: RankingsRow['completeness'] | null;
  /** Units' and officers' rows: each figure with its sample (denominator) and whether it is small. */
  indicators?: Record<string, { denominator: number; small_sample: boolean }>;
};
export type Overview = z.infer<typeof overviewSchema>;
export type Unit = z.infer<typeof unitSchema>;
export type UnitPage = z.infer<typeof unitPage>;
export type UnitDetail = z.infer<typeof unitDetailSchema>;
export type Patrol = z.infer<typeof patrolSchema>;
export type Posting = z.infer<typeof postingSchema>;
export type PostingPage = z.infer<typeof postingPage>;
export type Officer = z.infer<typeof officerSchema>;
export type Funds = z.infer<typeof fundsSchema>;
export type Schemes = z.infer<typeof schemesSchema>;
export type { RowError };
export type {
  CompletenessArea,
  CompletenessRow,
  CompletenessRoom,
  CompletenessRooms,
} from '#core/contracts/completeness.schema.ts';
export type { Work } from '#core/contracts/work.schema.ts';

type MetaBody = z.infer<typeof metaSchema>;
type ServerClock = 'today' | 'current_month' | 'time_zone';
/** `GET /api/v1/meta`; today, the current month and the time zone are absent from older servers. */
export type Meta = Omit<MetaBody, ServerClock> & Partial<Pick<MetaBody, ServerClock>>;

/** The signed-in account, as `POST /session` and `GET /session` answer it (accounts module). */
export type Session = z.infer<typeof sessionSchema>;
