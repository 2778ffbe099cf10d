/**
 * Where a room is, for residents: its county drawn small as plain SVG with the room's point, so
 * the public pages need no map library. The address beside it says the same in words.
 */
import { useI18n } from '../i18n/i18n.tsx';
import type { PublicOfficers } from './public-types.ts';

type Sketch = NonNullable<PublicOfficers['rooms'][number]['map']>;

export function RoomSketch({ sketch, room }: { sketch: Sketch; room: string }) {
  const { t } = useI18n();
  const label = t('public.room.mapLabel', { room, area: sketch.area });
  return (
    <figure className="room-sketch">
      <svg viewBox={`0 0 ${sketch.width} ${sketch.height}`} role="img" aria-label={label}>
        <path d={sketch.path} fillRule="evenodd" className="room-sketch-area" />
        {sketch.point && (
          <g className="room-sketch-point" transform={`translate(${sketch.point[0]} ${sketch.point[1]})`}>
            <circle r="9" className="room-sketch-halo" />
            <circle r="4.5" />
          </g>
        )}
      </svg>
      <figcaption className="muted small">{t('public.room.mapCaption', { area: sketch.area })}</figcaption>
    </figure>
  );
}
