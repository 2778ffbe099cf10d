/** One column of a record form: its label, the control its widget calls for, its error. */
import { useEffect, useState } from 'react';
import { apiGet, query } from '../api/client.ts';
import type { PostingPage } from '../api/types.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { AreaSearch } from '../ui/area-search.tsx';
import { newRef, type Widget } from './kinds.ts';
import type { ColumnDef } from '#core/kinds/columns.ts';

export interface RecordFieldProps {
  kind: string;
  column: ColumnDef;
  widget: Widget;
  value: string;
  error?: string;
  required: boolean;
  /** The record's date, for a fresh ref. */
  date: string;
  onChange(value: string): void;
  onBlur(): void;
  /** Villages offered by name (an officer's covered villages), one tap each. */
  villages?: { code: string; name: string }[];
}

export function RecordField(props: RecordFieldProps) {
  const { t, lang } = useI18n();
  const { column, widget, error } = props;
  const id = `f-${props.kind}-${column.name}`;
  const errorId = `${id}-error`;
  const label = labelOf(column, t, lang);
  const common = {
    id,
    name: column.name,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    'aria-required': props.required || undefined,
    onBlur: props.onBlur,
  } as const;

  let control;
  switch (widget.type) {
    case 'village':
      control = (
        <AreaSearch
          label={label}
          hideLabel
          name={column.name}
          level="village"
          value={props.value}
          onText={props.onChange}
          onPick={(a) => props.onChange(a.code)}
          onBlur={props.onBlur}
          invalid={!!error}
          describedBy={error ? errorId : undefined}
          placeholder={column.example}
        />
      );
      if (props.villages?.length)
        control = (
          <>
            {control}
            <span className="village-picks" role="group" aria-label={t('records.coveredVillages')}>
              {props.villages.map((v) => (
                <button
                  key={v.code}
                  type="button"
                  className="chip"
                  aria-pressed={props.value === v.code}
                  onClick={() => {
                    props.onChange(v.code);
                    props.onBlur();
                  }}
                >
                  {v.name}
                </button>
              ))}
            </span>
          </>
        );
      break;
    case 'badge':
      control = <BadgeInput {...common} value={props.value} onChange={props.onChange} placeholder={column.example} />;
      break;
    case 'date':
      control = <input {...common} type="date" value={props.value} onChange={(e) => props.onChange(e.target.value)} />;
      break;
    case 'choice':
    case 'yesno': {
      const values = widget.type === 'yesno' ? ['yes', 'no'] : widget.values;
      const labels = widget.type === 'yesno' ? '' : widget.labels;
      control = (
        <select {...common} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          <option value="">{widget.nullable ? t('records.unanswered') : t('records.choose')}</option>
          {values.map((v) => (
            <option key={v} value={v}>
              {labels ? t(`${labels}.${v}` as MessageKey) : t(v as MessageKey)}
            </option>
          ))}
        </select>
      );
      break;
    }
    case 'number':
      control = (
        <input
          {...common}
          type="number"
          inputMode={widget.step.includes('.') ? 'decimal' : 'numeric'}
          step={widget.step}
          min={widget.min}
          max={widget.max}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      );
      break;
    case 'ref':
      control = (
        <div className="input-with-button">
          <input
            {...common}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
          />
          <button type="button" onClick={() => props.onChange(newRef(widget.prefix, props.date))}>
            {t('records.newRef')}
          </button>
        </div>
      );
      break;
    case 'text':
      control = (
        <>
          <input
            {...common}
            type="text"
            list={`${id}-list`}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
            placeholder={column.example}
          />
          <datalist id={`${id}-list`}>
            {widget.suggestions?.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </>
      );
      break;
    default:
      control = (
        <input
          {...common}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          placeholder={widget.placeholder}
        />
      );
  }

  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label} {!props.required && <small className="muted">({t('records.optional')})</small>}
      </label>
      {control}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A column's label in the reader's language (the form's own wording where it has one). */
export function labelOf(column: ColumnDef, t: ReturnType<typeof useI18n>['t'], lang: string): string {
  const key = `col.${column.name}` as MessageKey;
  const text = t(key);
  if (text !== key) return text;
  return lang === 'zh' ? column.zh : column.name;
}

/** A badge field that suggests officers as their name or badge is typed. */
function BadgeInput({
  value,
  onChange,
  ...rest
}: { value: string; onChange(v: string): void; placeholder: string } & Record<string, unknown>) {
  const [options, setOptions] = useState<{ badge: string; label: string }[]>([]);
  const listId = `${String(rest.id)}-list`;
  useEffect(() => {
    const q = value.trim();
    if (q.length < 2) return setOptions([]);
    let live = true;
    const timer = setTimeout(() => {
      apiGet<PostingPage>(`/officers${query({ q, limit: 8 })}`).then(
        (page) =>
          live &&
          setOptions(
            dedupe(page.items.map((p) => ({ badge: p.badge, label: `${p.name} · ${p.unit_name ?? p.unit_code}` }))),
          ),
        () => live && setOptions([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [value]);
  return (
    <>
      <input
        {...rest}
        type="text"
        autoComplete="off"
        spellCheck={false}
        list={listId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.badge} value={o.badge} label={o.label} />
        ))}
      </datalist>
    </>
  );
}

function dedupe<T extends { badge: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.badge) && seen.add(i.badge));
}
