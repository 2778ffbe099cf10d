/**
 * The scheduled jobs (admins): each with when it runs, its next runs and its last run, a button
 * to run it for today (the server's day; a job runs once a day at most), and the runs newest
 * first, by job.
 */
import { useId, useState } from 'react';
import { ApiError, apiSend, query } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { navigate, useLocation, withQuery } from '../router/router.tsx';
import { Pager } from '../ui/pager.tsx';
import { Async, Empty, WriteError } from '../ui/states.tsx';
import { AdminTabs } from './tabs.tsx';
import type { JobView, RunOutcome, RunPage, RunView } from './types.ts';

const LIMIT = 20;

function statusBadge(status: string): string {
  return status === 'ok' ? 'badge badge-ok' : status === 'failed' ? 'badge badge-alert' : 'badge badge-muted';
}

export function JobsPage() {
  const { t, lang } = useI18n();
  const location = useLocation();
  const jobId = useId();
  const job = location.query.get('job') ?? '';
  const offset = Math.max(0, Number(location.query.get('offset')) || 0);
  const set = (changes: Record<string, string | undefined>) =>
    navigate(withQuery(location, changes), { replace: true });
  const jobs = useApi<JobView[]>('/schedule/jobs');
  const runs = useApi<RunPage>(`/schedule/runs${query({ job, limit: LIMIT, offset })}`, { keep: true });
  const [note, setNote] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState<string>();

  async function runNow(j: JobView) {
    setBusy(j.name);
    setError(undefined);
    setNote(undefined);
    try {
      const { data } = await apiSend<RunOutcome>('POST', `/schedule/jobs/${j.name}/run`);
      const status =
        data.status === 'skipped'
          ? t(`run.reason.${data.reason}` as MessageKey)
          : t(`run.${data.status}` as MessageKey);
      setNote(t('jobs.ran', { job: j.about[lang], status, events: data.events }));
      jobs.reload();
      runs.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <div className="page jobs-page">
      <AdminTabs />
      <header className="page-head">
        <h1 tabIndex={-1}>{t('jobs.title')}</h1>
        <p className="muted">{t('jobs.intro', { tz: jobs.data?.[0]?.time_zone ?? 'Asia/Shanghai' })}</p>
      </header>
      {note && (
        <p className="note" role="status">
          {note}
        </p>
      )}
      <WriteError error={error} />
      <section className="panel" aria-labelledby="jobs-h">
        <h2 id="jobs-h" className="visually-hidden">
          {t('jobs.title')}
        </h2>
        <Async {...jobs}>
          {(all) => (
            <div className="table-wrap">
              <table className="stack jobs">
                <thead>
                  <tr>
                    <th scope="col">{t('jobs.job')}</th>
                    <th scope="col">{t('jobs.when')}</th>
                    <th scope="col">{t('jobs.next')}</th>
                    <th scope="col">{t('jobs.last')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('jobs.runNow')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {all.map((j) => (
                    <tr key={j.name}>
                      <th scope="row">
                        {j.about[lang]}
                        <small className="muted"> · {j.name}</small>
                      </th>
                      <td data-label={t('jobs.when')}>
                        <span>
                          <code>{j.pattern}</code>
                          {!j.enabled && <span className="badge badge-muted">{t('jobs.disabled')}</span>}
                        </span>
                      </td>
                      <td data-label={t('jobs.next')}>
                        <NextRuns runs={j.next_runs} />
                      </td>
                      <td data-label={t('jobs.last')}>
                        {j.last_run ? <LastRun run={j.last_run} /> : <span className="muted">{t('jobs.never')}</span>}
                      </td>
                      <td>
                        <button
                          type="button"
                          disabled={busy !== undefined || !j.enabled}
                          onClick={() => void runNow(j)}
                        >
                          {t('jobs.runNow')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Async>
      </section>
      <section className="panel" aria-labelledby="runs-h">
        <div className="panel-head">
          <h2 id="runs-h">{t('jobs.runs')}</h2>
          <div className="field-inline">
            <label htmlFor={jobId}>{t('jobs.job')}</label>
            <select
              id={jobId}
              value={job}
              onChange={(e) => set({ job: e.target.value || undefined, offset: undefined })}
            >
              <option value="">{t('jobs.allJobs')}</option>
              {jobs.data?.map((j) => (
                <option key={j.name} value={j.name}>
                  {j.about[lang]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <Async {...runs}>
          {(page) =>
            page.items.length === 0 ? (
              <Empty>{t('jobs.noRuns')}</Empty>
            ) : (
              <>
                <RunsTable runs={page.items} jobs={jobs.data ?? []} />
                <Pager
                  total={page.total}
                  limit={page.limit}
                  offset={page.offset}
                  onOffset={(o) => set({ offset: o ? String(o) : undefined })}
                />
              </>
            )
          }
        </Async>
      </section>
    </div>
  );
}

function NextRuns({ runs }: { runs: string[] }) {
  const { fmt } = useI18n();
  if (runs.length === 0) return <span className="muted">—</span>;
  return (
    <span>
      {fmt.dateTime(runs[0])}
      {runs.length > 1 && (
        <small className="muted">
          {' '}
          ·{' '}
          {runs
            .slice(1)
            .map((r) => fmt.dateTime(r))
            .join(' · ')}
        </small>
      )}
    </span>
  );
}

function LastRun({ run }: { run: RunView }) {
  const { t, fmt } = useI18n();
  return (
    <span>
      <span className={statusBadge(run.status)}>{t(`run.${run.status}` as MessageKey)}</span> {fmt.date(run.day)}
      {run.error && <small className="field-error"> {run.error}</small>}
    </span>
  );
}

function RunsTable({ runs, jobs }: { runs: RunView[]; jobs: JobView[] }) {
  const { t, lang, fmt } = useI18n();
  const about = (name: string) => jobs.find((j) => j.name === name)?.about[lang] ?? name;
  return (
    <div className="table-wrap">
      <table className="stack runs">
        <thead>
          <tr>
            <th scope="col">{t('jobs.job')}</th>
            <th scope="col">{t('jobs.day')}</th>
            <th scope="col">{t('jobs.status')}</th>
            <th scope="col">{t('jobs.trigger')}</th>
            <th scope="col">{t('jobs.started')}</th>
            <th scope="col" className="num">
              {t('jobs.events')}
            </th>
            <th scope="col">{t('jobs.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} className={r.status === 'failed' ? 'is-failed' : undefined}>
              <th scope="row">{about(r.job)}</th>
              <td data-label={t('jobs.day')}>{fmt.date(r.day)}</td>
              <td data-label={t('jobs.status')}>
                <span>
                  <span className={statusBadge(r.status)}>{t(`run.${r.status}` as MessageKey)}</span>
                  {r.attempt > 1 && <small className="muted"> ×{r.attempt}</small>}
                </span>
              </td>
              <td data-label={t('jobs.trigger')}>{t(`trigger.${r.trigger}` as MessageKey)}</td>
              <td data-label={t('jobs.started')}>{fmt.dateTime(r.started_at)}</td>
              <td data-label={t('jobs.events')} className="num">
                {fmt.count(r.events)}
              </td>
              <td data-label={t('jobs.detail')}>
                {r.error ? (
                  <span className="field-error">{r.error}</span>
                ) : (
                  <small className="muted summary">{summaryText(r.summary)}</small>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A run's summary as `key: value` pairs; a file path shows by its name only. */
function summaryText(summary: Record<string, unknown> | null): string {
  if (!summary) return '';
  return Object.entries(summary)
    .map(
      ([k, v]) =>
        `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : k === 'file' ? String(v).split(/[\\/]/).pop() : String(v)}`,
    )
    .join(' · ');
}
