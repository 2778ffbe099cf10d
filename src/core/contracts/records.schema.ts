/** POST records/{kind}: rows of a §2 kind as JSON, with the same columns as its file. */
import { z } from 'zod';
import { KIND_NAMES } from '../kinds/order.ts';

const cell = z.union([z.string().max(4000), z.number(), z.null()]);
export const recordsBody = z.array(z.record(z.string(), cell)).min(1).max(10_000);
export const recordsParams = z.object({ kind: z.enum(KIND_NAMES as [string, ...string[]]) }).strict();
export const recordsQuery = z.object({ dry_run: z.enum(['true', 'false']).optional() }).strict();
export const recordsResponse = z.object({ written: z.number() });
