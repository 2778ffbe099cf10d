import { describe, expect, it } from 'vitest';
import { WriteQueue } from './write-queue.ts';

describe("a running job's progress in the write queue", () => {
  it('sums the rows of its files, keeps the last share, and is gone once the job ends', async () => {
    const queue = new WriteQueue();
    let during: ReturnType<WriteQueue['progressOf']> = null;
    await queue.run(7, async () => {
      expect(queue.progressOf(7)).toBeNull();
      queue.progress(7, 'areas:all.xlsx', 10);
      queue.progress(7, 'units:all.xlsx', 5, 0.25);
      queue.progress(7, 'units:all.xlsx', 8, 0.5);
      during = queue.progressOf(7);
    });
    expect(during).toEqual({ rows: 18, share: 0.5 });
    expect(queue.progressOf(7)).toBeNull();
  });
});
