/**
 * Importing a CSV file from the browser: read and parsed here (as the server would), every row
 * checked by the server with `?dry_run=true` so that all rejected rows show at once, then
 * written only when none is. Files over the API's 10,000 rows go in parts, all checked first.
 */
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { ApiError, API } from '../api/client.ts';
import type { RowError } from '../api/types.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { translateReason } from '../i18n/reasons.ts';
import { navigate, useLocation, withQuery } from '../router/router.tsx';
import { csvRows, decodeBytes, errorsCsv, fileBytes, templateCsv } from './csv-rows.ts';
import { IMPORT_KINDS, kindNamed, kindOfFileName, RECORD_KINDS, type KindDef } from './kinds.ts';
import { postRows } from './upload.ts';

/** The most rows `POST records/{kind}` takes at once. */
export const PART_ROWS = 10_000;
const SHOWN_ERRORS = 200;

interface Loaded {
  fileName: string;
  kind: KindDef;
  rows: Record<string, string>[];
  lines: number[];
}

type Phase =
  | { name: 'idle' }
  | { name: 'reading' }
  | { name: 'checking'; done: number; total: number; fraction: number }
  | { name: 'rejected'; errors: RowError[] }
  | { name: 'ready' }
  | { name: 'writing'; done: number; total: number; fraction: number }
  | { name: 'done'; written: number }
  | { name: 'failed'; message: string };

export function ImportPage() {
  const { t, lang, fmt } = useI18n();
  const location = useLocation();
  const ids = { kind: useId(), file: useId() };
  const kind = kindNamed(location.query.get('kind')) ?? kindNamed('surveys')!;
  const [loaded, setLoaded] = useState<Loaded>();
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [detected, setDetected] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const kindLabel = (k: KindDef) => t(`kind.${k.kind}` as MessageKey);

  const parts = (rows: Loaded['rows']) => {
    const out: { start: number; rows: Loaded['rows'] }[] = [];
    for (let start = 0; start < rows.length; start += PART_ROWS)
      out.push({ start, rows: rows.slice(start, start + PART_ROWS) });
    return out;
  };

  async function check(data: Loaded) {
    const all = parts(data.rows);
    const errors: RowError[] = [];
    for (const [i, part] of all.entries()) {
      setPhase({ name: 'checking', done: i, total: all.length, fraction: 0 });
      try {
        await postRows(data.kind.kind, part.rows, {
          dryRun: true,
          onProgress: (f) => setPhase({ name: 'checking', done: i, total: all.length, fraction: f }),
        });
      } catch (e) {
        if (!(e instanceof ApiError) || e.rowErrors.length === 0)
          return setPhase({ name: 'failed', message: messageOf(e) });
        // The API numbers rows from 1 within what it was sent; the file's own lines are shown.
        for (const r of e.rowErrors)
          errors.push({ ...r, file: data.fileName, line: data.lines[part.start + Number(r.line) - 1] ?? r.line });
      }
    }
    setPhase(errors.length ? { name: 'rejected', errors } : { name: 'ready' });
  }

  async function read(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setLoaded(undefined);
    setDetected(undefined);
    if (!file) return setPhase({ name: 'idle' });
    let target = kind;
    const fromName = kindOfFileName(file.name);
    if (fromName && fromName.kind !== kind.kind) {
      target = fromName;
      setDetected(kindLabel(fromName));
      navigate(withQuery(location, { kind: fromName.kind }), { replace: true });
    }
    setPhase({ name: 'reading' });
    try {
      const text = decodeBytes(await fileBytes(file));
      const parsed = csvRows(file.name, target, text);
      if (parsed.errors.length) return setPhase({ name: 'rejected', errors: parsed.errors });
      if (parsed.rows.length === 0) return setPhase({ name: 'failed', message: t('import.empty') });
      const data = { fileName: file.name, kind: target, rows: parsed.rows, lines: parsed.lines };
      setLoaded(data);
      await check(data);
    } catch (err) {
      setPhase({ name: 'failed', message: t('import.unreadable', { reason: messageOf(err) }) });
    }
  }

  async function commit() {
    if (!loaded) return;
    const all = parts(loaded.rows);
    let written = 0;
    for (const [i, part] of all.entries()) {
      setPhase({ name: 'writing', done: i, total: all.length, fraction: 0 });
      try {
        written += (
          await postRows(loaded.kind.kind, part.rows, {
            dryRun: false,
            onProgress: (f) => setPhase({ name: 'writing', done: i, total: all.length, fraction: f }),
          })
        ).written;
      } catch (e) {
        const message = i > 0 ? `${t('import.partFailed', { part: i + 1, done: i })} ${messageOf(e)}` : messageOf(e);
        return setPhase(
          e instanceof ApiError && e.rowErrors.length && i === 0
            ? {
                name: 'rejected',
                errors: e.rowErrors.map((r) => ({
                  ...r,
                  file: loaded.fileName,
                  line: loaded.lines[Number(r.line) - 1] ?? r.line,
                })),
              }
            : { name: 'failed', message },
        );
      }
    }
    setPhase({ name: 'done', written });
  }

  function reset() {
    setLoaded(undefined);
    setPhase({ name: 'idle' });
    setDetected(undefined);
    if (input.current) {
      input.current.value = '';
      input.current.focus();
    }
  }

  const busy = phase.name === 'reading' || phase.name === 'checking' || phase.name === 'writing';
  const progress =
    phase.name === 'checking' || phase.name === 'writing'
      ? (phase.done + phase.fraction * 0.9) / phase.total
      : undefined;
  const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv(kind, lang === 'zh'))}`;
  const registry = IMPORT_KINDS.filter((k) => !RECORD_KINDS.includes(k));

  return (
    <div className="page import-page">
      <h1 tabIndex={-1}>{t('import.title')}</h1>
      <p className="muted">{t('import.intro')}</p>
      <div className="panel import-form">
        <div className="form-grid">
          <div className="field">
            <label htmlFor={ids.kind}>{t('import.kind')}</label>
            <select
              id={ids.kind}
              value={kind.kind}
              disabled={busy}
              onChange={(e) => (reset(), navigate(withQuery(location, { kind: e.target.value }), { replace: true }))}
            >
              <optgroup label={t('nav.records')}>
                {RECORD_KINDS.map((k) => (
                  <option key={k.kind} value={k.kind}>
                    {kindLabel(k)} ({k.kind})
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('nav.areas')}>
                {registry.map((k) => (
                  <option key={k.kind} value={k.kind}>
                    {kindLabel(k)} ({k.kind})
                  </option>
                ))}
              </optgroup>
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.file}>{t('import.file')}</label>
            <input ref={input} id={ids.file} type="file" accept=".csv,.gz,text/csv" disabled={busy} onChange={read} />
          </div>
        </div>
        <p className="templates">
          <span>{t('import.templates')}:</span>{' '}
          <a href={`${API}/templates/${kind.kind}.xlsx?lang=${lang}`}>{t('import.templateXlsx')}</a>
          {' · '}
          <a href={templateHref} download={`${kind.kind}.csv`}>
            {t('import.templateCsv')}
          </a>
          <small className="muted">
            {' '}
            {kind.columns.map((c) => (lang === 'zh' ? c.zh : c.name)).join(t('sep.list'))}
          </small>
        </p>
      </div>

      <section
        className={phase.name === 'idle' && !detected ? 'import-status' : 'panel import-status'}
        aria-live="polite"
        aria-busy={busy}
      >
        {detected && <p className="note">{t('import.kindFromFile', { kind: detected })}</p>}
        {loaded && (
          <p>
            {t('import.rows', { n: fmt.count(loaded.rows.length) })}
            {loaded.rows.length > PART_ROWS &&
              ` ${t('import.parts', { max: fmt.count(PART_ROWS), parts: Math.ceil(loaded.rows.length / PART_ROWS) })}`}
          </p>
        )}
        {phase.name === 'reading' && <p>{t('import.reading')}</p>}
        {progress !== undefined && (phase.name === 'checking' || phase.name === 'writing') && (
          <div className="progress">
            <label>
              {t(phase.name === 'checking' ? 'import.validating' : 'import.committing', {
                done: phase.done + 1,
                total: phase.total,
              })}
              <progress max={1} value={progress} aria-label={t('import.progress')} />
            </label>
          </div>
        )}
        {phase.name === 'ready' && loaded && (
          <div className="import-ready">
            <p className="pass-mark">{t('import.ok', { n: fmt.count(loaded.rows.length) })}</p>
            <button type="button" className="primary" onClick={commit}>
              {t('import.commit', { n: fmt.count(loaded.rows.length) })}
            </button>
          </div>
        )}
        {phase.name === 'done' && (
          <div>
            <p className="pass-mark">{t('import.done', { n: fmt.count(phase.written) })}</p>
            <button type="button" onClick={reset}>
              {t('import.another')}
            </button>
          </div>
        )}
        {phase.name === 'failed' && (
          <div className="form-error" role="alert">
            <p>{phase.message}</p>
            {loaded && (
              <button type="button" onClick={() => void check(loaded)}>
                {t('state.retry')}
              </button>
            )}
          </div>
        )}
        {phase.name === 'rejected' && <Rejected errors={phase.errors} loaded={loaded} />}
      </section>
    </div>
  );
}

function Rejected({ errors, loaded }: { errors: RowError[]; loaded: Loaded | undefined }) {
  const { t, lang, fmt } = useI18n();
  const headings: [string, string, string] = [t('import.line'), t('import.column'), t('import.reason')];
  const download = `data:text/csv;charset=utf-8,${encodeURIComponent(
    errorsCsv(
      errors.map((e) => ({ ...e, reason: translateReason(e.reason, lang) })),
      headings,
    ),
  )}`;
  const valueOf = (e: RowError) => {
    if (!loaded || typeof e.line !== 'number') return '';
    const index = loaded.lines.indexOf(e.line);
    return index >= 0 ? (loaded.rows[index][e.column] ?? '') : '';
  };
  return (
    <div className="rejected" role="alert">
      <p className="fail-mark">{t('import.rejected', { n: fmt.count(errors.length) })}</p>
      <div className="table-wrap">
        <table className="stack errors-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('import.line')}
              </th>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.value')}</th>
              <th scope="col">{t('import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {errors.slice(0, SHOWN_ERRORS).map((e, i) => (
              <tr key={i}>
                <td data-label={t('import.line')} className="num">
                  {e.line}
                </td>
                <td data-label={t('import.column')}>{columnLabel(loaded?.kind, e.column, lang)}</td>
                <td data-label={t('import.value')} className="mono">
                  {valueOf(e)}
                </td>
                <td data-label={t('import.reason')}>{translateReason(e.reason, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={download} download="import-problems.csv">
          {t('import.downloadErrors')}
        </a>
        {errors.length > SHOWN_ERRORS && (
          <small className="muted">
            {' '}
            ({fmt.count(SHOWN_ERRORS)} / {fmt.count(errors.length)})
          </small>
        )}
      </p>
    </div>
  );
}

/** `日期 (date)` in Chinese, `date` in English: the name the file's header may use. */
function columnLabel(kind: KindDef | undefined, column: string, lang: 'zh' | 'en'): string {
  const zh = kind?.columns.find((c) => c.name === column)?.zh;
  return lang === 'zh' && zh ? `${zh} (${column})` : column;
}

function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.status === 0 ? e.code : e.message;
  return e instanceof Error ? e.message : String(e);
}
