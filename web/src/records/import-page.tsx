/**
 * Importing a file from the browser: the file itself (CSV, .csv.gz, an XLSX of one kind or the
 * all.xlsx workbook) is uploaded once to `POST imports`, checked whole by the server first (a
 * dry run: a job showing every rejected row by the file's own lines), and written on
 * confirmation of that job by its id (`POST imports/{id}/confirm`), all or nothing whatever its
 * size: the same pipeline as `outpost import`. While it is checked or written, the page follows
 * the job: queued with its place, then the rows read and checked so far on a bar of the file read.
 */
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { UPLOAD_CAP, XLSX_UNPACKED_CAP } from '#core/imports/upload-limits.ts';
import { ApiError, API } from '../api/client.ts';
import type { RowError } from '../api/types.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { navigate, useLocation, withQuery } from '../router/router.tsx';
import { errorsCsv, templateCsv } from './csv-rows.ts';
import { KINDS, kindByName, kindOfFileName, RECORD_KINDS, type KindDef } from './kinds.ts';
import {
  cancelImport,
  confirmImport,
  importJob,
  importJobs,
  uploadImport,
  type ImportJob,
  type ImportReport,
  type ImportUpload,
} from './upload.ts';

const SHOWN_ERRORS = 200;
const ACCEPT =
  '.csv,.gz,.xlsx,text/csv,application/gzip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Purpose = 'check' | 'write';

type Phase =
  | { name: 'idle' }
  | { name: 'sending'; purpose: Purpose; fraction: number }
  | { name: 'working'; purpose: Purpose; since: number; job?: number }
  | { name: 'rejected'; errors: RowError[]; total: number; refused: boolean }
  | { name: 'ready'; report: ImportReport }
  | { name: 'done'; report: ImportReport }
  | { name: 'failed'; message: string; retry: Purpose };

interface Chosen {
  file: File;
  kind: KindDef;
}

export function ImportPage() {
  const { t, lang, errorText } = useI18n();
  const location = useLocation();
  const ids = { kind: useId(), file: useId() };
  const kind = kindByName(location.query.get('kind')) ?? kindByName('surveys')!;
  const [chosen, setChosen] = useState<Chosen>();
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [detected, setDetected] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const current = useRef<ImportUpload>(undefined);
  const kindLabel = (k: KindDef) => t(`kind.${k.kind}` as MessageKey);
  useEffect(() => () => current.current?.abort(), []);

  /** Writes the checked job by its id; the page follows its phase meanwhile. */
  async function confirm(job: number) {
    current.current?.abort();
    current.current = undefined;
    setPhase({ name: 'working', purpose: 'write', since: Date.now(), job });
    try {
      setPhase({ name: 'done', report: await confirmImport(job) });
    } catch (e) {
      setPhase(failure(e, 'write'));
    }
  }

  /** Uploads the chosen file to check it (a dry run) or to write it; a newer upload stops this one. */
  async function send(purpose: Purpose, target: Chosen) {
    current.current?.abort();
    current.current = undefined;
    if (target.file.size > UPLOAD_CAP)
      return setPhase({ name: 'failed', message: t('import.tooLarge', { max: sizeText(UPLOAD_CAP) }), retry: purpose });
    setPhase({ name: 'sending', purpose, fraction: 0 });
    const upload = uploadImport(target.file, {
      kind: target.kind.kind,
      dryRun: purpose === 'check',
      onProgress: (fraction) => current.current === upload && setPhase({ name: 'sending', purpose, fraction }),
      onSent: () => current.current === upload && setPhase({ name: 'working', purpose, since: Date.now() }),
    });
    current.current = upload;
    try {
      const report = await upload.done;
      if (current.current === upload)
        setPhase(purpose === 'check' ? { name: 'ready', report } : { name: 'done', report });
    } catch (e) {
      if (current.current === upload) setPhase(failure(e, purpose));
    }
  }

  function failure(e: unknown, purpose: Purpose): Phase {
    const rowsRefused = e instanceof ApiError && (e.category === 'import_rejected' || e.category === 'forbidden');
    if (rowsRefused && e.rowErrors.length > 0)
      return { name: 'rejected', errors: e.rowErrors, total: totalOf(e), refused: e.category === 'forbidden' };
    const failed = (message: string): Phase => ({ name: 'failed', message, retry: purpose });
    if (!(e instanceof ApiError)) return failed(e instanceof Error ? e.message : String(e));
    if (e.code === 'aborted') return failed(t('import.stopped'));
    if (e.status === 0) return failed(t('import.network'));
    if (e.code === 'upload_unpacks_too_large' && e.params.workbook)
      return failed(t('import.xlsxTooLarge', { max: sizeText(XLSX_UNPACKED_CAP) }));
    if (e.code === 'upload_too_large' || e.code === 'upload_unpacks_too_large' || e.status === 413)
      return failed(t('import.tooLarge', { max: sizeText(UPLOAD_CAP) }));
    if (e.status === 403) return failed(t('import.forbidden', { reason: errorText(e) }));
    return failed(errorText(e));
  }

  function choose(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setDetected(undefined);
    if (!file) {
      current.current?.abort();
      setChosen(undefined);
      return setPhase({ name: 'idle' });
    }
    let target = kind;
    const fromName = kindOfFileName(file.name);
    if (fromName && fromName.kind !== kind.kind) {
      target = fromName;
      setDetected(kindLabel(fromName));
      navigate(withQuery(location, { kind: fromName.kind }), { replace: true });
    }
    const next = { file, kind: target };
    setChosen(next);
    void send('check', next);
  }

  function reset() {
    // A checked job nobody will confirm gives its stored file back at once.
    if (phase.name === 'ready') void cancelImport(phase.report.job_id).catch(() => undefined);
    current.current?.abort();
    current.current = undefined;
    setChosen(undefined);
    setPhase({ name: 'idle' });
    setDetected(undefined);
    if (input.current) {
      input.current.value = '';
      input.current.focus();
    }
  }

  const busy = phase.name === 'sending' || phase.name === 'working';
  const workbook = chosen?.file.name.toLowerCase().endsWith('.xlsx') && !kindOfFileName(chosen.file.name);
  const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv(kind, lang === 'zh'))}`;
  const registry = KINDS.filter((k) => !RECORD_KINDS.includes(k));

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
            <input ref={input} id={ids.file} type="file" accept={ACCEPT} disabled={busy} onChange={choose} />
          </div>
        </div>
        <p className="templates">
          <span>{t('import.templates')}:</span>{' '}
          <a href={`${API}/templates/${kind.kind}.xlsx?lang=${lang}`}>{t('import.templateXlsx')}</a>
          {' · '}
          <a href={templateHref} download={`${kind.kind}.csv`}>
            {t('import.templateCsv')}
          </a>
          {' · '}
          <a href={`${API}/templates/all.xlsx?lang=${lang}`}>{t('import.templateAll')}</a>
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
        {chosen && (
          <p className="import-file">
            {t('import.chosen', { name: chosen.file.name, size: sizeText(chosen.file.size) })}
          </p>
        )}
        {workbook && chosen && <p className="muted">{t('import.workbook', { kind: kindLabel(chosen.kind) })}</p>}
        {phase.name === 'sending' && (
          <div className="progress">
            <label>
              {t(phase.purpose === 'check' ? 'import.uploadingCheck' : 'import.uploadingWrite', {
                percent: Math.floor(phase.fraction * 100),
              })}
              <progress max={1} value={phase.fraction} aria-label={t('import.progress')} />
            </label>
            <button type="button" onClick={() => current.current?.abort()}>
              {t('import.stop')}
            </button>
          </div>
        )}
        {phase.name === 'working' && <Working purpose={phase.purpose} since={phase.since} job={phase.job} />}
        {phase.name === 'ready' && chosen && (
          <div className="import-ready">
            <p className="pass-mark">{t('import.ok', { n: exact(rowsOf(phase.report), lang) })}</p>
            <ReportTable report={phase.report} />
            {phase.report.written === 0 && <p className="muted">{t('import.nothingNew')}</p>}
            <button type="button" className="primary" onClick={() => void confirm(phase.report.job_id)}>
              {t('import.commit', { n: exact(rowsOf(phase.report), lang) })}
            </button>
          </div>
        )}
        {phase.name === 'done' && (
          <div className="import-ready">
            <p className="pass-mark">{t('import.done', { n: exact(phase.report.written, lang) })}</p>
            <ReportTable report={phase.report} />
            <button type="button" onClick={reset}>
              {t('import.another')}
            </button>
          </div>
        )}
        {phase.name === 'failed' && (
          <div className="form-error" role="alert">
            <p>{phase.message}</p>
            {chosen && (
              <button type="button" onClick={() => void send(phase.retry, chosen)}>
                {t('state.retry')}
              </button>
            )}
          </div>
        )}
        {phase.name === 'rejected' && (
          <Rejected errors={phase.errors} total={phase.total} refused={phase.refused} kind={chosen?.kind ?? kind} />
        )}
      </section>
    </div>
  );
}

/** Phases of a job that has not ended. */
const RUNNING = ['queued', 'checking', 'writing'];

/**
 * While the server checks or writes: the seconds gone, and the job as it is now, asked once a
 * second — queued with its place, then the rows read and checked so far with a bar of the file
 * read (moving while it is checked, not only at the end). A file just uploaded has no job id
 * yet: its job is the account's newest one that is still running.
 */
function Working({ purpose, since, job }: { purpose: Purpose; since: number; job?: number }) {
  const { t, lang } = useI18n();
  const [, tick] = useState(0);
  const [state, setState] = useState<ImportJob>();
  useEffect(() => {
    const follow = () =>
      (job !== undefined ? importJob(job) : importJobs().then((jobs) => jobs.find((j) => RUNNING.includes(j.phase))))
        .then((j) => j && setState(j))
        .catch(() => undefined);
    follow();
    const timer = window.setInterval(() => {
      tick((n) => n + 1);
      follow();
    }, 1000);
    return () => window.clearInterval(timer);
  }, [job]);
  const seconds = Math.floor((Date.now() - since) / 1000);
  const label =
    state?.phase === 'queued'
      ? t('import.queued', { place: state.place ?? 1 })
      : t(purpose === 'check' ? 'import.checking' : 'import.writing');
  const read = state?.phase === 'queued' ? null : state?.rows_read;
  const share = state?.phase === 'queued' ? null : state?.share_read;
  return (
    <div className="progress import-working" role="status" data-phase={state?.phase}>
      <label>
        <span>
          {label}
          {seconds >= 1 && <small className="muted"> {t('import.elapsed', { s: seconds })}</small>}
        </span>
        {share != null ? (
          <progress max={1} value={share} aria-label={t('import.progress')} />
        ) : (
          <progress aria-label={t('import.progress')} />
        )}
      </label>
      {read != null && (
        <p className="muted import-read">
          {t('import.readSoFar', { n: exact(read, lang), percent: share != null ? Math.floor(share * 100) : '…' })}
        </p>
      )}
    </div>
  );
}

function ReportTable({ report }: { report: ImportReport }) {
  const { t, lang } = useI18n();
  const kinds = report.kinds.filter((k) => k.rows > 0);
  if (kinds.length === 0) return null;
  const cells: [string, (k: ImportReport['kinds'][number]) => number][] = [
    [t('import.rowsHead'), (k) => k.rows],
    [t('import.added'), (k) => k.added],
    [t('import.replaced'), (k) => k.replaced],
    [t('import.unchanged'), (k) => k.unchanged],
  ];
  return (
    <div className="table-wrap import-report">
      <table className="stack">
        <thead>
          <tr>
            <th scope="col">{t('import.kind')}</th>
            {cells.map(([head]) => (
              <th key={head} scope="col" className="num">
                {head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {kinds.map((k) => (
            <tr key={k.kind}>
              <th scope="row">{t(`kind.${k.kind}` as MessageKey)}</th>
              {cells.map(([head, value]) => (
                <td key={head} data-label={head} className="num">
                  {exact(value(k), lang)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Rejected({
  errors,
  total,
  refused,
  kind,
}: {
  errors: RowError[];
  total: number;
  refused: boolean;
  kind: KindDef;
}) {
  const { t, lang, errorText } = useI18n();
  const headings: [string, string, string] = [t('import.line'), t('import.column'), t('import.reason')];
  const download = `data:text/csv;charset=utf-8,${encodeURIComponent(
    errorsCsv(
      errors.map((e) => ({ ...e, reason: errorText(e) })),
      headings,
    ),
  )}`;
  return (
    <div className="rejected" role="alert">
      <p className="fail-mark">{t(refused ? 'import.refused' : 'import.rejected', { n: exact(total, lang) })}</p>
      <div className="table-wrap">
        <table className="stack errors-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('import.line')}
              </th>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {errors.slice(0, SHOWN_ERRORS).map((e, i) => (
              <tr key={i}>
                <td data-label={t('import.line')} className="num">
                  {e.line}
                </td>
                <td data-label={t('import.column')}>{columnLabel(kindOfError(e, kind), e.column, lang)}</td>
                <td data-label={t('import.reason')}>{errorText(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={download} download="import-problems.csv">
          {t('import.downloadErrors')}
        </a>
        {total > Math.min(errors.length, SHOWN_ERRORS) && (
          <small className="muted">
            {' '}
            ({exact(Math.min(errors.length, SHOWN_ERRORS), lang)} / {exact(total, lang)})
          </small>
        )}
      </p>
    </div>
  );
}

/** A workbook's errors name their sheet (`surveys:12`), which names the kind. */
function kindOfError(e: RowError, fallback: KindDef): KindDef {
  if (typeof e.line !== 'string' || !e.line.includes(':')) return fallback;
  const sheet = e.line.slice(0, e.line.lastIndexOf(':')).trim();
  return kindByName(sheet) ?? kindOfFileName(sheet) ?? fallback;
}

/** `日期 (date)` in Chinese, `date` in English: the name the file's header may use. */
function columnLabel(kind: KindDef, column: string, lang: 'zh' | 'en'): string {
  const zh = kind.columns.find((c) => c.name === column)?.zh;
  return lang === 'zh' && zh ? `${zh} (${column})` : column;
}

/** How many problems the server found: its count has them all, its details list the first 1,000. */
function totalOf(e: ApiError): number {
  const counted = typeof e.params.count === 'number' ? e.params.count : 0;
  return Math.max(counted, e.rowErrors.length);
}

/** Rows of an import counted exactly: 12,345 (fmt.count would say 1.2万 in Chinese). */
function exact(n: number, lang: 'zh' | 'en'): string {
  return n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
}

function rowsOf(report: ImportReport): number {
  return report.kinds.reduce((n, k) => n + k.rows, 0);
}

/** `3.4 MB`, `812 KB`: a file's size as a desk clerk reads it. */
function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
