/**
 * SPEC §2 rejections on both engines: every bad row is reported as `file:line: column: reason`,
 * exactly, and a rejected import writes nothing to any table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { importSources, type ImportReport } from '../src/modules/imports/import.service.ts';
import { sourcesFromPaths } from '../src/modules/imports/sources.ts';
import { AppError, formatRowError, type RowError } from '../src/shared/errors.ts';
import { renderError } from '#core/errors/registry.ts';
import { ENGINES, freshDatabase } from './support/engines.ts';

const TABLES = [
  'areas',
  'population',
  'units',
  'officers',
  'patrols',
  'equipment',
  'inspections',
  'funds',
  'visits',
  'info_reports',
  'incidents',
  'surveys',
  'patrol_logs',
  'familiarity_checks',
  'unit_covers',
  'history',
  'imports',
];

const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

const AREAS = 'code,name,level,parent_code,urban_rural';
const UNITS = 'code,name,type,area_code,station_code,covers,status,opened_on,closed_on';
const OFFICERS = 'badge,name,role,unit_code,start_date,end_date,origin';

/** A province P > city C > county K > township T > villages V1 (urban), V2 (rural). */
const BASE = {
  'areas.csv': csv(
    AREAS,
    'P,Province,province,,',
    'C,City,city,P,',
    'K,County,county,C,',
    'T,Town,township,K,',
    'V1,Village 1,village,T,urban',
    'V2,Village 2,village,T,rural',
  ),
  'units.csv': csv(
    UNITS,
    'B1,Bureau,bureau,K,,,open,2010-01-01,',
    'S1,Station,station,T,,,open,2012-01-01,',
    'R1,Room,community_room,T,S1,V1,open,2018-01-01,',
  ),
  'officers.csv': csv(
    OFFICERS,
    '0001,Officer 1,community,R1,2018-01-01,2018-12-31,existing',
    '0001,Officer 1,community,R1,2019-01-01,,existing',
  ),
};

interface Case {
  name: string;
  files: Record<string, string>;
  errors: string[];
}

const CASES: Case[] = [
  {
    name: 'an unknown column',
    files: { 'areas.csv': csv(`${AREAS},colour`, 'V3,Village 3,village,T,urban,red') },
    errors: ['areas.csv:1: colour: unknown column; areas has code, name, level, parent_code, urban_rural'],
  },
  {
    name: 'a missing column',
    files: { 'areas.csv': csv('code,name,parent_code,urban_rural', 'V3,Village 3,T,urban') },
    errors: ['areas.csv:1: level: missing column'],
  },
  {
    name: 'a row with more cells than the header',
    files: { 'areas.csv': csv(AREAS, 'V3,Village 3,village,T,urban,', 'V4,Village 4,village,T,urban') },
    errors: ['areas.csv:2: (row): 6 cells under a header of 5'],
  },
  {
    name: 'a NUL character in a text cell',
    files: { 'areas.csv': csv(AREAS, 'V3,Village\u00003,village,T,urban') },
    errors: ['areas.csv:2: name: contains a NUL character'],
  },
  {
    // Issue 16, finding 9: a right-to-left override reads "Village 3‮evil" as something else wherever it is shown.
    name: 'a control that reorders text in an area name',
    files: { 'areas.csv': csv(AREAS, 'V3,Village\u202E3,village,T,urban') },
    errors: [
      'areas.csv:2: name: contains U+202E, a control character that reorders text (right-to-left overrides and isolates are refused in names)',
    ],
  },
  {
    name: 'an isolate or a mark in an officer name',
    files: {
      'officers.csv': csv(
        OFFICERS,
        '0002,\u2067Officer 2,community,R1,2019-01-01,,new_recruit',
        '0003,Officer\u200F3,community,R1,2019-01-01,,new_recruit',
      ),
    },
    errors: [
      'officers.csv:2: name: contains U+2067, a control character that reorders text (right-to-left overrides and isolates are refused in names)',
      'officers.csv:3: name: contains U+200F, a control character that reorders text (right-to-left overrides and isolates are refused in names)',
    ],
  },
  {
    name: 'a county under a township',
    files: { 'areas.csv': csv(AREAS, 'V3,Village 3,village,T,urban', 'K2,County 2,county,T,') },
    errors: ["areas.csv:3: level: a county under the township T: a child's level must be below its parent's"],
  },
  {
    name: 'an unknown parent',
    files: { 'areas.csv': csv(AREAS, 'T2,Town 2,township,NOPE,') },
    errors: ['areas.csv:2: parent_code: no area NOPE exists'],
  },
  {
    name: 'the same key twice with different data, naming both lines',
    files: {
      'areas.csv': csv(
        AREAS,
        'V3,Village 3,village,T,urban',
        'V4,Village 4,village,T,rural',
        'V3,Village Three,village,T,urban',
      ),
    },
    errors: ['areas.csv:4: code: the same key as areas.csv:2 with different data'],
  },
  {
    name: 'the same two-column key twice with different data',
    files: {
      'officers.csv': csv(
        OFFICERS,
        '0002,Officer 2,resident,R1,2019-01-01,,existing',
        '0002,Officer 2,station,S1,2019-01-01,,existing',
      ),
    },
    errors: ['officers.csv:3: badge+start_date: the same key as officers.csv:2 with different data'],
  },
  {
    name: 'a key three times, naming only the copy whose data differs from the first',
    files: {
      'areas.csv': csv(
        AREAS,
        'V3,Village 3,village,T,urban',
        'V3,Village 3,village,T,urban',
        'V3,Village 3,village,T,rural',
      ),
    },
    errors: ['areas.csv:4: code: the same key as areas.csv:2 with different data'],
  },
  {
    name: 'the same key with a value and with an empty cell',
    files: {
      'surveys.csv': csv(
        'ref,date,area_code,knows_officer,satisfaction,channel',
        'Q1,2019-06-01,V1,yes,5,door',
        'Q1,2019-06-01,V1,,5,door',
      ),
    },
    errors: ['surveys.csv:3: ref: the same key as surveys.csv:2 with different data'],
  },
  {
    name: 'the same key in two files of one kind',
    files: {
      'visits-1.csv': csv('date,badge,area_code,household_ref', '2019-06-01,0001,V1,H1', '2019-06-02,0001,V1,H1'),
      'visits-2.csv': csv('household_ref,date,badge,area_code', 'H1,2019-06-02,0001,V1', 'H1,2019-06-01,0001,V2'),
    },
    errors: ['visits-2.csv:3: badge+date+household_ref: the same key as visits-1.csv:2 with different data'],
  },
  {
    name: 'overlapping postings of one badge in one file',
    files: {
      'officers.csv': csv(
        OFFICERS,
        '0002,Officer 2,resident,R1,2019-01-01,2019-06-30,existing',
        '0002,Officer 2,station,S1,2019-06-01,,existing',
      ),
    },
    errors: [
      "officers.csv:2: start_date: overlaps this badge's posting from 2019-06-01 to now",
      "officers.csv:3: start_date: overlaps this badge's posting from 2019-01-01 to 2019-06-30",
    ],
  },
  {
    name: 'a posting overlapping one in the database',
    files: { 'officers.csv': csv(OFFICERS, '0001,Officer 1,station,S1,2020-01-01,,existing') },
    errors: ["officers.csv:2: start_date: overlaps this badge's posting from 2019-01-01 to now"],
  },
  {
    name: 'a posting ending before it starts',
    files: { 'officers.csv': csv(OFFICERS, '0003,Officer 3,station,S1,2020-01-01,2019-01-01,existing') },
    errors: ['officers.csv:2: end_date: 2019-01-01 is before start_date 2020-01-01'],
  },
  {
    name: 'statuses contradicting dates',
    files: {
      'units.csv': csv(
        UNITS,
        'R2,Room 2,community_room,T,S1,V1,open,,',
        'R3,Room 3,community_room,T,S1,V1,closed,2018-01-01,',
        'R4,Room 4,community_room,T,S1,V1,planned,2018-01-01,2019-01-01',
        'R5,Room 5,rural_office,T,S1,V2,closed,2019-01-01,2018-06-01',
        'R6,Room 6,rural_office,T,S1,V2,building,2018-01-01,2019-01-01',
      ),
    },
    errors: [
      'units.csv:2: opened_on: an open unit needs opened_on',
      'units.csv:3: closed_on: a closed unit needs closed_on',
      'units.csv:4: closed_on: a planned unit cannot have closed_on',
      'units.csv:5: closed_on: 2018-06-01 is before opened_on 2019-01-01',
      'units.csv:6: closed_on: a building unit cannot have closed_on',
    ],
  },
  {
    name: 'an impossible date',
    files: {
      'visits.csv': csv(
        'date,badge,area_code,household_ref',
        '2019-02-30,0001,V1,H1',
        '2019-13-01,0001,V1,H2',
        '19-01-01,0001,V1,H3',
      ),
    },
    errors: [
      'visits.csv:2: date: 2019-02-30 is not a day of the calendar',
      'visits.csv:3: date: 2019-13-01 is not a day of the calendar',
      'visits.csv:4: date: "19-01-01" is not a date (YYYY-MM-DD)',
    ],
  },
  {
    name: 'negative and non-numeric amounts',
    files: {
      'funds.csv': csv(
        'ref,kind,date,recipient_code,amount,purpose',
        'F1,allocation,2019-01-01,K,-5.00,rooms',
        'F2,allocation,2019-01-01,K,abc,rooms',
        'F3,allocation,2019-01-01,K,1.234,rooms',
        'F4,disbursement,2019-01-01,NOPE,1.00,rooms',
      ),
    },
    errors: [
      'funds.csv:2: amount: -5.00 is negative',
      'funds.csv:3: amount: "abc" is not an amount in yuan (at most 2 decimals)',
      'funds.csv:4: amount: "1.234" is not an amount in yuan (at most 2 decimals)',
      'funds.csv:5: recipient_code: no area NOPE exists',
    ],
  },
  {
    name: 'more correct than sampled',
    files: {
      'familiarity_checks.csv': csv(
        'ref,date,badge,sampled,correct',
        'C1,2019-06-01,0001,15,16',
        'C2,2019-06-01,0001,15,-1',
      ),
    },
    errors: [
      'familiarity_checks.csv:2: correct: 16 is more than sampled (15)',
      'familiarity_checks.csv:3: correct: -1 is negative',
    ],
  },
  {
    name: 'a room covering a township and a missing area',
    files: {
      'units.csv': csv(
        UNITS,
        'R2,Room 2,community_room,T,S1,V1;T,open,2018-01-01,',
        'R3,Room 3,rural_office,T,S1,V2;VX,open,2018-01-01,',
      ),
    },
    errors: [
      'units.csv:2: covers: T is a township: a room covers only village-level areas',
      'units.csv:3: covers: no area VX exists',
    ],
  },
  {
    name: 'a room whose station is a bureau, and one whose station does not exist',
    files: {
      'units.csv': csv(
        UNITS,
        'R2,Room 2,community_room,T,B1,V1,open,2018-01-01,',
        'R3,Room 3,community_room,T,S2201,V1,open,2018-01-01,',
      ),
    },
    errors: [
      'units.csv:2: station_code: B1 is a bureau, not a station',
      'units.csv:3: station_code: no station S2201 exists',
    ],
  },
  {
    name: 'a room outside a township',
    files: { 'units.csv': csv(UNITS, 'R2,Room 2,community_room,K,S1,V1,open,2018-01-01,') },
    errors: ['units.csv:2: area_code: a room belongs to a township; K is a county'],
  },
  {
    name: 'records on areas that are not village-level, unknown badges and teams',
    files: {
      'incidents.csv': csv(
        'ref,date,area_code,category',
        'X1,2019-06-01,T,criminal',
        'X2,2019-06-01,NOPE,criminal',
        'X3,2019-06-01,V1,theft',
      ),
      'info_reports.csv': csv(
        'ref,date,badge,category,adopted',
        'I1,2019-06-01,9999,security,yes',
        'I2,2019-06-01,0001,security,maybe',
      ),
      'patrol_logs.csv': csv('date,patrol_code,hours,participants', '2019-06-01,PX,0,3'),
    },
    errors: [
      'incidents.csv:2: area_code: T is a township, not a village-level area',
      'incidents.csv:3: area_code: no area NOPE exists',
      'incidents.csv:4: category: "theft" is not one of criminal, public_order',
      'info_reports.csv:2: badge: no officer with badge 9999 exists',
      'info_reports.csv:3: adopted: "maybe" is not yes or no',
      'patrol_logs.csv:2: hours: 0 must be above 0',
    ],
  },
  {
    name: 'population of a township',
    files: { 'population.csv': csv('area_code,year,residents,households', 'T,2019,100,30', 'V1,1900,100,30') },
    errors: [
      'population.csv:2: area_code: T is a township, not a village-level area',
      'population.csv:3: year: 1900 is below 1949',
    ],
  },
];

for (const engine of ENGINES) {
  describe(`import rejections on ${engine}`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importFolder(db, BASE);
    });
    afterAll(() => db?.close());

    for (const c of CASES) {
      it(`rejects ${c.name}, writing nothing`, async () => {
        const before = await counts(db);
        expect(await rejection(db, c.files)).toEqual(c.errors);
        expect(await counts(db)).toEqual(before);
      });
    }
  });

  describe(`many rejections on ${engine}`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importFolder(db, BASE);
    });
    afterAll(() => db?.close());

    it('counts every rejected row, listing the first thousand', async () => {
      const rows = Array.from({ length: 1500 }, (_, i) => `X${i},2019-06-01,NOPE${i},criminal`);
      const bad = Array.from({ length: 700 }, (_, i) => `Y${i},2019-06-01,V1,theft`);
      const error = await importFolder(db, {
        'incidents.csv': csv('ref,date,area_code,category', ...bad, ...rows),
      }).catch((e: AppError) => e);
      expect((error as AppError).message).toBe(
        'the import was rejected and nothing was written: 2200 errors (the first 1000 are listed)',
      );
      const details = (error as AppError).details as RowError[];
      expect(details).toHaveLength(1000);
      expect(formatRowError(details[0])).toBe(
        'incidents.csv:2: category: "theft" is not one of criminal, public_order',
      );
      expect(formatRowError(details[999])).toBe('incidents.csv:1001: area_code: no area NOPE299 exists');
      expect((await counts(db)).incidents).toBe(0);
    });

    it('counts every repeated key with different data', async () => {
      const rows = Array.from({ length: 1200 }, (_, i) => [
        `X${i},2019-06-01,V1,criminal`,
        `X${i},2019-06-02,V1,criminal`,
      ]).flat();
      const error = await importFolder(db, { 'incidents.csv': csv('ref,date,area_code,category', ...rows) }).catch(
        (e: AppError) => e,
      );
      expect((error as AppError).message).toBe(
        'the import was rejected and nothing was written: 1200 errors (the first 1000 are listed)',
      );
      expect(formatRowError(((error as AppError).details as RowError[])[0])).toBe(
        'incidents.csv:3: ref: the same key as incidents.csv:2 with different data',
      );
    });
  });

  describe(`import acceptances on ${engine}`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await freshDatabase(engine);
    });
    afterAll(() => db?.close());

    it('takes a child area before its parent in the same file', async () => {
      const report = await importFolder(db, {
        'areas.csv': csv(
          AREAS,
          'V1,Village 1,village,T,101',
          'T,Town,township,K,',
          'K,County,county,C,',
          'C,City,city,P,',
          'P,Province,province,,',
        ),
      });
      expect(report.written).toBe(5);
      const v1 = await db.kysely.selectFrom('areas').selectAll().where('code', '=', 'V1').executeTakeFirstOrThrow();
      expect({ province: v1.province, urban_rural: v1.urban_rural }).toEqual({ province: 'P', urban_rural: 'urban' });
    });

    it('takes the same key twice with the same data once', async () => {
      const report = await importFolder(db, {
        'areas.csv': csv(AREAS, 'V2,Village 2,village,T,rural', 'V2,Village 2,village,T,rural'),
      });
      expect(report.kinds).toEqual([{ kind: 'areas', rows: 2, added: 1, replaced: 0, unchanged: 0 }]);
      expect((await counts(db)).areas).toBe(6);
    });

    it('takes an open unit whose closure is dated ahead (SPEC lists no contradiction there)', async () => {
      const report = await importFolder(db, {
        'units.csv': csv(UNITS, 'S9,Station 9,station,T,,,open,2012-01-01,2030-01-01'),
      });
      expect(report.written).toBe(1);
    });

    it('takes a township directly under a city (a level skipped)', async () => {
      const report = await importFolder(db, { 'areas.csv': csv(AREAS, 'T2,Town 2,township,C,') });
      expect(report.written).toBe(1);
    });
  });
}

async function importFolder(db: Database, files: Record<string, string>): Promise<ImportReport> {
  return importSources(db, await sourcesFromPaths([folder(files)]), { actor: 'test', source: 'test' });
}

/** The formatted row errors of an import that must be rejected. */
async function rejection(db: Database, files: Record<string, string>): Promise<string[]> {
  const error = await importFolder(db, files).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('import_rejected');
  const rows = (error as AppError).details as RowError[];
  // Every rejected row carries a registered code whose English, from its parameters, is the
  // reason, and which the web can say in Chinese.
  for (const r of rows) {
    expect(renderError(r.code, r.params, 'en'), formatRowError(r)).toBe(r.reason);
    expect(renderError(r.code, r.params, 'zh'), formatRowError(r)).toMatch(/\p{Script=Han}/u);
  }
  return rows.map(formatRowError);
}

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-import-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

async function counts(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await db.kysely
      .selectFrom(table as 'areas')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}
