import { describe, expect, it } from 'vitest';
import { canMove, isOverdue, needsComment, TASK_STATUSES } from './task-status.ts';

describe('task status', () => {
  it('allows exactly the moves of a task’s life', () => {
    const allowed = TASK_STATUSES.flatMap((from) =>
      TASK_STATUSES.filter((to) => canMove(from, to)).map((to) => `${from}->${to}`),
    );
    expect(allowed).toEqual([
      'open->in_progress',
      'open->rectified',
      'in_progress->rectified',
      'rectified->in_progress',
      'rectified->verified',
    ]);
  });

  it('wants a reason to send a rectification back', () => {
    expect(needsComment('rectified', 'in_progress')).toBe(true);
    expect(needsComment('open', 'in_progress')).toBe(false);
  });

  it('is overdue only while pending after its deadline', () => {
    expect(isOverdue('open', '2019-07-05', '2019-07-05')).toBe(false);
    expect(isOverdue('open', '2019-07-05', '2019-07-06')).toBe(true);
    expect(isOverdue('in_progress', '2019-07-05', '2019-08-01')).toBe(true);
    for (const done of ['rectified', 'verified', 'withdrawn'])
      expect(isOverdue(done, '2019-07-05', '2019-08-01')).toBe(false);
  });
});
