/** The 待办 list as the API answers it (core/todo/todo-item.ts). */
import { z } from 'zod';
import { TODO_KINDS } from '../todo/todo-item.ts';

export const todoItemSchema = z.object({
  kind: z.enum(TODO_KINDS),
  key: z.string(),
  area: z.string(),
  area_name: z.string(),
  month: z.string().nullable(),
  due: z.string().nullable(),
  link: z.string(),
});
export const todoSchema = z.object({ items: z.array(todoItemSchema) });
