/**
 * Units' optional address, longitude and latitude on both engines: files without them stay valid,
 * files and API rows with them are stored and answered, and a bad point is refused, named by its
 * file, line and column, with nothing written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db/database.ts';
import { importSources } from '../src/modules/imports/import.service.ts';
import { sourcesFromPaths } from '../src/modules/imports/sources.ts';
import { openTable } from '../src/modules/imports/reader/index.ts';
import { templateBytes } from '../src/modules/imports/template.service.ts';
import { AppError, formatRowError, type RowError } from '../src/shared/errors.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { adminHeaders } from './support/session.ts';

const csv = (...lines: string[]) => `${lines.join('\n')}\n`;
const AREAS = 'code,name,level,parent_code,urban_rural';
const UNITS = 'code,name,type,area_code,station_code,covers,status,opened_on,closed_on';
const ROOM = 'R1,Room,community_room,T,S1,V1,open,2018-01-01,';

const BASE = {
  'areas.csv': csv(
    AREAS,
    'P,Province,province,,',
    'C,City,city,P,',
    'K,County,county,C,',
    'T,Town,township,K,',
    'V1,Village 1,village,T,urban',
  ),
  'units.csv': csv(UNITS, 'S1,Station,station,T,,,open,2012-01-01,', ROOM),
};

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-locations-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

async function importFolder(db: Database, files: Record<string, string>) {
  return importSources(db, await sourcesFromPaths([folder(files)]), { actor: 'test', source: 'test' });
}

async function rejection(db: Database, files: Record<string, string>): Promise<string[]> {
  const error = await importFolder(db, files).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return ((error as AppError).details as RowError[]).map(formatRowError);
}

const location = (db: Database, code: string) =>
  db.kysely
    .selectFrom('units')
    .select(['address', 'longitude', 'latitude'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();

for (const engine of ENGINES) {
  describe(`unit locations on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importFolder(db, BASE);
      app = await buildApp(createContext(db));
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('keeps a units file without the location columns valid: no address, no point', async () => {
      expect(await location(db, 'R1')).toEqual({ address: null, longitude: null, latitude: null });
    });

    it('stores an address and a point, under Chinese headers too, and answers them', async () => {
      const report = await importFolder(db, {
        'units.csv': csv(
          '单位代码,名称,类型,所属区划,所属派出所,覆盖村居,状态,启用日期,撤销日期,地址,经度,纬度',
          'R2,Room 2,community_room,T,S1,V1,open,2018-01-01,,长春市南关区民康路88号,125.3245,43.8868',
        ),
      });
      expect(report.written).toBe(1);
      expect(await location(db, 'R2')).toEqual({
        address: '长春市南关区民康路88号',
        longitude: 125.3245,
        latitude: 43.8868,
      });
      const res = await app.inject({ url: '/api/v1/units/R2', headers: await adminHeaders(db) });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ address: '长春市南关区民康路88号', longitude: 125.3245, latitude: 43.8868 });
      const list = await app.inject({ url: '/api/v1/units?q=R2', headers: await adminHeaders(db) });
      expect(list.json().items[0]).toMatchObject({ longitude: 125.3245, latitude: 43.8868 });
    });

    it('takes an address without a point', async () => {
      await importFolder(db, {
        'units.csv': csv(`${UNITS},address`, 'R3,Room 3,community_room,T,S1,V1,open,2018-01-01,,东风路1号'),
      });
      expect(await location(db, 'R3')).toEqual({ address: '东风路1号', longitude: null, latitude: null });
    });

    it('refuses half a point, a point out of range, outside China or swapped, writing nothing', async () => {
      const errors = await rejection(db, {
        'units.csv': csv(
          `${UNITS},longitude,latitude`,
          'R4,Room 4,community_room,T,S1,V1,open,2018-01-01,,125.3,43.8',
          'R5,Room 5,community_room,T,S1,V1,open,2018-01-01,,125.3,',
          'R6,Room 6,community_room,T,S1,V1,open,2018-01-01,,,43.8',
          'R7,Room 7,community_room,T,S1,V1,open,2018-01-01,,200,43.8',
          'R8,Room 8,community_room,T,S1,V1,open,2018-01-01,,-0.1,51.5',
          'R9,Room 9,community_room,T,S1,V1,open,2018-01-01,,43.8,87.6',
          'R10,Room 10,community_room,T,S1,V1,open,2018-01-01,,east,43.8',
        ),
      });
      expect(errors).toEqual([
        'units.csv:3: latitude: a longitude needs its latitude (give both or neither)',
        'units.csv:4: longitude: a latitude needs its longitude (give both or neither)',
        'units.csv:5: longitude: 200 is above 180',
        'units.csv:6: longitude: -0.1, 51.5 is outside China (longitude 73.4 to 135.1, latitude 3.8 to 53.6)',
        'units.csv:7: longitude: 43.8, 87.6 is outside China (longitude 73.4 to 135.1, latitude 3.8 to 53.6); longitude and latitude look swapped',
        'units.csv:8: longitude: "east" is not a number',
      ]);
      const stored = await db.kysely.selectFrom('units').select('code').where('code', 'in', ['R4', 'R5']).execute();
      expect(stored).toEqual([]);
    });

    it('takes a point posted as a record (the location form), keeping the earlier row in its history', async () => {
      const headers = await adminHeaders(db);
      const row = {
        code: 'R1',
        name: 'Room',
        type: 'community_room',
        area_code: 'T',
        station_code: 'S1',
        covers: 'V1',
        status: 'open',
        opened_on: '2018-01-01',
        closed_on: '',
        address: '东风路12号',
        longitude: 125.5,
        latitude: 43.9,
      };
      const res = await app.inject({ method: 'POST', url: '/api/v1/records/units', headers, payload: [row] });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({ written: 1 });
      expect(await location(db, 'R1')).toEqual({ address: '东风路12号', longitude: 125.5, latitude: 43.9 });
      const history = await db.kysely
        .selectFrom('history')
        .select('data')
        .where('kind', '=', 'units')
        .where('row_key', '=', 'R1')
        .execute();
      expect(history).toHaveLength(1);
      const bad = await app.inject({
        method: 'POST',
        url: '/api/v1/records/units',
        headers,
        payload: [{ ...row, latitude: '' }],
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error.details).toEqual([
        {
          file: 'units',
          line: 1,
          column: 'latitude',
          code: 'latitude_missing',
          params: {},
          reason: 'a longitude needs its latitude (give both or neither)',
        },
      ]);
      expect(await location(db, 'R1')).toEqual({ address: '东风路12号', longitude: 125.5, latitude: 43.9 });
    });
  });
}

describe('the units template', () => {
  it('heads the location columns 地址, 经度 and 纬度, optional', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-template-')), 'units.xlsx');
    fs.writeFileSync(file, await templateBytes('units', 'zh'));
    const table = await openTable(file, { sheet: 'units' });
    expect(table.header.slice(-3)).toEqual(['地址', '经度', '纬度']);
    await table.close();
  });
});
