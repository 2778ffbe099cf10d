/** Previous / next over a page of `{items, total, limit, offset}`. */
import { useI18n } from '../i18n/i18n.tsx';

export function Pager({
  total,
  limit,
  offset,
  onOffset,
}: {
  total: number;
  limit: number;
  offset: number;
  onOffset(offset: number): void;
}) {
  const { t, fmt } = useI18n();
  if (total <= limit && offset === 0) return null;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={t('page.of', { from: offset + 1, to, total })}>
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        {t('page.prev')}
      </button>
      <span>{t('page.of', { from: fmt.count(offset + 1), to: fmt.count(to), total: fmt.count(total) })}</span>
      <button type="button" disabled={to >= total} onClick={() => onOffset(offset + limit)}>
        {t('page.next')}
      </button>
    </nav>
  );
}
