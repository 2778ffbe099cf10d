/**
 * The imports settings (admins): what an officer's and a manager's upload may unpack to, in MiB
 * here and in bytes on the server, and the minutes a checked import job waits for its
 * confirmation. Saved through PUT imports/settings, which checks the whole and audits it; a
 * value out of range is refused by the server naming the field, and what was typed stays.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ImportSettings } from '#core/contracts/imports.schema.ts';
import { ApiError, apiSend } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Async, WriteError } from '../ui/states.tsx';
import { AdminTabs } from './tabs.tsx';

const MIB = 1024 * 1024;

/** The form's fields as typed: the limits in MiB, the minutes as they are. */
interface Draft {
  officer: string;
  manager: string;
  minutes: string;
}

const draftOf = (s: ImportSettings): Draft => ({
  officer: String(s.officer_unpacked_max / MIB),
  manager: String(s.manager_unpacked_max / MIB),
  minutes: String(s.confirm_minutes),
});

export function ImportsSettingsPage() {
  const { t } = useI18n();
  const settings = useApi<ImportSettings>('/imports/settings');
  return (
    <div className="page imports-settings-page">
      <AdminTabs />
      <header className="page-head">
        <h1 tabIndex={-1}>{t('importSettings.title')}</h1>
        <p className="muted">{t('importSettings.intro')}</p>
      </header>
      <Async {...settings}>{(current) => <SettingsForm current={current} saved={settings.reload} />}</Async>
    </div>
  );
}

function SettingsForm({ current, saved }: { current: ImportSettings; saved: () => void }) {
  const { t } = useI18n();
  const ids = { officer: useId(), manager: useId(), minutes: useId() };
  const [draft, setDraft] = useState<Draft>(() => draftOf(current));
  const [note, setNote] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(draftOf(current)), [current]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setNote(undefined);
    setError(undefined);
    try {
      // Numbers as typed: a value the server refuses comes back named, and the form keeps it.
      await apiSend<ImportSettings>('PUT', '/imports/settings', {
        officer_unpacked_max: Math.round(Number(draft.officer) * MIB),
        manager_unpacked_max: Math.round(Number(draft.manager) * MIB),
        confirm_minutes: Number(draft.minutes),
      });
      setNote(t('importSettings.saved'));
      saved();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client', String(err)));
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof Draft, label: string, unit: string) => (
    <div className="field">
      <label htmlFor={ids[key]}>{label}</label>
      <span className="with-unit">
        <input
          id={ids[key]}
          name={key}
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          required
          value={draft[key]}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        />{' '}
        <span className="muted">{unit}</span>
      </span>
    </div>
  );

  return (
    <form className="panel imports-settings" onSubmit={(e) => void save(e)}>
      {field('officer', t('importSettings.officer'), 'MiB')}
      {field('manager', t('importSettings.manager'), 'MiB')}
      {field('minutes', t('importSettings.minutes'), t('importSettings.minutesUnit'))}
      <p className="muted">{t('importSettings.note')}</p>
      <WriteError error={error} />
      {note && (
        <p className="note" role="status">
          {note}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('importSettings.save')}
      </button>
    </form>
  );
}
