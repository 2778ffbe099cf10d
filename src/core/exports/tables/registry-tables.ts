/**
 * The registry's lists as exported: areas, units, postings of officers, patrol teams and funds.
 * A column that is a §2 import column takes its Chinese and English names from the kind itself
 * (`单位代码` / `code`), so an export of the registry is headed as its import files are.
 */
import type { z } from 'zod';
import type { ColumnFormat } from '../../documents/document.ts';
import type { areaSchema } from '../../contracts/areas.schema.ts';
import type { fundSchema } from '../../contracts/funds.schema.ts';
import type { postingSchema } from '../../contracts/officers.schema.ts';
import type { patrolSchema, unitSchema } from '../../contracts/units.schema.ts';
import type { KindDef } from '../../kinds/kind.ts';
import * as kinds from '../../kinds/registry-kinds.ts';
import { col, defineTable, type ExportCell, type ExportColumn } from '../export-table.ts';

/** A column of a §2 kind under its own names; the cell is the row's value of the same name. */
function kindCol<Row extends object>(kind: KindDef, name: keyof Row & string, format: ColumnFormat = 'text') {
  const def = kind.columns.find((c) => c.name === name);
  if (!def) throw new Error(`${kind.kind} has no column ${name}`);
  return col<Row>(name, def.zh, name, format, (r) => r[name] as ExportCell);
}

const kindCols = <Row extends object>(kind: KindDef, names: (keyof Row & string)[]): ExportColumn<Row>[] =>
  names.map((n) => kindCol<Row>(kind, n));

type AreaRow = z.infer<typeof areaSchema>;
export const AREAS_TABLE = defineTable<AreaRow>(
  'areas',
  { zh: '行政区划', en: 'Areas' },
  kindCols<AreaRow>(kinds.areas, ['code', 'name', 'level', 'parent_code', 'urban_rural']),
);

type UnitRow = z.infer<typeof unitSchema>;
export const UNITS_TABLE = defineTable<UnitRow>('units', { zh: '单位', en: 'Units' }, [
  ...kindCols<UnitRow>(kinds.units, [
    'code',
    'name',
    'type',
    'area_code',
    'station_code',
    'covers',
    'status',
    'opened_on',
    'closed_on',
    'phone',
    'hours',
    'address',
  ]),
  kindCol<UnitRow>(kinds.units, 'longitude', 'text'),
  kindCol<UnitRow>(kinds.units, 'latitude', 'text'),
]);

type PostingRow = z.infer<typeof postingSchema>;
export const OFFICERS_TABLE = defineTable<PostingRow>('officers', { zh: '民警', en: 'Officers' }, [
  kindCol<PostingRow>(kinds.officers, 'badge'),
  kindCol<PostingRow>(kinds.officers, 'name'),
  kindCol<PostingRow>(kinds.officers, 'role'),
  kindCol<PostingRow>(kinds.officers, 'unit_code'),
  col<PostingRow>('unit_name', '单位名称', 'unit_name', 'text', (r) => r.unit_name),
  ...kindCols<PostingRow>(kinds.officers, ['start_date', 'end_date', 'origin', 'phone']),
]);

type PatrolRow = z.infer<typeof patrolSchema>;
export const PATROLS_TABLE = defineTable<PatrolRow>('patrols', { zh: '巡防队伍', en: 'Patrol teams' }, [
  ...kindCols<PatrolRow>(kinds.patrols, ['code', 'name', 'unit_code', 'kind']),
  kindCol<PatrolRow>(kinds.patrols, 'members', 'integer'),
]);

type FundRow = z.infer<typeof fundSchema>;
export const FUNDS_TABLE = defineTable<FundRow>('funds', { zh: '经费', en: 'Funds' }, [
  ...kindCols<FundRow>(kinds.funds, ['ref', 'kind', 'date', 'recipient_code']),
  col<FundRow>('recipient_name', '接收单位名称', 'recipient_name', 'text', (r) => r.recipient_name),
  kindCol<FundRow>(kinds.funds, 'amount', 'money'),
  kindCol<FundRow>(kinds.funds, 'purpose'),
]);
