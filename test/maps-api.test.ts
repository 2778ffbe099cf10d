/**
 * The map's routes on both engines: GET boundaries (SPEC §5) answers the shapes of Jilin's areas
 * by the database's codes and names, every child without a shape as missing (all of them in a
 * province that is not Jilin), revalidates by ETag and follows the aggregate scope; map/figures
 * agrees with GET rankings; map/rooms answers the points of the rooms an account sees.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { loadJilinAreas } from '../src/modules/demo/generate.ts';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { load } from './support/factory.ts';
import { importProvince51 } from './support/province-51.ts';
import { adminHeaders, sessionHeaders } from './support/session.ts';

const JILIN = '220000000000';
const CHANGCHUN = '220100000000';
const JILIN_CITY = '220200000000';
const NANGUAN = '220102000000';
const ZONES = ['220171000000', '220172000000', '220173000000', '220174000000'];

/** Jilin's province, cities and counties, and one township of 南关区 with two villages and rooms. */
const areas = [
  ...loadJilinAreas().filter((a) => ['province', 'city', 'county'].includes(a.level)),
  { code: 'T1', name: '东风街道', level: 'township', parent_code: NANGUAN, urban_rural: '' },
  { code: 'V1', name: '东风社区', level: 'village', parent_code: 'T1', urban_rural: 'urban' },
  { code: 'V2', name: '东风村', level: 'village', parent_code: 'T1', urban_rural: 'rural' },
];
const unit = (code: string, type: string, extra: Record<string, string | number>) => ({
  code,
  name: `${code} name`,
  type,
  area_code: 'T1',
  station_code: type === 'station' ? '' : 'S1',
  covers: type === 'station' ? '' : 'V1',
  status: 'open',
  opened_on: '2018-01-01',
  closed_on: '',
  ...extra,
});
const units = [
  unit('S1', 'station', {}),
  unit('R1', 'community_room', { longitude: 125.35, latitude: 43.86, address: '东风路1号' }),
  unit('R2', 'rural_office', { covers: 'V2', status: 'closed', closed_on: '2019-01-01' }),
];

for (const engine of ENGINES) {
  describe(`maps on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let admin: Record<string, string>;
    const get = (url: string, headers: Record<string, string> = admin) => app.inject({ url, headers });

    beforeAll(async () => {
      db = await freshDatabase(engine);
      await load(db, { areas, units });
      app = await buildApp(createContext(db), { access: { publicAggregates: false, requireAdminTotp: false } });
      admin = await adminHeaders(db);
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it("answers the province's nine cities as a FeatureCollection, nothing missing", async () => {
      const res = await get(`/api/v1/boundaries?within=${JILIN}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
      const body = res.json();
      expect(body.type).toBe('FeatureCollection');
      expect(body.missing).toEqual([]);
      expect(body.outline).toBeNull();
      const cities = areas.filter((a) => a.level === 'city');
      expect(body.features.map((f: { properties: unknown }) => f.properties)).toEqual(
        cities.map((c) => ({ code: c.code, name: c.name, level: 'city' })),
      );
      for (const f of body.features) {
        expect(f.type).toBe('Feature');
        expect(f.geometry.type).toBe('MultiPolygon');
      }
      console.log(`boundaries within the province: ${res.rawPayload.length} bytes`);
      expect(res.rawPayload.length).toBeLessThan(80_000);
    });

    it("answers 长春市's counties with 公主岭, its four development zones as missing", async () => {
      const body = (await get(`/api/v1/boundaries?within=${CHANGCHUN}`)).json();
      const codes = body.features.map((f: { properties: { code: string } }) => f.properties.code);
      expect(codes).toHaveLength(11);
      expect(codes).toContain('220184000000');
      expect(body.missing).toEqual(ZONES);
      expect([...codes, ...body.missing].sort()).toEqual(
        areas
          .filter((a) => a.parent_code === CHANGCHUN)
          .map((a) => a.code)
          .sort(),
      );
    });

    it('answers a county without shaped children: every township missing, the county as the outline', async () => {
      const body = (await get(`/api/v1/boundaries?within=${NANGUAN}`)).json();
      expect(body.features).toEqual([]);
      expect(body.missing).toEqual(['T1']);
      expect(body.outline.properties).toEqual({ code: NANGUAN, name: '南关区', level: 'county' });
      expect((await get('/api/v1/boundaries?within=V1')).json()).toMatchObject({
        features: [],
        missing: [],
        outline: null,
      });
    });

    it('revalidates by ETag, gzips when asked, and names an unknown or malformed area', async () => {
      const first = await get(`/api/v1/boundaries?within=${CHANGCHUN}`);
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^"b-[\w-]+"$/);
      expect(first.headers['cache-control']).toBe('private, no-cache');
      const again = await get(`/api/v1/boundaries?within=${CHANGCHUN}`, { ...admin, 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      const weak = await get(`/api/v1/boundaries?within=${CHANGCHUN}`, { ...admin, 'if-none-match': `"x", W/${etag}` });
      expect(weak.statusCode).toBe(304);
      const other = await get(`/api/v1/boundaries?within=${JILIN}`, { ...admin, 'if-none-match': etag });
      expect(other.statusCode).toBe(200);
      expect(other.headers.etag).not.toBe(etag);
      const zipped = await get(`/api/v1/boundaries?within=${CHANGCHUN}`, { ...admin, 'accept-encoding': 'gzip, br' });
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(zipped.rawPayload).toString()).toBe(first.body);
      console.log(`boundaries within 长春市: ${first.rawPayload.length} bytes, ${zipped.rawPayload.length} gzipped`);
      expect((await get('/api/v1/boundaries?within=NOWHERE')).statusCode).toBe(404);
      expect((await get('/api/v1/boundaries?within=a%20b')).statusCode).toBe(400);
      expect((await get('/api/v1/boundaries')).statusCode).toBe(400);
    });

    it('answers the names the database has now, under a new ETag', async () => {
      const before = await get(`/api/v1/boundaries?within=${JILIN}`);
      await load(db, { areas: [{ ...areas.find((a) => a.code === CHANGCHUN)!, name: '长春' }] });
      const after = await get(`/api/v1/boundaries?within=${JILIN}`, {
        ...admin,
        'if-none-match': String(before.headers.etag),
      });
      expect(after.statusCode).toBe(200);
      expect(after.json().features[0].properties.name).toBe('长春');
      await load(db, { areas: [areas.find((a) => a.code === CHANGCHUN)!] });
    });

    it("follows the aggregate scope: a manager sees its city's and its parent's, not another city's", async () => {
      const manager = await sessionHeaders(db, { username: 'cc-manager', role: 'manager', area: CHANGCHUN });
      expect((await get(`/api/v1/boundaries?within=${CHANGCHUN}`, manager)).statusCode).toBe(200);
      expect((await get(`/api/v1/boundaries?within=${JILIN}`, manager)).statusCode).toBe(200);
      expect((await get(`/api/v1/boundaries?within=${NANGUAN}`, manager)).statusCode).toBe(200);
      const refused = await get(`/api/v1/boundaries?within=${JILIN_CITY}`, manager);
      expect(refused.statusCode).toBe(404);
      expect(refused.json().error).toMatchObject({ code: 'area_not_found', category: 'not_found' });
      const auditor = await sessionHeaders(db, { username: 'maps-auditor', role: 'auditor' });
      expect((await get(`/api/v1/boundaries?within=${JILIN}`, auditor)).statusCode).toBe(403);
      expect((await get(`/api/v1/boundaries?within=${JILIN}`, {})).statusCode).toBe(401);
    });

    it('answers the figures of GET rankings with every indicator of the scheme', async () => {
      for (const scheme of ['performance', 'construction']) {
        const q = `month=2019-06&within=${CHANGCHUN}&scheme=${scheme}`;
        const figures = (await get(`/api/v1/map/figures?${q}`)).json();
        const rankings = (await get(`/api/v1/rankings?${q}`)).json();
        expect(
          figures.map((f: Record<string, unknown>) => [f.code, f.rank, f.composite, f.lagging, f.problems]),
        ).toEqual(rankings.map((r: Record<string, unknown>) => [r.code, r.rank, r.composite, r.lagging, r.problems]));
        const indicators = (await get(`/api/v1/indicators?month=2019-06&area=${NANGUAN}&scheme=${scheme}`)).json();
        expect(figures.find((f: { code: string }) => f.code === NANGUAN).indicators).toEqual(indicators.indicators);
        const completeness = (await get(`/api/v1/completeness?month=2019-06&within=${CHANGCHUN}`)).json();
        expect(figures.map((f: { code: string; completeness: unknown }) => [f.code, f.completeness])).toEqual(
          figures.map((f: { code: string }) => {
            const { code, name: _, ...c } = completeness.find((r: { code: string }) => r.code === f.code);
            return [code, c];
          }),
        );
      }
    });

    it("answers the rooms of a subtree with their points and whether open, none outside an account's scope", async () => {
      const res = await get(`/api/v1/map/rooms?within=${CHANGCHUN}&date=2019-06-30`);
      expect(res.json()).toEqual({
        date: '2019-06-30',
        total: 2,
        items: [
          {
            code: 'R1',
            name: 'R1 name',
            type: 'community_room',
            status: 'open',
            open: true,
            area_code: 'T1',
            longitude: 125.35,
            latitude: 43.86,
          },
          {
            code: 'R2',
            name: 'R2 name',
            type: 'rural_office',
            status: 'closed',
            open: false,
            area_code: 'T1',
            longitude: null,
            latitude: null,
          },
        ],
      });
      const manager = await sessionHeaders(db, { username: 'jl-manager', role: 'manager', area: JILIN_CITY });
      expect((await get(`/api/v1/map/rooms?within=${JILIN}`, manager)).json().total).toBe(0);
    });
  });

  describe(`the public page's room on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await load(db, { areas, units });
      app = await buildApp(createContext(db));
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it("answers a room's address and its county drawn small with the room's point, to anyone", async () => {
      const res = await app.inject({ url: '/api/v1/public/officers?area=V1' });
      expect(res.statusCode).toBe(200);
      const [room] = res.json().rooms;
      expect(room.address).toBe('东风路1号');
      expect(room.map.area).toBe('南关区');
      expect(Math.max(room.map.width, room.map.height)).toBe(240);
      expect(room.map.path).toMatch(/^M[\d. L]+Z/);
      const [x, y] = room.map.point;
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(room.map.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(room.map.height);
      // Drawn small: a few kilobytes, not the county's full shape.
      expect(res.rawPayload.length).toBeLessThan(12_000);
    });

    it('answers no map for a room without a point', async () => {
      await load(db, { units: [unit('R3', 'community_room', { covers: 'V2' })] });
      const [room] = (await app.inject({ url: '/api/v1/public/officers?area=V2' })).json().rooms;
      expect(room).toMatchObject({ name: 'R3 name', address: null, map: null });
    });
  });

  describe(`maps of a province that is not Jilin, on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      app = await buildApp(createContext(db), { access: { publicAggregates: false, requireAdminTotp: false } });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('answers every child as missing', async () => {
      const headers = await adminHeaders(db);
      const res = await app.inject({ url: '/api/v1/boundaries?within=510000000000', headers });
      const children = await db.kysely
        .selectFrom('areas')
        .select('code')
        .where('parent_code', '=', '510000000000')
        .orderBy('code')
        .execute();
      expect(children.length).toBeGreaterThan(0);
      expect(res.json()).toEqual({
        type: 'FeatureCollection',
        within: '510000000000',
        features: [],
        missing: children.map((c) => c.code),
        outline: null,
      });
    });
  });
}
