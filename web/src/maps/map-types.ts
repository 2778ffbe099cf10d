/** Shapes of the map routes' answers, from the server's schemas (type-only: nothing of zod reaches the browser). */
import type { z } from 'zod';
import type { boundariesSchema, figuresRowSchema, roomPointSchema, roomsSchema } from '#core/contracts/maps.schema.ts';

export type Boundaries = z.infer<typeof boundariesSchema>;
export type FiguresRow = z.infer<typeof figuresRowSchema>;
export type RoomPoint = z.infer<typeof roomPointSchema>;
export type Rooms = z.infer<typeof roomsSchema>;
