/**
 * Entering one work record of a kind. Each field is checked on leaving it by the import's own
 * column parser; once the row is complete it is checked by the server (`?dry_run=true`, the
 * same rules as an import, e.g. that the village exists); saving answers the same way, and
 * every rejection shows beside its field. A save that meets no server (no network, or a
 * proxy's 502/503/504) keeps the record in the account's outbox on the device, to be sent when
 * the network is back; `?outbox=ID` opens a kept record here to be corrected and saved again.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { useAuth } from '../auth/auth.tsx';
import { today } from '../domain/month.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { errorText, type Said } from '../i18n/errors.ts';
import { useOutbox, useOutboxUser } from '../outbox/outbox-context.tsx';
import { problemsOf, unreachable, waitsInOutbox } from '../outbox/outbox-send.ts';
import {
  addToOutbox,
  readOutbox,
  removeEntry,
  requeue,
  updateEntry,
  type OutboxEntry,
  type OutboxProblem,
} from '../outbox/outbox-store.ts';
import { href, Link, navigate, useLocation } from '../router/router.tsx';
import { FORMS, kindByName, newRef, RECORD_KINDS, type KindDef } from './kinds.ts';
import { RecordField } from './record-field.tsx';
import { postRows } from './upload.ts';
import { useCoveredVillages } from '../work/kept-work.ts';

type Status =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'saving' }
  | { kind: 'saved'; written: number; area?: string; month: string }
  | { kind: 'kept' }
  | { kind: 'queued' }
  | { kind: 'rejected' }
  | { kind: 'failed'; message: string };

/** Columns kept from one record to the next (an officer enters several in the same village on the same day). */
const KEPT = ['date', 'area_code', 'badge', 'channel', 'patrol_code'];

export function RecordFormPage({ kind: kindParam }: { kind: string }) {
  const { t } = useI18n();
  const { session } = useAuth();
  // An officer's first form is the visit (its daily work); others start with the survey.
  const first = session?.role === 'officer' ? 'visits' : 'surveys';
  const kind = kindByName(kindParam || first);
  const entryId = useLocation().query.get('outbox') ?? undefined;
  useEffect(() => {
    if (!kind || !FORMS[kind.kind]) navigate(`/records/${first}`, { replace: true });
  }, [kind, first]);
  if (!kind || !FORMS[kind.kind]) return null;
  return (
    <div className="page records-page">
      <h1 tabIndex={-1}>{t('records.title')}</h1>
      <p className="muted">{t('records.intro')}</p>
      <nav className="tabs" aria-label={t('records.kinds')}>
        {[...RECORD_KINDS]
          .sort((a, b) => Number(b.kind === first) - Number(a.kind === first))
          .map((k) => (
            <Link key={k.kind} href={`/records/${k.kind}`} aria-current={k.kind === kind.kind ? 'page' : undefined}>
              {t(`kind.${k.kind}` as MessageKey)}
            </Link>
          ))}
      </nav>
      <RecordForm key={kind.kind} kind={kind} entryId={entryId} />
    </div>
  );
}

/** The fields an account's own records always carry: an officer's badge. */
function useOwnFields(): Record<string, string> {
  const { session } = useAuth();
  const badge = session?.badge;
  return useMemo((): Record<string, string> => (badge ? { badge } : {}), [badge]);
}

function emptyRow(kind: KindDef, keep: Record<string, string> = {}): Record<string, string> {
  const date = keep.date || today();
  const row: Record<string, string> = {};
  for (const c of kind.columns) {
    const widget = FORMS[kind.kind][c.name];
    row[c.name] =
      KEPT.includes(c.name) && keep[c.name] !== undefined
        ? keep[c.name]
        : c.name === 'date'
          ? date
          : widget?.type === 'ref'
            ? newRef(widget.prefix, date)
            : '';
  }
  return row;
}

/** Problems the column parsers and the kind's row rules find without asking the server. */
function localErrors(kind: KindDef, values: Record<string, string>, lang: 'zh' | 'en'): Record<string, string> {
  const errors: Record<string, string> = {};
  const parsed: Record<string, string | number | null> = {};
  for (const c of kind.columns) {
    try {
      parsed[c.name] = c.parse(values[c.name] ?? '');
    } catch (e) {
      // A parser's refusal (CellError) carries the registered code of its reason.
      errors[c.name] = errorText(lang, (e as { problem?: Said }).problem ?? { message: String(e) });
    }
  }
  if (Object.keys(errors).length === 0)
    for (const p of kind.rowRules?.(parsed) ?? []) errors[p.column] = errorText(lang, p);
  return errors;
}

function acceptsEmpty(parse: (raw: string) => unknown): boolean {
  try {
    parse('');
    return true;
  } catch {
    return false;
  }
}

/** A kept record of this kind in `user`'s outbox, to correct. */
function keptEntry(user: string | undefined, kind: KindDef, id: string | undefined): OutboxEntry | undefined {
  if (!user || !id) return undefined;
  return readOutbox(user).find((e) => e.id === id && e.kind === kind.kind);
}

function RecordForm({ kind, entryId }: { kind: KindDef; entryId?: string }) {
  const { t, lang, fmt } = useI18n();
  const outboxUser = useOutboxUser();
  const { sendNow } = useOutbox();
  // An officer's records are its own: its badge is filled in (the server refuses another's).
  const own = useOwnFields();
  const villages = useCoveredVillages();
  // The kept record being corrected, if any: its row fills the form and its problems show.
  const [editing, setEditing] = useState(() => keptEntry(outboxUser, kind, entryId));
  const [values, setValues] = useState(() =>
    editing ? { ...emptyRow(kind, own), ...editing.row } : emptyRow(kind, own),
  );
  // The session may answer after the form is drawn: an empty badge then takes the account's.
  useEffect(() => {
    if (own.badge && kind.columns.some((c) => c.name === 'badge'))
      setValues((v) => (v.badge ? v : { ...v, badge: own.badge }));
  }, [own, kind]);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [server, setServer] = useState<Record<string, string>>({});
  const [others, setOthers] = useState<string[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const form = useRef<HTMLFormElement>(null);
  const checkSeq = useRef(0);
  const required = useMemo(() => Object.fromEntries(kind.columns.map((c) => [c.name, !acceptsEmpty(c.parse)])), [kind]);

  const local = useMemo(() => localErrors(kind, values, lang), [kind, values, lang]);

  const showProblems = useCallback(
    (problems: OutboxProblem[]) => {
      const byColumn: Record<string, string> = {};
      const rest: string[] = [];
      for (const r of problems) {
        const reason = errorText(lang, r);
        if (kind.columns.some((c) => c.name === r.column)) byColumn[r.column] ??= reason;
        else rest.push(r.column ? `${r.column}: ${reason}` : reason);
      }
      setServer(byColumn);
      setOthers(rest);
      return Object.keys(byColumn);
    },
    [kind, lang],
  );
  const applyRejection = useCallback((e: ApiError) => showProblems(problemsOf(e)), [showProblems]);

  // Another kept record opened from the outbox while this form is shown.
  useEffect(() => {
    if (!entryId || entryId === editing?.id) return;
    const entry = keptEntry(outboxUser, kind, entryId);
    if (!entry) return;
    setEditing(entry);
    setValues({ ...emptyRow(kind, own), ...entry.row });
    setStatus({ kind: 'idle' });
  }, [entryId, editing, outboxUser, kind, own]);
  const shownFor = useRef<string>(undefined);
  useEffect(() => {
    if (!editing?.problems || shownFor.current === editing.id) return;
    shownFor.current = editing.id;
    showProblems(editing.problems);
  }, [editing, showProblems]);

  const dryRun = useCallback(
    async (row: Record<string, string>) => {
      const seq = ++checkSeq.current;
      setStatus({ kind: 'checking' });
      try {
        await postRows(kind.kind, [row], { dryRun: true });
        if (seq !== checkSeq.current) return;
        setServer({});
        setOthers([]);
        setStatus({ kind: 'idle' });
      } catch (e) {
        if (seq !== checkSeq.current) return;
        // No server to ask (offline): the check waits for the save, which keeps the record.
        if (e instanceof ApiError && e.status !== 401 && !unreachable(e)) applyRejection(e);
        setStatus({ kind: 'idle' });
      }
    },
    [kind, applyRejection],
  );

  const change = (column: string, value: string) => {
    setValues((v) => ({ ...v, [column]: value }));
    setServer(({ [column]: _dropped, ...rest }) => rest);
    if (['saved', 'kept', 'queued', 'failed'].includes(status.kind)) setStatus({ kind: 'idle' });
  };

  // A field left: show its own problems; a complete row is then checked by the server too. The
  // short wait lets a pick from a suggestion list land, and reads the values as they are then.
  const latest = useRef(values);
  useEffect(() => {
    latest.current = values;
  }, [values]);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const blur = (column: string) => {
    setTouched((s) => (s.has(column) ? s : new Set(s).add(column)));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const row = latest.current;
      if (Object.keys(localErrors(kind, row, lang)).length === 0) void dryRun(row);
    }, 300);
  };

  const focusFirst = (columns: string[]) => {
    const first = kind.columns.find((c) => columns.includes(c.name));
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first.name}"]`)?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clearTimeout(timer.current);
    checkSeq.current++;
    setTouched(new Set(kind.columns.map((c) => c.name)));
    if (Object.keys(local).length > 0) {
      setStatus({ kind: 'rejected' });
      return focusFirst(Object.keys(local));
    }
    setStatus({ kind: 'saving' });
    const row = values;
    // The next record starts afresh, keeping what an officer repeats (see KEPT).
    const next = (done: Status) => {
      setStatus(done);
      setServer({});
      setOthers([]);
      setTouched(new Set());
      setValues(emptyRow(kind, row));
      if (!editing) return;
      // The URL first: with `?outbox=` gone, nothing opens the entry again.
      navigate(`/records/${kind.kind}`, { replace: true });
      setEditing(undefined);
    };
    // An older record of the same key (a visit to the same household that day, a patrol log of
    // the same team and day) still waiting would replace this one when sent: this one queues
    // behind it, and the outbox goes now.
    if (!editing && outboxUser && waitsInOutbox(outboxUser, kind.kind, row) && keep(row)) {
      sendNow();
      return next({ kind: 'queued' });
    }
    try {
      const { written } = await postRows(kind.kind, [row], { dryRun: false });
      if (editing && outboxUser) removeEntry(outboxUser, editing.id);
      next({ kind: 'saved', written, area: row.area_code || undefined, month: row.date.slice(0, 7) });
    } catch (err) {
      if (unreachable(err)) {
        if (keep(row)) return next({ kind: 'kept' });
        return setStatus({ kind: 'failed', message: t('records.notKept') });
      }
      if (!(err instanceof ApiError)) return setStatus({ kind: 'failed', message: String(err) });
      if (err.status === 401) return setStatus({ kind: 'failed', message: t('records.loginAgain') });
      if (err.category === 'import_rejected' || err.category === 'forbidden' || err.rowErrors.length) {
        // A kept record refused again keeps its corrections so far, and the new reasons.
        if (editing && outboxUser) {
          const problems = problemsOf(err);
          const forbidden = err.status === 403;
          updateEntry(outboxUser, editing.id, (e) => ({ ...e, row, state: 'rejected', problems, forbidden }));
        }
        setStatus({ kind: 'rejected' });
        return focusFirst(applyRejection(err));
      }
      setStatus({ kind: 'failed', message: errorText(lang, err) });
    }
  };

  /** Keeps the row in the outbox (a corrected one goes back in the queue); false when it cannot. */
  const keep = (row: Record<string, string>): boolean => {
    if (!outboxUser) return false;
    try {
      if (editing) requeue(outboxUser, editing, row);
      else addToOutbox(outboxUser, kind.kind, row);
      return true;
    } catch {
      return false; // storage full or refused: the form keeps the values, and says so
    }
  };

  const errorOf = (column: string) => (touched.has(column) ? local[column] : undefined) ?? server[column];
  const busy = status.kind === 'saving';

  return (
    <form ref={form} className="panel record-form" onSubmit={submit} noValidate aria-describedby="record-status">
      <h2>{t(`kind.${kind.kind}` as MessageKey)}</h2>
      {editing && (
        <p className="outbox-editing">
          {t('records.editingKept', { when: fmt.dateTime(editing.enteredAt) })}{' '}
          <Link href="/records/outbox">{t('records.viewOutbox')}</Link>
        </p>
      )}
      <div className="form-grid">
        {kind.columns.map((c) => (
          <RecordField
            key={c.name}
            kind={kind.kind}
            column={c}
            widget={FORMS[kind.kind][c.name] ?? { type: 'text' }}
            value={values[c.name] ?? ''}
            error={errorOf(c.name)}
            required={required[c.name]}
            date={values.date || today()}
            onChange={(v) => change(c.name, v)}
            onBlur={() => blur(c.name)}
            villages={villages}
          />
        ))}
      </div>
      {others.length > 0 && (
        <div className="form-error" role="alert">
          <strong>{t('records.otherErrors')}</strong>
          <ul>
            {others.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('records.saving') : t('records.save')}
        </button>
        <div id="record-status" role="status" aria-live="polite" className="form-status">
          {status.kind === 'checking' && <span className="muted">{t('records.checking')}</span>}
          {status.kind === 'rejected' && <span className="fail-mark">{t('records.rejected')}</span>}
          {status.kind === 'failed' && <span className="fail-mark">{status.message}</span>}
          {(status.kind === 'kept' || status.kind === 'queued') && (
            <span className="kept-mark">
              {t(status.kind === 'kept' ? 'records.kept' : 'records.queued')}{' '}
              <Link href="/records/outbox">{t('records.viewOutbox')}</Link>
            </span>
          )}
          {status.kind === 'saved' && (
            <span className="pass-mark">
              {status.written > 0 ? t('records.saved', { n: status.written }) : t('records.unchanged')}{' '}
              {own.badge ? (
                // An officer's record counts first in its own work (a village's dashboard is mostly empty).
                <Link href={href('/work', { month: status.month })}>
                  {t('records.viewWork', { month: fmt.month(status.month) })}
                </Link>
              ) : (
                <Link href={href('/', { area: status.area, month: status.month })}>
                  {t('records.viewDashboard', { month: fmt.month(status.month) })}
                </Link>
              )}
            </span>
          )}
        </div>
      </div>
      <p className="small">
        <Link href={href('/import', { kind: kind.kind })}>{t('records.import')}</Link>
      </p>
    </form>
  );
}
