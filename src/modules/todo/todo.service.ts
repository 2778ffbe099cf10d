/**
 * An account's 待办 (issue 19): the union of every feature's source (todo.sources.ts), in the
 * order of TODO_KINDS, then by due day and key. `GET todo` answers it; channels may announce
 * the same items.
 */
import { TODO_KINDS, type TodoItem } from '#core/todo/todo-item.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../accounts/access.ts';
import { today } from '../../shared/clock.ts';
import { TODO_SOURCES } from './todo.sources.ts';

/** What awaits `actor` (of `role`) today. */
export async function todoFor(ctx: AppContext, actor: Actor, role: string): Promise<TodoItem[]> {
  const query = { actor, role, today: today() };
  const items = (await Promise.all(TODO_SOURCES.map((source) => source(ctx, query)))).flat();
  const order = (k: TodoItem['kind']) => TODO_KINDS.indexOf(k);
  return items.sort(
    (a, b) =>
      order(a.kind) - order(b.kind) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.key.localeCompare(b.key),
  );
}
