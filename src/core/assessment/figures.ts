import type { Scheme } from './scheme.ts';

/** A raw (unscaled) numerator and denominator, each already summed over an area. */
export interface Figure {
  numerator: number;
  denominator: number;
}

/**
 * An area's figures keyed by indicator name. Numerators are RAW: `crime_rate` holds the count of
 * criminal incidents, not 10,000 times it; scaling happens once, in `evaluate`.
 */
export type Figures = Record<string, Figure>;

/** Zero figures for every indicator of `scheme`. */
export function emptyFigures(scheme: Scheme<string>): Figures {
  const out: Figures = {};
  for (const def of scheme.indicators) out[def.name] = { numerator: 0, denominator: 0 };
  return out;
}

/**
 * The indicator-wise sum of two figure sets (a new object; the inputs are left alone).
 * An indicator present in only one of them counts as zero in the other.
 *
 * @example addFigures({ a: { numerator: 1, denominator: 2 } }, { a: { numerator: 3, denominator: 4 } })
 * // { a: { numerator: 4, denominator: 6 } }
 */
export function addFigures(a: Figures, b: Figures): Figures {
  const out: Figures = {};
  for (const [name, f] of Object.entries(a)) {
    out[name] = { numerator: f.numerator, denominator: f.denominator };
  }
  addInto(out, b);
  return out;
}

// In place, so addFigures allocates one object per indicator and no more.
function addInto(target: Figures, b: Figures): void {
  for (const [name, f] of Object.entries(b)) {
    const t = target[name];
    if (t === undefined) target[name] = { numerator: f.numerator, denominator: f.denominator };
    else {
      t.numerator += f.numerator;
      t.denominator += f.denominator;
    }
  }
}
