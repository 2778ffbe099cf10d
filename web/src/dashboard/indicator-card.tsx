/** One indicator of an area in a month: value against target, score, and its last 12 months. */
import type { IndicatorResult, Indicators } from '../api/types.ts';
import type { IndicatorMeta } from '../domain/indicators.ts';
import { PASSING_SCORE } from '#core/assessment/ranking.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router/router.tsx';
import { formatIndicator, formatIndicatorNumber } from './indicator-format.ts';
import { Sparkline } from './sparkline.tsx';

export interface IndicatorCardProps {
  meta: IndicatorMeta;
  result: IndicatorResult | undefined;
  /** The value of each of the 12 months ending with this one (null: no data). */
  history: (number | null)[];
  months: string[];
  /** Where "how is this made" leads (the explain page), when shown. */
  explainHref?: string;
  /** The area's answers of the public form, shown beside awareness and satisfaction. */
  online?: Indicators['online_answers'];
}

export function IndicatorCard({ meta, result, history, months, explainHref, online }: IndicatorCardProps) {
  const i18n = useI18n();
  const { t, tr, fmt } = i18n;
  const name = tr('ind', meta.name);
  const noData = !result || result.no_data || result.value === null;
  const problem = !!result && result.score < PASSING_SCORE;
  const summary = history
    .map((v, i) => `${fmt.month(months[i])} ${v === null ? t('dash.noData') : formatIndicator(meta, v, i18n)}`)
    .join('; ');
  return (
    <article className={`indicator-card${problem ? ' is-problem' : ''}`} aria-labelledby={`ind-${meta.name}`}>
      <header>
        <h3 id={`ind-${meta.name}`}>{name}</h3>
        <span className="weight" title={t('dash.weight')}>
          {t('dash.weight')} {meta.weight}
        </span>
      </header>
      <div className="indicator-value">
        {noData ? (
          <span className="no-data" title={t('dash.noDataHint')}>
            {t('dash.noData')}
          </span>
        ) : (
          <>
            <strong>{formatIndicatorNumber(meta, result.value!, fmt)}</strong>
            {meta.unit !== 'rate' && (
              <span className="unit">
                {t(meta.unit === 'per10k' ? 'unit.per10k' : meta.unit === 'perWeek' ? 'unit.perWeek' : 'unit.per1000')}
              </span>
            )}
          </>
        )}
      </div>
      <dl className="indicator-facts">
        <div>
          <dt>{t('dash.target')}</dt>
          <dd>
            {formatIndicator(meta, meta.target, i18n)}
            {meta.better === 'lower' && <small> ({t('ind.better.lower')})</small>}
          </dd>
        </div>
        <div>
          <dt>{t('dash.score')}</dt>
          <dd>{result ? fmt.decimal(result.score, 1) : '—'}</dd>
        </div>
        {result && (
          <div className="numden">
            <dt className="visually-hidden">{t('dash.value')}</dt>
            <dd>
              {t('dash.numDen', {
                num: fmt.count(round(result.numerator / SCALE[meta.unit])),
                den: fmt.count(round(result.denominator)),
              })}
            </dd>
          </div>
        )}
      </dl>
      {online && <OnlineAnswersLine indicator={meta.name} online={online} />}
      <div className="score-bar" aria-hidden="true">
        <span style={{ width: `${Math.max(0, Math.min(100, result?.score ?? 0))}%` }} />
      </div>
      <div className="indicator-trend">
        <Sparkline values={history} label={`${name}, ${t('dash.trend12')}: ${summary}`} />
        <small>{t('dash.trend12')}</small>
      </div>
      {explainHref && (
        <Link href={explainHref} className="small explain-link" aria-label={t('dash.explainOf', { indicator: name })}>
          {t('dash.explain')}
        </Link>
      )}
    </article>
  );
}

/**
 * The public form's answers as their own figure under awareness or satisfaction: how many
 * answered, how many of them agree, and whether the year's scheme counts them in the rate.
 */
export function OnlineAnswersLine({
  indicator,
  online,
}: {
  indicator: string;
  online: NonNullable<Indicators['online_answers']>;
}) {
  const { t, fmt } = useI18n();
  const figure =
    indicator === 'awareness_rate' ? online.awareness : indicator === 'satisfaction_rate' ? online.satisfaction : null;
  if (!figure) return null;
  return (
    <p className="online-answers small">
      {t(indicator === 'awareness_rate' ? 'dash.online.awareness' : 'dash.online.satisfaction', {
        d: fmt.count(figure.denominator),
        k: fmt.count(figure.numerator),
      })}{' '}
      <span className="muted">{t(online.counted ? 'dash.online.counted' : 'dash.online.apart')}</span>
    </p>
  );
}

// The per-resident indicators carry their scale in the numerator (SPEC §3); shown unscaled.
export const SCALE = { rate: 1, per10k: 10_000, per1000: 1_000, perWeek: 1 } as const;

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
