/** Shapes of the public routes' answers, from the server's schemas (type-only imports). */
import type { z } from 'zod';
import type { challengeSchema, publicAreaSchema, publicOfficersSchema } from '#core/contracts/public.schema.ts';

export type PublicArea = z.infer<typeof publicAreaSchema>;
export type PublicOfficers = z.infer<typeof publicOfficersSchema>;
export type Challenge = z.infer<typeof challengeSchema>;
