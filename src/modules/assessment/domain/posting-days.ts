/** A posting's dates: `end` null while it lasts. YYYY-MM-DD, both ends included. */
export interface PostingSpan {
  start: string;
  end: string | null;
}

const DAY = 86_400_000;
const time = (d: string) => Date.parse(`${d}T00:00:00Z`);

/**
 * The days from `first` to `last` (included) that some posting covers, each day counted once
 * even where postings overlap.
 *
 * @example daysWithin([{ start: '2019-06-11', end: null }], '2019-06-01', '2019-06-30') // 20
 */
export function daysWithin(postings: readonly PostingSpan[], first: string, last: string): number {
  const spans = postings
    .map(
      (p) =>
        [Math.max(time(p.start), time(first)), Math.min(p.end === null ? Infinity : time(p.end), time(last))] as const,
    )
    .filter(([a, b]) => a <= b)
    .sort((x, y) => x[0] - y[0]);
  let days = 0;
  let reached = -Infinity;
  for (const [a, b] of spans) {
    const from = Math.max(a, reached + DAY);
    if (b >= from) days += (b - from) / DAY + 1;
    reached = Math.max(reached, b);
  }
  return days;
}
