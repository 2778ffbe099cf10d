/**
 * The 待办 page: what awaits the signed-in account, grouped by kind in the order of TODO_KINDS,
 * each item linking to the page where it is done. Labels for every kind are here, part B's too.
 */
import { TODO_KINDS, type TodoItem } from '#core/todo/todo-item.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router/router.tsx';
import { Async } from '../ui/states.tsx';

export function TodoPage() {
  const { t, tr, fmt } = useI18n();
  const todo = useApi<{ items: TodoItem[] }>('/todo');
  return (
    <div className="page todo-page">
      <header className="page-head">
        <h1 tabIndex={-1}>{t('todo.title')}</h1>
        <p className="muted">{t('todo.intro')}</p>
      </header>
      <Async {...todo}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="panel note" data-testid="todo-empty">
              {t('todo.none')}
            </p>
          ) : (
            TODO_KINDS.filter((k) => items.some((i) => i.kind === k)).map((kind) => {
              const group = items.filter((i) => i.kind === kind);
              return (
                <section key={kind} className="panel todo-group" aria-labelledby={`todo-${kind}`}>
                  <h2 id={`todo-${kind}`}>
                    {tr('todo.kind', kind)} <span className="badge badge-warn">{group.length}</span>
                  </h2>
                  <ul className="todo-list">
                    {group.map((i) => (
                      <li key={i.key} data-key={i.key}>
                        <Link href={i.link}>
                          {i.area_name}
                          {i.month && ` · ${fmt.month(i.month)}`}
                        </Link>
                        {i.due && <small className="muted"> {t('todo.due', { date: fmt.date(i.due) })}</small>}
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })
          )
        }
      </Async>
    </div>
  );
}
