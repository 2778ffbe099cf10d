/** Pure choices an annual summary makes from its facts: who moved most, who still lags, what reached its target. */
import type { SchemeYear, SummaryFacts } from './summary.facts.ts';

export interface Move {
  name: string;
  from: number;
  to: number;
}

/** The child that rose most and the one that fell most between January and December (ties: the first by code order). */
export function movers(s: SchemeYear): { up: Move | null; down: Move | null } {
  let up: Move | null = null;
  let down: Move | null = null;
  for (const c of s.children) {
    const from = c.ranks[0];
    const to = c.ranks[c.ranks.length - 1];
    if (from === null || to === null || from === to) continue;
    const move = { name: c.name, from, to };
    if (to < from && (!up || from - to > up.from - up.to)) up = move;
    if (to > from && (!down || to - from > down.to - down.from)) down = move;
  }
  return { up, down };
}

/** Children lagging in December in either scheme, in ranking order of the first. */
export function laggingInDecember(f: SummaryFacts): string[] {
  const names: string[] = [];
  for (const s of f.assessment) for (const r of s.ranking) if (r.lagging && !names.includes(r.name)) names.push(r.name);
  return names;
}

/** The December indicators of a scheme whose value met its target. */
export function reached(s: SchemeYear): string[] {
  const defs = new Map(s.indicators.map((d) => [d.name, d]));
  return Object.entries(s.december.indicators)
    .filter(([name, r]) => {
      const def = defs.get(name);
      if (!def || r.value === null) return false;
      return def.better === 'higher' ? r.value >= def.target : r.value <= def.target;
    })
    .map(([name]) => name);
}

/** The child with the lowest coverage at the year's end, when it is clearly below the whole. */
export function lowestOf(f: SummaryFacts): string | null {
  const whole = f.five.problems.premises.value;
  const measured = f.five.children.filter((c) => c.problems.premises.value !== null);
  if (whole === null || measured.length < 2) return null;
  const lowest = measured.reduce((a, b) => (b.problems.premises.value! < a.problems.premises.value! ? b : a));
  return lowest.problems.premises.value! < whole * 0.8 ? lowest.name : null;
}
