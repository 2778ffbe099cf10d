/**
 * A full garbage collection on demand, for work that makes a great deal of short-lived garbage
 * for a long time (reading a 512 MiB upload row by row): left to itself V8 lets its heap grow by
 * more than a hundred MiB over such a run before it collects, which is most of what a large
 * upload costs a server in memory (bench/upload-rss.ts). V8's `gc` is made reachable once, here.
 *
 * @example
 *   if (rows % GARBAGE_EVERY_ROWS === 0) collectGarbage();
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** How many rows read between two collections (each takes a few tens of milliseconds). */
export const GARBAGE_EVERY_ROWS = 200_000;

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}
