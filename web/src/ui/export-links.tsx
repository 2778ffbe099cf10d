/**
 * Download links of a table: the same route the page reads, with `format=xlsx|csv` and the
 * interface's language for the headers. The server answers every row of what is filtered, so
 * paging parameters are left out.
 *
 * @example <ExportLinks path="/funds" params={{ area, kind, until }} what={t('funds.title')} />
 */
import { API, query } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

type Params = Record<string, string | number | boolean | undefined | null>;

/** The URL of a route's table as a file. */
export function exportHref(path: string, params: Params, format: 'xlsx' | 'csv', lang: string): string {
  const { limit: _limit, offset: _offset, ...rest } = params;
  return `${API}${path}${query({ ...rest, format, lang })}`;
}

/** Excel and CSV of the table, and printing the page. */
export function ExportLinks({ path, params, what }: { path: string; params: Params; what: string }) {
  const { t, lang } = useI18n();
  return (
    <span className="export-links no-print" role="group" aria-label={t('export.of', { what })} title={t('export.hint')}>
      <a className="button" href={exportHref(path, params, 'xlsx', lang)} download>
        {t('export.xlsx')}
      </a>
      <a className="button" href={exportHref(path, params, 'csv', lang)} download>
        {t('export.csv')}
      </a>
      <button type="button" onClick={() => window.print()}>
        {t('print.action')}
      </button>
    </span>
  );
}
