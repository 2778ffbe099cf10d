/**
 * The life of a supervision task (督导整改), as plain functions: open -> in_progress ->
 * rectified -> verified; a rectification that does not hold is sent back to in_progress; a task
 * whose problem a correction drops is withdrawn. Overdue is not a status but a fact of the date:
 * not yet rectified after its deadline.
 *
 * @example canMove('rectified', 'verified') // true
 */
export const TASK_STATUSES = ['open', 'in_progress', 'rectified', 'verified', 'withdrawn'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** What a person may move a task to; `withdrawn` is only ever set by a correction. */
export const SETTABLE_STATUSES = ['in_progress', 'rectified', 'verified'] as const;

const NEXT: Record<TaskStatus, readonly TaskStatus[]> = {
  open: ['in_progress', 'rectified'],
  in_progress: ['rectified'],
  rectified: ['verified', 'in_progress'],
  verified: [],
  withdrawn: [],
};

export function canMove(from: TaskStatus, to: TaskStatus): boolean {
  return NEXT[from].includes(to);
}

/** The statuses a task that is `from` can become, in the order they are offered. */
export function nextStatuses(from: TaskStatus): readonly TaskStatus[] {
  return NEXT[from];
}

/** Sending a rectification back needs a reason. */
export function needsComment(from: TaskStatus, to: TaskStatus): boolean {
  return from === 'rectified' && to === 'in_progress';
}

/** Still to be rectified: open or in progress. */
export function isPending(status: string): boolean {
  return status === 'open' || status === 'in_progress';
}

/** Overdue on `day`: still pending after its deadline. */
export function isOverdue(status: string, deadline: string, day: string): boolean {
  return isPending(status) && day > deadline;
}
