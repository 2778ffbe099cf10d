/**
 * A small province built from plain rows, for tests that need exact control of every record.
 * Rows use the SPEC §2 columns; missing optional values may be left out.
 */
import type { Database } from '../../src/db/database.ts';
import { importSources, type ImportReport } from '../../src/modules/imports/import.service.ts';
import { sourceFromObjects } from '../../src/modules/imports/sources.ts';
import { KINDS } from '../../src/modules/imports/kinds/index.ts';

export type Rows = Partial<Record<string, Record<string, string | number | null>[]>>;

export async function load(db: Database, rows: Rows): Promise<ImportReport> {
  const sources = KINDS.filter((k) => rows[k.kind]?.length).map((k) =>
    sourceFromObjects(
      `${k.kind}.csv`,
      k,
      rows[k.kind]!,
      k.columns.filter((c) => !c.optional || rows[k.kind]!.some((r) => c.name in r)).map((c) => c.name),
    ),
  );
  return importSources(db, sources, { actor: 'test', source: 'test' });
}

/** Province P > city C > county K > township T > villages V1 (urban) and V2 (rural); a second city C2 > township T2 > V3. */
export const TINY: Rows = {
  areas: [
    { code: 'P', name: 'Province', level: 'province', parent_code: '', urban_rural: '' },
    { code: 'C', name: 'City', level: 'city', parent_code: 'P', urban_rural: '' },
    { code: 'K', name: 'County', level: 'county', parent_code: 'C', urban_rural: '' },
    { code: 'T', name: 'Town', level: 'township', parent_code: 'K', urban_rural: '' },
    { code: 'V1', name: 'Community', level: 'village', parent_code: 'T', urban_rural: 'urban' },
    { code: 'V2', name: 'Village', level: 'village', parent_code: 'T', urban_rural: 'rural' },
    { code: 'C2', name: 'City two', level: 'city', parent_code: 'P', urban_rural: '' },
    { code: 'T2', name: 'Town two', level: 'township', parent_code: 'C2', urban_rural: '' },
    { code: 'V3', name: 'Village three', level: 'village', parent_code: 'T2', urban_rural: '121' },
  ],
  population: [
    { area_code: 'V1', year: 2019, residents: 5000, households: 1500 },
    { area_code: 'V2', year: 2019, residents: 5000, households: 1500 },
    { area_code: 'V3', year: 2019, residents: 10000, households: 3000 },
  ],
  units: [
    {
      code: 'S1',
      name: 'Station',
      type: 'station',
      area_code: 'T',
      station_code: '',
      covers: '',
      status: 'open',
      opened_on: '2010-01-01',
      closed_on: '',
    },
    {
      code: 'R1',
      name: 'Room one',
      type: 'community_room',
      area_code: 'T',
      station_code: 'S1',
      covers: 'V1',
      status: 'open',
      opened_on: '2015-01-01',
      closed_on: '',
    },
    {
      code: 'R2',
      name: 'Room two',
      type: 'rural_office',
      area_code: 'T',
      station_code: 'S1',
      covers: 'V2',
      status: 'open',
      opened_on: '2015-01-01',
      closed_on: '',
    },
    {
      code: 'S2',
      name: 'Station two',
      type: 'station',
      area_code: 'T2',
      station_code: '',
      covers: '',
      status: 'open',
      opened_on: '2010-01-01',
      closed_on: '',
    },
    {
      code: 'R3',
      name: 'Room three',
      type: 'rural_office',
      area_code: 'T2',
      station_code: 'S2',
      covers: 'V3',
      status: 'open',
      opened_on: '2015-01-01',
      closed_on: '',
    },
  ],
  officers: [
    {
      badge: 'B1',
      name: 'One',
      role: 'community',
      unit_code: 'R1',
      start_date: '2019-01-01',
      end_date: '2019-06-10',
      origin: 'existing',
    },
    {
      badge: 'B1',
      name: 'One',
      role: 'resident',
      unit_code: 'R2',
      start_date: '2019-06-11',
      end_date: '',
      origin: 'existing',
    },
    {
      badge: 'B3',
      name: 'Three',
      role: 'resident',
      unit_code: 'R3',
      start_date: '2018-01-01',
      end_date: '',
      origin: 'new_recruit',
    },
  ],
};
