import { describe, expect, it } from 'vitest';
import { assertMove } from './task-moves.ts';

describe('task moves', () => {
  it('names the moves a refused one could have been', () => {
    expect(() => assertMove('open', 'verified')).toThrow(
      'a task that is open cannot become verified; it can become in_progress or rectified',
    );
    expect(() => assertMove('verified', 'in_progress')).toThrow('(it is closed)');
    expect(() => assertMove('withdrawn', 'open')).toThrow('(it is closed)');
  });
});
