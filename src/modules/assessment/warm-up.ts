/**
 * Computes, once a server is ready, what the dashboard asks first: the latest month's figures
 * of every top area under both schemes, the month before it (for the ranking's change), and the
 * eleven months before under the performance scheme (its trend). The results land in the
 * assessment's cache, so the first person to open the app does not wait for a cold province; a
 * request arriving meanwhile shares the computation under way.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AssessmentService } from './assessment.service.ts';
import { monthsEnding } from './month.ts';

/** The latest month with a survey in it (the month the app opens on), or null with none. */
export async function latestMonth(db: Kysely<DB>): Promise<string | null> {
  const latest = await db
    .selectFrom('surveys')
    .select((eb) => eb.fn.max('date').as('d'))
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  return latest?.d ? String(latest.d).slice(0, 7) : null;
}

/** `signal`: stop between two months (a server closing). */
export async function warmUp(
  assessment: AssessmentService,
  signal?: AbortSignal,
): Promise<{ month: string | null; ms: number }> {
  const started = Date.now();
  const month = await latestMonth(assessment.db);
  if (month === null) return { month, ms: Date.now() - started };
  const tree = await assessment.areas.tree();
  const steps = tree.children.roots.flatMap((root) => [
    () => assessment.rankings(root, month, 'performance'),
    () => assessment.rankings(root, month, 'construction'),
    ...monthsEnding(month, 12).map((m) => () => assessment.indicators(root, m, 'performance')),
  ]);
  for (const step of steps) {
    if (signal?.aborted) break;
    await step();
  }
  return { month, ms: Date.now() - started };
}
