/**
 * Where a 待办 list comes from: each feature that leaves work for an account contributes a source,
 * and the list is their union. A source sees only what the account may see (its scope) and
 * answers only what the account itself is expected to do.
 */
import type { TodoItem } from '#core/todo/todo-item.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../accounts/access.ts';
import { TASK_TODO_SOURCES } from '../supervision/tasks.todo.ts';
import { appealDecideTodo } from '../appeals/appeals.todo.ts';

/** What a source is asked with: the account (with its role), and today in OUTPOST_TZ. */
export interface TodoQuery {
  actor: Actor;
  role: string;
  today: string;
}

/** One feature's items for an account. */
export type TodoSource = (ctx: AppContext, query: TodoQuery) => Promise<TodoItem[]>;

/** Every source, each added by the feature it belongs to. */
export const TODO_SOURCES: readonly TodoSource[] = [...TASK_TODO_SOURCES, appealDecideTodo];
