/**
 * A row of radio buttons drawn as one segmented control (`.segmented` in styles.css): the
 * choice of a scheme, of what to rank, of a document's language, of a task's next status.
 *
 * @example
 *   <Segmented legend={t('scheme.label')} name="scheme" value={scheme} onChange={(s) => set({ scheme: s })}
 *     options={SCHEME_NAMES.map((s) => ({ value: s, label: t(SCHEME_SHORT[s]) }))} />
 */
import type { ReactNode } from 'react';

export function Segmented<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  /** None checked while undefined. */
  value: T | undefined;
  options: readonly { value: T; label: ReactNode }[];
  onChange(value: T): void;
}) {
  return (
    <fieldset className="segmented">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className={o.value === value ? 'checked' : undefined}>
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={o.value === value}
            onChange={() => onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
