/** Shapes of the period answers (type-only imports of the core's contracts). */
import type { z } from 'zod';
import type {
  notificationRevisionSchema,
  periodEventSchema,
  periodRowSchema,
  revisionSchema,
} from '#core/contracts/periods.schema.ts';
import type { PeriodAction } from '#core/periods/period-chain.ts';

export type PeriodRow = z.infer<typeof periodRowSchema>;
export type Revision = z.infer<typeof revisionSchema>;
export type PeriodEvent = z.infer<typeof periodEventSchema>;
export type NoticeRevision = z.infer<typeof notificationRevisionSchema>;
export type { PeriodAction };
