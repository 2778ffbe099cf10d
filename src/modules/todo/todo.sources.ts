/**
 * Where a 待办 list comes from: each feature that leaves work for an account contributes a source,
 * and the list is their union. A source sees only what the account may see (its scope) and
 * answers only what the account itself is expected to do. A source names its type from
 * todo-source.ts (not from here), so that this list may import it without a cycle.
 */
import type { TodoSource } from './todo-source.ts';
import { periodTodo } from '../periods/periods.todo.ts';
import { receiptTodo } from '../receipts/receipts.todo.ts';
import { TASK_TODO_SOURCES } from '../supervision/tasks.todo.ts';
import { appealDecideTodo } from '../appeals/appeals.todo.ts';

export type { TodoQuery, TodoSource } from './todo-source.ts';

/** Every source, each added by the feature it belongs to. */
export const TODO_SOURCES: readonly TodoSource[] = [periodTodo, receiptTodo, ...TASK_TODO_SOURCES, appealDecideTodo];
