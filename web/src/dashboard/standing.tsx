/**
 * What an area's dashboard says first: where the area stands among its parent's children
 * ("全省第2名", highlighted), and how much of the month its rooms have reported (SPEC §5), with
 * what on time means and a warning while the month is below the completeness threshold.
 */
import { query } from '../api/client.ts';
import type { CompletenessArea, RankingRow } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { href, Link } from '../router/router.tsx';

export function Standing({
  parent,
  row,
  of,
}: {
  parent: { code: string; name: string; level: string } | null;
  row: RankingRow | undefined;
  of: number | undefined;
}) {
  const { t } = useI18n();
  if (!parent || !row || !of) return null;
  return (
    <p className="standing" data-testid="standing">
      <strong className={`standing-rank${row.lagging ? ' is-lagging' : ''}`}>
        {t('dash.standing', { scope: t(`dash.standingScope.${parent.level}` as MessageKey), rank: row.rank })}
      </strong>
      <span className="muted">{t('dash.standingOf', { of, parent: parent.name })}</span>
    </p>
  );
}

/** The month's completeness of an area; `always` shows it also when the area has no open room. */
export function CompletenessNote({ figure, always }: { figure: CompletenessArea | undefined; always?: boolean }) {
  const { t, fmt } = useI18n();
  if (!figure || (figure.rooms === 0 && !always)) return null;
  const share = (v: number | null) => (v === null ? '–' : fmt.percent(v, 0));
  return (
    <div className={`completeness-note${figure.complete ? '' : ' is-low'}`} data-testid="completeness">
      <p>
        <strong>{t('dash.completeness')}</strong>{' '}
        {t('dash.completenessFigures', {
          reporting: figure.reporting,
          rooms: figure.rooms,
          rate: share(figure.rate),
          onTime: figure.on_time,
          onTimeRate: share(figure.on_time_rate),
        })}{' '}
        {figure.reporting < figure.rooms && (
          <Link href={href('/assessment/completeness', { area: figure.area, month: figure.month })}>
            {t('dash.roomsNotReporting')}
          </Link>
        )}
      </p>
      {!figure.complete && (
        <p role="status">{t('dash.completenessLow', { threshold: fmt.percent(figure.threshold, 0) })}</p>
      )}
      <p className="muted small">
        {t('dash.onTimeMeans', { deadline: fmt.date(figure.deadline), day: figure.deadline_day })}
      </p>
    </div>
  );
}

/**
 * A warning over a page whose figures rest on the month (a notification draft, the proposals):
 * shown only while the month's completeness of the area is below the threshold.
 */
export function CompletenessWarning({ area, month }: { area: string | null; month: string | null }) {
  const { t, fmt } = useI18n();
  const figure = useApi<CompletenessArea>(area && month ? `/completeness/area${query({ month, area })}` : null, {
    keep: true,
  }).data;
  if (!figure || figure.complete || figure.rooms === 0 || figure.area !== area || figure.month !== month) return null;
  return (
    <p className="completeness-note is-low" role="status" data-testid="completeness-warning">
      {t('cmp.warning', {
        rate: figure.rate === null ? '–' : fmt.percent(figure.rate, 0),
        threshold: fmt.percent(figure.threshold, 0),
      })}{' '}
      <Link href={href('/assessment/completeness', { area: figure.area, month: figure.month })}>
        {t('dash.roomsNotReporting')}
      </Link>
    </p>
  );
}
