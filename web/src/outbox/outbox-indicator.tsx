/**
 * The outbox in the staff header: how many records wait on this device (and how many the
 * server refused), a moving mark while they are sent; a link to `/records/outbox`. Nothing
 * shows while the box is empty. On a phone only the marks and numbers show.
 */
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router/router.tsx';
import { useOutbox } from './outbox-context.tsx';

export function OutboxIndicator() {
  const { t } = useI18n();
  const { entries, sending } = useOutbox();
  if (entries.length === 0 && !sending) return null;
  const waiting = entries.filter((e) => e.state === 'waiting').length;
  const rejected = entries.length - waiting;
  return (
    <Link
      href="/records/outbox"
      className={`outbox-indicator${rejected > 0 ? ' has-rejected' : ''}`}
      aria-label={t('outbox.indicatorLabel', { waiting, rejected })}
      aria-busy={sending ? true : undefined}
      data-waiting={waiting}
      data-rejected={rejected}
    >
      {sending ? <span className="spinner" aria-hidden="true" /> : waiting > 0 && <span aria-hidden="true">⇡</span>}
      {sending ? (
        <span aria-hidden="true">
          <span className="outbox-word">{t('outbox.sendingWord')} </span>
          {sending.done + 1}/{sending.total}
        </span>
      ) : (
        waiting > 0 && (
          <span aria-hidden="true">
            <span className="outbox-word">{t('outbox.waitingWord')} </span>
            {waiting}
          </span>
        )
      )}
      {rejected > 0 && (
        <span className="outbox-indicator-rejected" aria-hidden="true">
          <span className="outbox-word">{t('outbox.rejectedWord')} </span>
          {rejected}
        </span>
      )}
    </Link>
  );
}
