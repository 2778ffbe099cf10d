/**
 * The steps taken on an area's period of a month and on those above it, newest first: who
 * submitted, approved, locked or unlocked it, when, and why an unlock was made.
 */
import { query } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { Async, Empty } from '../ui/states.tsx';
import type { PeriodEvent } from './types.ts';

export function HistoryPanel({ area, month, names }: { area: string; month: string; names: Map<string, string> }) {
  const { t, fmt } = useI18n();
  const events = useApi<PeriodEvent[]>(`/periods/history${query({ month, area })}`);
  return (
    <section className="panel period-history" aria-labelledby="period-history-h">
      <h2 id="period-history-h">{t('period.history')}</h2>
      <Async {...events}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('period.noHistory')}</Empty>
          ) : (
            <ol className="period-steps">
              {[...list].reverse().map((e) => (
                <li key={e.id}>
                  <strong>{t(`period.action.${e.action}` as MessageKey)}</strong> · {names.get(e.area) ?? e.area} ·{' '}
                  {e.actor_name} · {fmt.dateTime(e.at)}
                  {e.reason && <span className="muted"> · {t('period.because', { reason: e.reason })}</span>}
                </li>
              ))}
            </ol>
          )
        }
      </Async>
    </section>
  );
}
