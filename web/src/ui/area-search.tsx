/**
 * Find an area by name or code as you type (a combobox: arrows move, Enter picks, Escape
 * closes). `level` narrows the search, e.g. to villages for a record's area_code.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { apiGet, query } from '../api/client.ts';
import type { Area, AreaPage } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

export interface AreaSearchProps {
  label: string;
  onPick(area: Area): void;
  level?: Area['level'];
  within?: string;
  /** Controlled text (a form field); uncontrolled when absent. */
  value?: string;
  onText?(text: string): void;
  onBlur?(): void;
  name?: string;
  invalid?: boolean;
  describedBy?: string;
  placeholder?: string;
  hideLabel?: boolean;
}

export function AreaSearch(props: AreaSearchProps) {
  const { t, tr } = useI18n();
  const id = useId();
  const [own, setOwn] = useState('');
  const text = props.value ?? own;
  const [results, setResults] = useState<Area[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 1 || !open) return setResults([]);
    let live = true;
    const timer = setTimeout(() => {
      apiGet<AreaPage>(`/areas${query({ q, level: props.level, within: props.within, limit: 8 })}`).then(
        (page) => live && (setResults(page.items), setActive(-1)),
        () => live && setResults([]),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, open, props.level, props.within]);

  const setText = (v: string) => {
    if (props.value === undefined) setOwn(v);
    props.onText?.(v);
    setOpen(true);
  };
  const pick = (area: Area) => {
    setOpen(false);
    setResults([]);
    if (props.value === undefined) setOwn('');
    props.onPick(area);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && results.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % results.length);
    } else if (e.key === 'ArrowUp' && results.length) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? results.length - 1 : a - 1));
    } else if (e.key === 'Enter' && open && results.length) {
      e.preventDefault();
      pick(results[Math.max(active, 0)]);
    } else if (e.key === 'Escape') setOpen(false);
  };
  const shown = open && results.length > 0;
  return (
    <div className="area-search">
      <label htmlFor={id} className={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={`${id}-list`}
        aria-activedescendant={shown && active >= 0 ? `${id}-${active}` : undefined}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        placeholder={props.placeholder ?? t('areas.search')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKey}
        onFocus={() => text && setOpen(true)}
        onBlur={() => {
          // Let a click on a result land before the list closes.
          setTimeout(() => setOpen(false), 150);
          props.onBlur?.();
        }}
      />
      <ul id={`${id}-list`} role="listbox" className="area-search-list" hidden={!shown} aria-label={props.label}>
        {results.map((a, i) => (
          <li
            key={a.code}
            id={`${id}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(a)}
          >
            <span>{a.name}</span>
            <small>
              {tr('level', a.level)} · {a.code}
            </small>
          </li>
        ))}
      </ul>
    </div>
  );
}
