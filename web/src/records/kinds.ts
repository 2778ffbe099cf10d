/**
 * The §2 kinds as the server defines them (columns, Chinese names, parsers: the same module the
 * import uses), and how the record forms present each column.
 */
export type { KindDef } from '#core/kinds/kind.ts';
/** Every kind in the order an import applies them, and finding one by its name or a file's, as the import does. */
export { KINDS, RECORD_KINDS, kindByName, kindOfFileName } from '#core/kinds/order.ts';

export type Widget =
  | { type: 'ref'; prefix: string }
  | { type: 'date' }
  | { type: 'village' }
  | { type: 'badge' }
  | { type: 'code'; placeholder: string }
  | { type: 'choice'; values: string[]; labels: string; nullable?: boolean }
  | { type: 'yesno'; nullable?: boolean }
  | { type: 'number'; step: string; min: number; max?: number }
  | { type: 'text'; suggestions?: string[] };

const date: Widget = { type: 'date' };
const village: Widget = { type: 'village' };
const badge: Widget = { type: 'badge' };

/** How each column of each record kind is entered. */
export const FORMS: Record<string, Record<string, Widget>> = {
  surveys: {
    ref: { type: 'ref', prefix: 'Q' },
    date,
    area_code: village,
    knows_officer: { type: 'yesno', nullable: true },
    satisfaction: { type: 'choice', values: ['5', '4', '3', '2', '1'], labels: 'satisfaction', nullable: true },
    channel: { type: 'choice', values: ['door', 'phone', 'online'], labels: 'channel', nullable: true },
  },
  visits: { date, badge, area_code: village, household_ref: { type: 'code', placeholder: 'H0001' } },
  info_reports: {
    ref: { type: 'ref', prefix: 'I' },
    date,
    badge,
    category: { type: 'text', suggestions: ['security', 'fraud', 'dispute'] },
    adopted: { type: 'yesno' },
  },
  incidents: {
    ref: { type: 'ref', prefix: 'X' },
    date,
    area_code: village,
    category: { type: 'choice', values: ['criminal', 'public_order'], labels: 'category' },
  },
  patrol_logs: {
    date,
    patrol_code: { type: 'code', placeholder: 'PR220102001' },
    hours: { type: 'number', step: '0.5', min: 0.5, max: 24 },
    participants: { type: 'number', step: '1', min: 1 },
  },
  familiarity_checks: {
    ref: { type: 'ref', prefix: 'C' },
    date,
    badge,
    sampled: { type: 'number', step: '1', min: 0 },
    correct: { type: 'number', step: '1', min: 0 },
  },
};

/** A fresh reference for a record entered here: `Q-20190630-K3F9QZ`. */
export function newRef(prefix: string, date: string): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  const tail = Array.from(bytes, (b) => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[b % 32]).join('');
  return `${prefix}-${date.replace(/-/g, '')}-${tail}`;
}
