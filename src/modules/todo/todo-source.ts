/**
 * What a 待办 source is, apart from the list of them (todo.sources.ts), so that a feature's
 * source can name its type without the list importing it back.
 */
import type { TodoItem } from '#core/todo/todo-item.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../accounts/access.ts';

/** What a source is asked with: the account (with its role), and today in OUTPOST_TZ. */
export interface TodoQuery {
  actor: Actor;
  role: string;
  today: string;
}

/** One feature's items for an account. */
export type TodoSource = (ctx: AppContext, query: TodoQuery) => Promise<TodoItem[]>;
