/**
 * Sends deliveries in the server process: a round every INTERVAL_MS, and one at once when poked
 * (after a job announced events). One round at a time; `stop()` ends the loop between
 * deliveries and waits for the round under way.
 *
 * @example
 *   const loop = new DeliveryLoop(db, { log });
 *   loop.start(); loop.poke(); await loop.stop();
 */
import type { Database } from '../../db/database.ts';
import { dispatch, type DispatchReport } from './dispatcher.ts';

const INTERVAL_MS = 15_000;

export class DeliveryLoop {
  private timer?: NodeJS.Timeout;
  private round: Promise<void> = Promise.resolve();
  private running = false;
  private again = false;
  private readonly stopping = new AbortController();

  constructor(
    private readonly db: Database,
    private readonly options: { log?(message: string): void; onRound?(report: DispatchReport): void } = {},
  ) {}

  start(): void {
    this.poke();
  }

  /** Starts a round now, or right after the one under way. */
  poke(): void {
    if (this.stopping.signal.aborted) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = true;
    this.round = this.send().finally(() => {
      this.running = false;
      if (this.stopping.signal.aborted) return;
      if (this.again) {
        this.again = false;
        this.poke();
      } else this.timer = setTimeout(() => this.poke(), INTERVAL_MS);
    });
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    clearTimeout(this.timer);
    await this.round;
  }

  private async send(): Promise<void> {
    try {
      const report = await dispatch(this.db, { signal: this.stopping.signal });
      this.options.onRound?.(report);
      if (report.sent + report.retrying + report.failed > 0)
        this.options.log?.(`deliveries: ${report.sent} sent, ${report.retrying} to retry, ${report.failed} given up`);
    } catch (e) {
      this.options.log?.(`deliveries: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
