/**
 * A progress line on a terminal (stderr), redrawn at most ten times a second; silent when
 * stderr is not a terminal so that logs and tests stay clean.
 */
export interface ProgressBar {
  update(label: string, done: number, total?: number): void;
  done(message?: string): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY) return { update() {}, done() {} };
  const started = Date.now();
  let last = 0;
  const draw = (line: string) => stream.write(`\r\x1b[2K${line}`);
  return {
    update(label, done, total) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const rate = Math.round(done / Math.max(0.001, (now - started) / 1000));
      if (total && total > 0) {
        const share = Math.min(1, done / total);
        const width = 24;
        const filled = Math.round(share * width);
        draw(
          `${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(share * 100).toFixed(0)}% ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`,
        );
      } else draw(`${label} ${done.toLocaleString('en')} rows (${rate.toLocaleString('en')}/s)`);
    },
    done(message) {
      draw(message ?? '');
      stream.write('\n');
    },
  };
}
