/**
 * The turn to write a SQLite database, one holder at a time and first come, first served: the
 * server's small writes (a posted record, a session, an audit entry) and an import job's merge
 * in its worker thread take it before they begin, so a writer waits for the gate without
 * blocking the event loop, and never meets SQLite's busy lock (which better-sqlite3, being
 * synchronous, would wait out on the event loop).
 *
 * @example
 *   const release = await gate.acquire();
 *   try { writer.exec('begin immediate'); ... } finally { release(); }
 */
export class WriteGate {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  /** `waited`: told how long each caller waited for the gate, in seconds (the metrics). */
  constructor(private readonly waited?: (seconds: number) => void) {}

  /** Resolves when the gate is this caller's; call the function it gives to pass it on. */
  acquire(): Promise<() => void> {
    const asked = performance.now();
    return new Promise((resolve) => {
      const take = () => {
        this.held = true;
        this.waited?.((performance.now() - asked) / 1000);
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.pass();
        });
      };
      if (this.held) this.waiting.push(take);
      else take();
    });
  }

  /** Runs `fn` holding the gate. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** How many wait for the gate now (for tests and metrics). */
  get queued(): number {
    return this.waiting.length;
  }

  private pass(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}
