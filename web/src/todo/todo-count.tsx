/**
 * The 待办 count in the header, on every page of a signed-in account: a link to the list. It asks
 * again on each new page and whenever a page says its work changed what awaits (`todoChanged`).
 */
import { useEffect } from 'react';
import type { TodoItem } from '#core/todo/todo-item.ts';
import { useApi } from '../api/use-api.ts';
import { useAuth } from '../auth/auth.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, useLocation } from '../router/router.tsx';

const CHANGED = 'outpost:todo-changed';

/** Says that something was done that may take an item off (or put one on) the list. */
export function todoChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

export function TodoCount() {
  const { session } = useAuth();
  if (!session) return null;
  return <Count />;
}

function Count() {
  const { t } = useI18n();
  const { path } = useLocation();
  const todo = useApi<{ items: TodoItem[] }>('/todo', { keep: true });
  const { reload } = todo;
  useEffect(() => {
    window.addEventListener(CHANGED, reload);
    return () => window.removeEventListener(CHANGED, reload);
  }, [reload]);
  useEffect(() => reload(), [path, reload]);
  const n = todo.data?.items.length ?? 0;
  return (
    <Link
      href="/todo"
      className={`todo-count${n > 0 ? ' has-items' : ''}`}
      aria-label={t('todo.badge', { n })}
      data-count={todo.data ? n : undefined}
    >
      <span className="todo-count-word" aria-hidden="true">
        {t('todo.nav')}
      </span>
      <span className="todo-count-mark" aria-hidden="true">
        ☑
      </span>
      <span className="todo-count-n" aria-hidden="true">
        {n}
      </span>
    </Link>
  );
}
