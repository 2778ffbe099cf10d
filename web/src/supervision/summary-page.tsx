/**
 * The annual work summary of an area: chosen by year and language, read here (built from the
 * document model) and downloaded as DOCX, PDF or Markdown. Its standing figures are those of
 * the year's last day.
 */
import { useId } from 'react';
import { API, query } from '../api/client.ts';
import type { AreaDetail } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { DocumentView, Downloads } from '../documents/document-view.tsx';
import { useI18n, type Lang } from '../i18n/i18n.tsx';
import { navigate, useLocation, withQuery } from '../router/router.tsx';
import { AreaSearch } from '../ui/area-search.tsx';
import { Async, Loading } from '../ui/states.tsx';
import { useViewDefaults } from '../ui/view-defaults.ts';
import { useToday } from '../ui/meta.tsx';
import { SupervisionTabs } from './tabs.tsx';
import type { SummaryJson } from './types.ts';
import { DocumentLanguage } from '../documents/document-language.tsx';

export function SummaryPage() {
  const { t, lang: uiLang } = useI18n();
  const location = useLocation();
  const yearId = useId();
  const defaults = useViewDefaults();
  const area = location.query.get('area') || defaults.area;
  const yearParam = Number(location.query.get('year'));
  const monthParam = location.query.get('month');
  const year =
    yearParam >= 2000 && yearParam <= 2100
      ? yearParam
      : monthParam
        ? Number(monthParam.slice(0, 4))
        : defaults.month
          ? Number(defaults.month.slice(0, 4))
          : null;
  const docLang: Lang =
    location.query.get('lang') === 'en' ? 'en' : location.query.get('lang') === 'zh' ? 'zh' : uiLang;
  const set = (changes: Record<string, string | undefined>) =>
    navigate(withQuery(location, changes), { replace: true });
  const ready = area !== null && year !== null;
  const params = { area, year, lang: docLang };
  const detail = useApi<AreaDetail>(area ? `/areas/${encodeURIComponent(area)}` : null, { keep: true });
  const summary = useApi<SummaryJson>(ready ? `/summary${query({ ...params, format: 'json' })}` : null, { keep: true });
  const thisYear = Number(useToday().slice(0, 4));
  const years = Array.from({ length: 12 }, (_, i) => thisYear - i);
  if (year !== null && !years.includes(year)) years.push(year);

  return (
    <div className="page summary-page">
      <SupervisionTabs />
      <header className="page-head">
        <h1 tabIndex={-1}>
          {t('summary.title')}
          {detail.data && ` · ${detail.data.name}`}
        </h1>
        <p className="muted">{t('summary.intro')}</p>
        <div className="controls">
          <AreaSearch label={t('ctl.area')} placeholder={detail.data?.name} onPick={(a) => set({ area: a.code })} />
          <div className="field-inline">
            <label htmlFor={yearId}>{t('summary.year')}</label>
            <select id={yearId} value={year ?? ''} onChange={(e) => set({ year: e.target.value, month: undefined })}>
              {years
                .sort((a, b) => b - a)
                .map((y) => (
                  <option key={y} value={y}>
                    {t('summary.yearOption', { year: y })}
                  </option>
                ))}
            </select>
          </div>
          <DocumentLanguage value={docLang} onChange={(l) => set({ lang: l })} />
        </div>
      </header>
      {ready && (
        <section className="panel" aria-labelledby="summary-dl-h">
          <h2 id="summary-dl-h">{t('summary.download')}</h2>
          <Downloads
            label={t('summary.download')}
            formats={['docx', 'pdf', 'md']}
            urlOf={(format) => `${API}/summary${query({ ...params, format })}`}
          />
        </section>
      )}
      <section className="panel document-panel" aria-labelledby="summary-preview-h" aria-busy={summary.loading}>
        <h2 id="summary-preview-h">{t('summary.preview')}</h2>
        {ready ? (
          <Async {...summary} label={t('summary.composing')}>
            {(s) => <DocumentView doc={s.document} label={t('summary.preview')} />}
          </Async>
        ) : (
          <Loading />
        )}
      </section>
    </div>
  );
}
