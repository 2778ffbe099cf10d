/**
 * A small line of a value over months, drawn as inline SVG (no chart library): gaps where a
 * month has no value, the last point marked. Decorative beside the figure it summarises, so
 * its summary goes in `label`.
 */
export function Sparkline({
  values,
  label,
  width = 120,
  height = 32,
}: {
  values: (number | null)[];
  label: string;
  width?: number;
  height?: number;
}) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0)
    return <svg className="sparkline" width={width} height={height} role="img" aria-label={label} />;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min;
  const pad = 3;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / Math.max(values.length - 1, 1);
  // A flat line (or a single month) sits in the middle rather than on the floor.
  const y = (v: number) => (span === 0 ? height / 2 : height - pad - ((v - min) / span) * (height - 2 * pad));
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
    } else current.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(' '));
  const lastIndex = values.length - 1 - [...values].reverse().findIndex((v) => v !== null);
  const last = values[lastIndex] as number;
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      {segments.map((points, i) =>
        points.includes(' ') ? (
          <polyline
            key={i}
            points={points}
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinejoin="round"
          />
        ) : (
          <circle key={i} cx={points.split(',')[0]} cy={points.split(',')[1]} r="1.5" fill="currentColor" />
        ),
      )}
      <circle cx={x(lastIndex)} cy={y(last)} r="2.5" fill="currentColor" />
    </svg>
  );
}
