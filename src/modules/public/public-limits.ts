/**
 * One limiter for the public routes: hits per network prefix (/24, /64: see network-prefix.ts)
 * in fixed one-hour windows, counted in the database so that a restart does not reset them.
 * The numbers are generous on purpose (docs/security.md): a carrier puts a whole town behind a
 * few shared addresses, and residents there must still get through; they stop a harvest of every
 * officer's phone or a scripted flood from one network, not one person.
 */
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import { now } from '../../shared/clock.ts';
import { countPublicHit, forgetPublicHitsBefore } from './public.repository.ts';
import { networkPrefix } from './network-prefix.ts';

export type PublicKind = 'lookup' | 'survey';

/** Most hits per network prefix in one window, by kind of route. */
export const PUBLIC_LIMITS: Record<PublicKind, number> = { lookup: 600, survey: 60 };
export const WINDOW_MS = 60 * 60 * 1000;

export class PublicLimits {
  constructor(
    private readonly db: Database,
    private readonly limits: Record<PublicKind, number> = PUBLIC_LIMITS,
  ) {}

  /** Counts one hit from `address`; throws `public_rate_limited` (429, Retry-After) past the limit. */
  async take(kind: PublicKind, address: string): Promise<void> {
    const at = now().getTime();
    const start = at - (at % WINDOW_MS);
    const windowStart = new Date(start).toISOString();
    const hits = await this.db.transaction(async (tx) => {
      const counted = await countPublicHit(tx.kysely, kind, networkPrefix(address), windowStart);
      // The first hit of a window clears the windows before the last one, so the table stays small.
      if (counted === 1) await forgetPublicHitsBefore(tx.kysely, new Date(start - WINDOW_MS).toISOString());
      return counted;
    });
    if (hits > this.limits[kind]) {
      const seconds = Math.max(1, Math.ceil((start + WINDOW_MS - at) / 1000));
      throw new AppError('public_rate_limited', { seconds }, [{ retry_after: seconds }]);
    }
  }
}
