/**
 * What a printed page says at its top in place of the app's chrome: the area, month and scheme
 * the page shows (from its URL, else the defaults every page uses). Hidden on screen; the print
 * stylesheet shows it and numbers the pages.
 */
import type { AreaDetail } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { isScheme, SCHEME_SHORT } from '../domain/indicators.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useLocation } from '../router/router.tsx';
import { useAreaMonth } from './view-defaults.ts';

export function PrintHeader() {
  const { t, fmt } = useI18n();
  const { query } = useLocation();
  const { area, month } = useAreaMonth();
  const detail = useApi<AreaDetail>(area ? `/areas/${encodeURIComponent(area)}` : null, { keep: true });
  const schemeParam = query.get('scheme');
  const scheme = isScheme(schemeParam) ? schemeParam : 'performance';
  return (
    <div className="print-header" aria-hidden="true">
      <strong>{t('app.title')}</strong>
      <span>
        <b>{t('print.area')}</b> {detail.data?.name ?? area ?? '—'}
      </span>
      <span>
        <b>{t('print.month')}</b> {month ? fmt.month(month) : '—'}
      </span>
      <span>
        <b>{t('print.scheme')}</b> {t(SCHEME_SHORT[scheme])}
      </span>
    </div>
  );
}
