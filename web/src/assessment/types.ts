/** Shapes of the assessment-in-depth answers (type-only imports of the server's schemas). */
import type { z } from 'zod';
import type { explainRecordsSchema, explainSchema } from '#core/contracts/assessment.schema.ts';
import type {
  informationalSchema,
  officerRankingsSchema,
  trendSchema,
  unitRankingsSchema,
} from '#core/contracts/subjects.schema.ts';
import type { proposalSchema } from '#core/contracts/rewards.schema.ts';
import type { qualitySchema } from '#core/contracts/quality.schema.ts';
import type { schemeSchema } from '#core/contracts/schemes.schema.ts';

export type Explain = z.infer<typeof explainSchema>;
export type ExplainRecords = z.infer<typeof explainRecordsSchema>;
export type UnitRankings = z.infer<typeof unitRankingsSchema>;
export type OfficerRankings = z.infer<typeof officerRankingsSchema>;
export type Trend = z.infer<typeof trendSchema>;
export type Informational = z.infer<typeof informationalSchema>;
export type Proposal = z.infer<typeof proposalSchema>;
export type Quality = z.infer<typeof qualitySchema>;
export type SchemeView = z.infer<typeof schemeSchema>;
