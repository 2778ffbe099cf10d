/** A plain text table for terminals: columns padded, numbers right-aligned. */
export function textTable(head: string[], rows: (string | number | null)[][]): string {
  const cells = [head, ...rows.map((r) => r.map((c) => (c === null ? '—' : String(c))))];
  const width = head.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i] ?? ''))));
  const numeric = head.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null));
  return (
    cells
      .map((r) =>
        r
          .map((c, i) => (numeric[i] ? padStart(c, width[i]) : padEnd(c, width[i])))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

/** CJK characters take two columns on a terminal. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}
const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - displayWidth(s))) + s;

export function fixed(n: number | null, digits = 2): number | null {
  return n === null ? null : Number(n.toFixed(digits));
}
