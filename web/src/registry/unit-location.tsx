/**
 * Where a unit is: its address and point, corrected here by an account that writes records. The
 * form checks with the import's own parsers and rules (both coordinates or neither, inside China)
 * and saves the whole unit row through POST records/units, as an import would: the row's earlier
 * version stays in its history.
 */
import { useId, useState, type FormEvent } from 'react';
import { ApiError, apiPost } from '../api/client.ts';
import type { UnitDetail } from '../api/types.ts';
import { useCan } from '../auth/can.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { errorText } from '../i18n/errors.ts';
import { CellError, type Value } from '#core/kinds/columns.ts';
import { LOCATION_COLUMNS, locationProblems } from '#core/kinds/location.ts';

type Fields = { address: string; longitude: string; latitude: string };

/** The problems of the three fields, by column, in the reader's language. */
export function locationErrors(fields: Fields, lang: 'zh' | 'en'): Record<string, string> {
  const errors: Record<string, string> = {};
  const parsed: Record<string, Value> = {};
  for (const c of LOCATION_COLUMNS) {
    try {
      parsed[c.name] = c.parse(fields[c.name as keyof Fields]);
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      errors[c.name] = errorText(lang, e.problem);
    }
  }
  if (Object.keys(errors).length === 0) for (const p of locationProblems(parsed)) errors[p.column] = errorText(lang, p);
  return errors;
}

export function UnitLocation({ unit, onSaved }: { unit: UnitDetail; onSaved(): void }) {
  const { t, lang } = useI18n();
  const can = useCan();
  const ids = { address: useId(), longitude: useId(), latitude: useId() };
  const initial: Fields = {
    address: unit.address ?? '',
    longitude: unit.longitude === null ? '' : String(unit.longitude),
    latitude: unit.latitude === null ? '' : String(unit.latitude),
  };
  const [fields, setFields] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [failure, setFailure] = useState('');
  if (!can('records:write')) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = locationErrors(fields, lang);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setState('saving');
    const row = {
      code: unit.code,
      name: unit.name,
      type: unit.type,
      area_code: unit.area_code,
      station_code: unit.station_code ?? '',
      covers: unit.covers ?? '',
      status: unit.status,
      opened_on: unit.opened_on ?? '',
      closed_on: unit.closed_on ?? '',
      phone: unit.phone ?? '',
      hours: unit.hours ?? '',
      ...fields,
    };
    try {
      await apiPost('/records/units', [row]);
      setState('saved');
      onSaved();
    } catch (err) {
      setState('failed');
      const byColumn: Record<string, string> = {};
      if (err instanceof ApiError) for (const r of err.rowErrors) byColumn[r.column] = errorText(lang, r);
      setErrors(byColumn);
      setFailure(err instanceof ApiError ? errorText(lang, err) : String(err));
    }
  };
  const field = (name: keyof Fields, label: string, props: { inputMode?: 'decimal'; placeholder?: string }) => (
    <div className={`field${errors[name] ? ' has-error' : ''}`}>
      <label htmlFor={ids[name]}>{label}</label>
      <input
        id={ids[name]}
        value={fields[name]}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${ids[name]}-e` : undefined}
        onChange={(e) => {
          setFields({ ...fields, [name]: e.target.value });
          setState('idle');
        }}
        {...props}
      />
      {errors[name] && (
        <span id={`${ids[name]}-e`} className="field-error">
          {errors[name]}
        </span>
      )}
    </div>
  );
  return (
    <section className="panel" aria-labelledby="unit-location-h">
      <h2 id="unit-location-h">{t('unit.location')}</h2>
      <form className="location-form" onSubmit={submit} noValidate>
        {field('address', t('unit.address'), {})}
        <div className="grid-2">
          {field('longitude', t('unit.longitude'), { inputMode: 'decimal', placeholder: '125.3245' })}
          {field('latitude', t('unit.latitude'), { inputMode: 'decimal', placeholder: '43.8868' })}
        </div>
        <p className="muted small">{t('unit.locationHint')}</p>
        <div className="actions">
          <button type="submit" className="primary" disabled={state === 'saving'}>
            {t('unit.saveLocation')}
          </button>
          <span role="status" className="small">
            {state === 'saved' && t('unit.locationSaved')}
            {state === 'failed' && Object.keys(errors).length === 0 && failure}
          </span>
        </div>
      </form>
    </section>
  );
}
