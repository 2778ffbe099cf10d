/**
 * Shapes of the API's answers, taken from the server's own zod schemas (type-only imports:
 * nothing of zod or the server reaches the browser bundle).
 */
import type { z } from 'zod';
import type { areaDetailSchema, areaPage, areaSchema } from '../../../src/modules/areas/areas.schema.ts';
import type {
  indicatorsSchema,
  indicatorResultSchema,
  rankingRowSchema,
} from '../../../src/modules/assessment/assessment.schema.ts';
import type { officerSchema, postingPage, postingSchema } from '../../../src/modules/officers/officers.schema.ts';
import type { overviewSchema } from '../../../src/modules/overview/overview.schema.ts';
import type { patrolSchema, unitDetailSchema, unitPage, unitSchema } from '../../../src/modules/units/units.schema.ts';
import type { fundsSchema } from '../../../src/modules/funds/funds.routes.ts';
import type { schemesSchema } from '../../../src/modules/schemes/schemes.schema.ts';
import type { RowError } from '#core/errors/row-error.ts';

export type Area = z.infer<typeof areaSchema>;
export type AreaDetail = z.infer<typeof areaDetailSchema>;
export type AreaPage = z.infer<typeof areaPage>;
export type Indicators = z.infer<typeof indicatorsSchema>;
export type IndicatorResult = z.infer<typeof indicatorResultSchema>;
export type RankingRow = z.infer<typeof rankingRowSchema>;
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

/** `GET /api/v1/meta` (src/server/meta.routes.ts keeps its schema to itself, so restated here). */
export interface Meta {
  engine: string;
  data_version: number;
  demo: { seed: number; scale: number; built_at: string; label: { zh: string; en: string } } | null;
  root_areas: { code: string; name: string; level: string }[];
  latest_month: string | null;
  /** Today and the current month in the server's time zone (OUTPOST_TZ); absent from older servers. */
  today?: string;
  current_month?: string;
  time_zone?: string;
}

/** The signed-in account, as `POST /session` and `GET /session` answer it (accounts module). */
export interface Session {
  username: string;
  role: string;
  area: string | null;
  badge: string | null;
  expires_at: string;
}
