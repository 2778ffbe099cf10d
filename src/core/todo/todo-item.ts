/**
 * What awaits an account (待办): one item per thing it is expected to do, each linking to the page
 * where it is done. The server collects them (modules/todo), the web counts and lists them, and
 * channels may announce the same items; so their words live here, once.
 */

/** Every kind of item a 待办 list may hold, in the order a list shows them. */
export const TODO_KINDS = [
  'period_submit',
  'period_approve',
  'notice_sign',
  'task_assign',
  'task_rectify',
  'task_verify',
  'appeal_decide',
] as const;

export type TodoKind = (typeof TODO_KINDS)[number];

/** One thing that awaits an account. */
export interface TodoItem {
  kind: TodoKind;
  /** Stable across requests, unique in a list: `kind:ref` (e.g. `notice_sign:12:2201`). */
  key: string;
  /** The area the item is about (the receiving area, the task's area, the appealing area). */
  area: string;
  area_name: string;
  /** The assessed month the item is about, when it has one. */
  month: string | null;
  /** The day by which it should be done (a deadline), when there is one. */
  due: string | null;
  /** The web path where it is done, e.g. `/notifications/12`. */
  link: string;
}
