/**
 * GET search on both engines: officers by badge or name and rooms by name or code, each officer
 * once with the posting that holds today, within the account's scope (people and rooms outside
 * do not exist), audited as a read of people when it names officers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import type { SearchAnswer } from '#core/contracts/search.schema.ts';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';
import { adminHeaders, sessionHeaders } from './support/session.ts';

const CITY_1 = '510100000000';

for (const engine of ENGINES) {
  describe(`search on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let admin: Record<string, string>;
    let manager: Record<string, string>;
    const search = async (q: string, headers = admin) => {
      const res = await app.inject({ url: `/api/v1/search?q=${encodeURIComponent(q)}`, headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as SearchAnswer;
    };

    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      app = await buildApp(createContext(db), { access: { publicAggregates: false, requireAdminTotp: false } });
      admin = await adminHeaders(db);
      manager = await sessionHeaders(db, { username: 'm-city-1', role: 'manager', area: CITY_1 });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('finds an officer by the start of a badge, once, with the posting of today', async () => {
      // 0100023 moved from a station to a room on 2019-06-29: today it is at the room.
      const found = await search('0100023');
      expect(found.officers).toEqual([
        {
          badge: '0100023',
          name: 'Officer 0100023',
          role: 'community',
          unit_code: 'R51030100200002',
          unit_name: 'Room 002000-2',
          current: true,
        },
      ]);
      const many = await search('01000');
      expect(many.officers.map((o) => o.badge)).toEqual([...new Set(many.officers.map((o) => o.badge))].sort());
      expect(many.officers).toHaveLength(8);
    });

    it('finds officers by a part of the name and rooms by a part of theirs, rooms only', async () => {
      const officers = await search('cer 010001');
      expect(officers.officers.length).toBeGreaterThan(0);
      expect(officers.officers.every((o) => o.name.includes('cer 010001'))).toBe(true);
      const rooms = await search('Room 002000');
      expect(rooms.rooms.length).toBeGreaterThan(1);
      expect(rooms.rooms.every((r) => r.name.includes('Room 002000'))).toBe(true);
      expect(rooms.rooms.every((r) => r.type === 'community_room' || r.type === 'rural_office')).toBe(true);
      expect((await search('Station 1.1.1')).rooms).toEqual([]);
    });

    it('answers nothing outside the scope: a manager of city 1 finds no officer or room of city 3', async () => {
      const admins = await search('R51030100200002');
      expect(admins.rooms.map((r) => r.code)).toEqual(['R51030100200002']);
      const mine = await search('R51030100200002', manager);
      expect(mine.rooms).toEqual([]);
      expect((await search('0100023', manager)).officers).toEqual([]);
      const inside = await search('Room', manager);
      expect(inside.rooms.length).toBeGreaterThan(0);
      expect(inside.rooms.every((r) => r.code.startsWith('R5101'))).toBe(true);
    });

    it('audits an answer naming officers as a read of people, with the badges shown', async () => {
      const found = await search('0100001', manager);
      const audit = await app.inject({ url: '/api/v1/audit?action=people.read&limit=10', headers: admin });
      const entry = (audit.json() as { items: { actor: string; target: string; detail: string }[] }).items.find(
        (e) => e.actor.includes('m-city-1') && e.target === 'search',
      );
      expect(entry).toBeTruthy();
      expect(JSON.parse(entry!.detail)).toEqual({ q: '0100001', badges: found.officers.map((o) => o.badge) });
    });

    it('refuses an empty search and an auditor, who reads no people', async () => {
      expect((await app.inject({ url: '/api/v1/search?q=', headers: admin })).statusCode).toBe(400);
      const auditor = await sessionHeaders(db, { username: 'aud', role: 'auditor' });
      expect((await app.inject({ url: '/api/v1/search?q=Room', headers: auditor })).statusCode).toBe(403);
    });
  });
}
