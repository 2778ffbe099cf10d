/**
 * The scheme editor: a year's scheme (weights, floors, targets, direction of each indicator,
 * and the thresholds of rewards and punishments), with a live preview of how the ranking of an
 * area's children would move under the edited settings (`POST rankings/preview`, nothing
 * saved), then saved as the year's next version by an admin.
 */
import { useId, useMemo, useState } from 'react';
import { ApiError, apiSend, query } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useCan } from '../auth/can.ts';
import { metaOf, SCHEME_SHORT } from '../domain/indicators.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { href, Link, navigate, useLocation, withQuery } from '../router/router.tsx';
import { Async, WriteError } from '../ui/states.tsx';
import { useAreaMonth } from '../ui/view-defaults.ts';
import { useToday } from '../ui/meta.tsx';
import { changed, draftOf, inPercent, read, type SchemeDraft } from './scheme-draft.ts';
import { AssessmentTabs } from './tabs.tsx';
import { Preview } from './scheme-preview.tsx';
import type { SchemeView } from './types.ts';
import { Segmented } from '../ui/segmented.tsx';

const NAMES = ['performance', 'construction', 'officer'] as const;
type Name = (typeof NAMES)[number];
/** The heading of each editable column of an indicator. */
const FIELD_LABEL = {
  weight: 'dash.weight',
  floor: 'scheme.floor',
  target: 'dash.target',
  min_sample: 'scheme.minSample',
} as const;

const NAME_LABEL: Record<Name, MessageKey> = {
  performance: 'scheme.performance',
  construction: 'scheme.construction',
  officer: 'scheme.officer',
};

export function SchemesPage() {
  const { t, fmt } = useI18n();
  const location = useLocation();
  const yearId = useId();
  const { area, month } = useAreaMonth();
  const nameParam = location.query.get('scheme');
  const name: Name = (NAMES as readonly string[]).includes(nameParam ?? '') ? (nameParam as Name) : 'performance';
  const yearParam = Number(location.query.get('year'));
  const year = yearParam >= 2000 && yearParam <= 2100 ? yearParam : month ? Number(month.slice(0, 4)) : null;
  const set = (changes: Record<string, string | undefined>) =>
    navigate(withQuery(location, changes), { replace: true });
  const schemes = useApi<{ year: number; schemes: SchemeView[] }>(year ? `/schemes${query({ year })}` : null, {
    keep: true,
  });
  const scheme = schemes.data?.year === year ? schemes.data.schemes.find((s) => s.name === name) : undefined;
  const thisYear = Number(useToday().slice(0, 4));
  const years = Array.from(new Set([...Array.from({ length: 12 }, (_, i) => thisYear + 1 - i), year ?? thisYear])).sort(
    (a, b) => b - a,
  );

  return (
    <div className="page schemes-page">
      <AssessmentTabs />
      <header className="page-head">
        <h1 tabIndex={-1}>{t('scheme.title', { year: year ?? '…' })}</h1>
        <p className="muted">{t('scheme.intro')}</p>
        <div className="controls">
          <div className="field-inline">
            <label htmlFor={yearId}>{t('summary.year')}</label>
            <select id={yearId} value={year ?? ''} onChange={(e) => set({ year: e.target.value })}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {t('summary.yearOption', { year: y })}
                </option>
              ))}
            </select>
          </div>
          <Segmented
            legend={t('scheme.label')}
            name="scheme-name"
            value={name}
            options={NAMES.map((n) => ({ value: n, label: t(SCHEME_SHORT[n]) }))}
            onChange={(n) => set({ scheme: n })}
          />
        </div>
      </header>
      <Async {...schemes} data={scheme}>
        {(s) => (
          <>
            <p className="muted small">
              {s.source === 'shipped'
                ? t('scheme.shipped')
                : t('scheme.saved', {
                    version: s.version,
                    at: s.saved_at ? fmt.dateTime(s.saved_at) : '—',
                    by: s.saved_by ?? '—',
                  })}
              {s.note && ` · ${s.note}`}
            </p>
            <Editor
              key={`${s.name}.${s.year}.${s.version}`}
              scheme={s}
              area={area}
              month={month}
              onSaved={schemes.reload}
            />
          </>
        )}
      </Async>
    </div>
  );
}

function Editor({
  scheme,
  area,
  month,
  onSaved,
}: {
  scheme: SchemeView;
  area: string | null;
  month: string | null;
  onSaved(): void;
}) {
  const { t, tr } = useI18n();
  const can = useCan();
  const noteId = useId();
  const [draft, setDraft] = useState<SchemeDraft>(() => draftOf(scheme));
  const { settings, errors } = useMemo(() => read(scheme, draft), [scheme, draft]);
  const valid = Object.keys(errors).length === 0;
  const dirty = valid && changed(scheme, settings);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError>();
  const editable = can('schemes:write');
  const setIndicator = (n: string, field: string, value: string) =>
    setDraft((d) => ({ ...d, indicators: { ...d.indicators, [n]: { ...d.indicators[n], [field]: value } } }));

  async function save() {
    setSaving(true);
    setSaveError(undefined);
    try {
      await apiSend('PUT', `/schemes/${scheme.name}${query({ year: scheme.year })}`, {
        indicators: settings.indicators,
        thresholds: settings.thresholds,
        exempt_small_samples: settings.exempt_small_samples,
        ...(scheme.name === 'performance' ? { count_online_answers: settings.count_online_answers } : {}),
        ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
      });
      onSaved();
    } catch (e) {
      setSaveError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setSaving(false);
    }
  }

  const err = (key: string) => errors[key] && t(errors[key]);
  return (
    <>
      <section className="panel" aria-labelledby="scheme-ind-h">
        <h2 id="scheme-ind-h">{t(NAME_LABEL[scheme.name])}</h2>
        <div className="table-wrap">
          <table className="stack scheme-table">
            <thead>
              <tr>
                <th scope="col">{t('explain.indicator')}</th>
                <th scope="col">{t('dash.weight')}</th>
                <th scope="col">{t('scheme.floor')}</th>
                <th scope="col">{t('dash.target')}</th>
                <th scope="col">{t('scheme.better')}</th>
                <th scope="col">{t('scheme.minSample')}</th>
              </tr>
            </thead>
            <tbody>
              {scheme.indicators.map((i) => {
                const d = draft.indicators[i.name];
                const unit = inPercent(i) ? '%' : unitLabel(i, t);
                const cell = (field: 'weight' | 'floor' | 'target' | 'min_sample', suffix?: string) => {
                  const e = err(`${i.name}.${field}`);
                  const id = `${scheme.name}-${i.name}-${field}`;
                  const heading = t(FIELD_LABEL[field]);
                  const label = `${tr('ind', i.name)} ${heading}`;
                  return (
                    <td data-label={heading}>
                      <span className="input-unit">
                        <input
                          id={id}
                          inputMode="decimal"
                          aria-label={label}
                          aria-invalid={e ? true : undefined}
                          aria-describedby={e ? `${id}-e` : undefined}
                          readOnly={!editable}
                          value={d[field]}
                          onChange={(ev) => setIndicator(i.name, field, ev.target.value)}
                        />
                        {suffix && <span className="muted small">{suffix}</span>}
                      </span>
                      {e && (
                        <span id={`${id}-e`} className="field-error">
                          {e}
                        </span>
                      )}
                    </td>
                  );
                };
                return (
                  <tr key={i.name}>
                    <th scope="row">{tr('ind', i.name)}</th>
                    {cell('weight')}
                    {cell('floor', unit)}
                    {cell('target', unit)}
                    <td data-label={t('scheme.better')}>
                      <select
                        aria-label={`${tr('ind', i.name)} ${t('scheme.better')}`}
                        value={d.better}
                        disabled={!editable}
                        onChange={(ev) => setIndicator(i.name, 'better', ev.target.value)}
                      >
                        <option value="higher">{t('scheme.higher')}</option>
                        <option value="lower">{t('scheme.lower')}</option>
                      </select>
                    </td>
                    {cell('min_sample')}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {errors.weights && <p className="field-error">{t(errors.weights)}</p>}
        <p className="muted small">{t('scheme.minSampleNote')}</p>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.exempt_small_samples}
            disabled={!editable}
            onChange={(ev) => setDraft((d) => ({ ...d, exempt_small_samples: ev.target.checked }))}
          />{' '}
          {t('scheme.exemptSmall')}
        </label>
        {scheme.name === 'performance' && (
          <label className="check">
            <input
              type="checkbox"
              checked={draft.count_online_answers}
              disabled={!editable}
              onChange={(ev) => setDraft((d) => ({ ...d, count_online_answers: ev.target.checked }))}
            />{' '}
            {t('scheme.countOnline')}
          </label>
        )}
        {scheme.informational.length > 0 && (
          <p className="muted small">
            {t('scheme.informational', {
              names: scheme.informational.map((n) => tr('ind', n)).join(t('sep.list')),
            })}{' '}
            <Link href={href('/assessment/informational', { month, area })}>{t('scheme.informationalLink')}</Link>
          </p>
        )}
        <h3 className="small-heading">{t('scheme.thresholds')}</h3>
        <div className="form-grid thresholds">
          {(['commendation', 'criticism', 'interview', 'interview_months'] as const).map((k) => {
            const id = `${scheme.name}-th-${k}`;
            const e = err(`thresholds.${k}`);
            return (
              <div key={k} className="field">
                <label htmlFor={id}>{t(`scheme.th.${k}`)}</label>
                <input
                  id={id}
                  inputMode="decimal"
                  readOnly={!editable}
                  aria-invalid={e ? true : undefined}
                  value={draft.thresholds[k]}
                  onChange={(ev) =>
                    setDraft((dr) => ({ ...dr, thresholds: { ...dr.thresholds, [k]: ev.target.value } }))
                  }
                />
                {e && <span className="field-error">{e}</span>}
              </div>
            );
          })}
        </div>
      </section>

      <Preview scheme={scheme.name} settings={settings} valid={valid} dirty={dirty} area={area} month={month} />

      {editable ? (
        <section className="panel" aria-labelledby="scheme-save-h">
          <h2 id="scheme-save-h">{t('scheme.save')}</h2>
          <div className="field">
            <label htmlFor={noteId}>{t('scheme.note')}</label>
            <input
              id={noteId}
              maxLength={500}
              value={draft.note}
              onChange={(e) => setDraft({ ...draft, note: e.target.value })}
            />
          </div>
          <div className="form-actions">
            <button type="button" className="primary" disabled={!dirty || saving} onClick={() => void save()}>
              {saving ? t('records.saving') : t('scheme.saveButton', { year: scheme.year })}
            </button>
            <button type="button" disabled={saving} onClick={() => setDraft(draftOf(scheme))}>
              {t('scheme.reset')}
            </button>
            {!dirty && valid && <span className="muted small">{t('scheme.unchanged')}</span>}
          </div>
          <WriteError error={saveError} />
        </section>
      ) : (
        <p className="muted small">{t('scheme.readOnly')}</p>
      )}
    </>
  );
}

function unitLabel(i: SchemeView['indicators'][number], t: ReturnType<typeof useI18n>['t']): string {
  const unit = metaOf(i).unit;
  return unit === 'per10k'
    ? t('unit.per10k')
    : unit === 'per1000'
      ? t('unit.per1000')
      : unit === 'perWeek'
        ? t('unit.perWeek')
        : '';
}
