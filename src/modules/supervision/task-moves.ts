/** A task's move checked on the server: a refused one answers a conflict naming the moves it allows. */
import { AppError } from '../../shared/errors.ts';
import { canMove, nextStatuses, type TaskStatus } from '#core/supervision/task-status.ts';

/** Throws a conflict naming the allowed moves when `from -> to` is not one. */
export function assertMove(from: TaskStatus, to: TaskStatus): void {
  if (canMove(from, to)) return;
  const allowed = nextStatuses(from);
  throw new AppError('task_transition', { from, to, allowed });
}
