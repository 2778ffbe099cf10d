/** Shapes of the schedule, channel and subscription answers (type-only imports of the core's contracts). */
import type { z } from 'zod';
import type {
  channelSchema,
  deliveryPageSchema,
  deliverySchema,
  eventCatalogueSchema,
  mySubscriptionsSchema,
  sendOutcomeSchema,
} from '#core/contracts/channels.schema.ts';
import type { jobSchema, runOutcomeSchema, runPageSchema, runSchema } from '#core/contracts/schedule.schema.ts';

export type JobView = z.infer<typeof jobSchema>;
export type RunView = z.infer<typeof runSchema>;
export type RunPage = z.infer<typeof runPageSchema>;
export type RunOutcome = z.infer<typeof runOutcomeSchema>;
export type ChannelView = z.infer<typeof channelSchema>;
export type DeliveryView = z.infer<typeof deliverySchema>;
export type DeliveryPage = z.infer<typeof deliveryPageSchema>;
export type SendOutcome = z.infer<typeof sendOutcomeSchema>;
export type EventCatalogue = z.infer<typeof eventCatalogueSchema>;
export type MySubscriptions = z.infer<typeof mySubscriptionsSchema>;
