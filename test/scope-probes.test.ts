/**
 * People and records outside an account's scope do not exist for it (issue 16, findings 1 and
 * 6): every route that takes an identifier, asked by a city manager and by an officer about a
 * target inside, one outside and one that does not exist. The outside answer must be the
 * nonexistent one — status, content type and body — once the request id is removed and the
 * identifier asked for is written the same in both. Probes outside are audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';
import { ensureAccount, sessionToken } from './support/session.ts';
import { seedSupervision, type SupervisionFixture } from './support/supervision.ts';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { PROBES, NO_TARGET, officerPreview, type Target } from './support/scope-probes.ts';

type Where = 'inside' | 'outside' | 'missing';

/** What no area, unit, officer, task, notice or evidence file of province 51 is. */
const MISSING = {
  area: '510109000000',
  within: '510900000000',
  unit: 'S510109001000',
  room: 'R51010900100001',
  badge: '0199999',
  task: 999999,
  evidence: 999998,
  notice: 999997,
  appeal: 999996,
  appealEvidence: 999995,
};

interface Persona {
  name: string;
  account: { role: 'manager' | 'officer'; area?: string; badge?: string };
  targets(sup: SupervisionFixture): Record<Where, Target>;
}

/** The supervision targets of a task's area and a notice's area; `home` is always City 2's own task. */
function supervised(sup: SupervisionFixture, taskArea: string, noticeArea: string) {
  return {
    task: sup.tasks[taskArea],
    home: sup.tasks['510201000000'],
    evidence: sup.evidence[taskArea],
    notice: sup.notices[noticeArea],
    appeal: sup.appeals[taskArea],
    appealEvidence: sup.appealEvidence[taskArea],
  };
}

/** The manager of City 2: its parent's ranking is beside it; City 1's counties are outside. */
const CITY_MANAGER: Persona = {
  name: 'city-manager',
  account: { role: 'manager', area: '510200000000' },
  targets: (sup) => ({
    inside: {
      area: '510201000000',
      within: '510200000000',
      unit: 'S510201001000',
      room: 'R51020100100001',
      badge: '0100012',
      ...supervised(sup, '510201000000', '510200000000'),
    },
    outside: {
      area: '510101000000',
      within: '510100000000',
      unit: 'S510101001000',
      room: 'R51010100200001',
      badge: '0100001',
      ...supervised(sup, '510101000000', '510100000000'),
    },
    missing: { ...MISSING, home: sup.tasks['510201000000'] },
  }),
};

/** Officer 0100007 of room R51020100100001: the other room of its town, and its officer, are outside. */
const OFFICER: Persona = {
  name: 'room-officer',
  account: { role: 'officer', badge: '0100007' },
  targets: (sup) => ({
    inside: {
      area: '510201001000',
      within: '510201001000',
      unit: 'R51020100100001',
      room: 'R51020100100001',
      badge: '0100007',
      ...supervised(sup, '510201000000', '510201001000'),
    },
    outside: {
      area: '510101000000',
      within: '510100000000',
      unit: 'R51020100100002',
      room: 'R51010100200001',
      badge: '0100008',
      ...supervised(sup, '510101000000', '510100000000'),
    },
    missing: { ...MISSING, home: sup.tasks['510201000000'] },
  }),
};

const PERSONAS = [CITY_MANAGER, OFFICER];

const PROVINCE = '510000000000';
/** Answers that list officers with their figures, as the audit names them, and the badges each shows. */
const PEOPLE_LISTS: [string, InjectOptions, (body: never) => string[]][] = [
  [
    'officer rankings',
    { url: `/api/v1/rankings/officers?month=2019-06&within=${PROVINCE}` },
    (rows: { code: string }[]) => rows.map((r) => r.code),
  ],
  [
    'officer rankings (preview)',
    { method: 'POST', url: `/api/v1/rankings/preview?month=2019-06&within=${PROVINCE}`, payload: officerPreview },
    (rows: { code: string }[]) => rows.map((r) => r.code),
  ],
  [
    'officer proposals',
    { url: `/api/v1/proposals?month=2019-06&within=${PROVINCE}` },
    (rows: { subject_kind: string; code: string }[]) =>
      rows.filter((p) => p.subject_kind === 'officer').map((p) => p.code),
  ],
];

interface Answer {
  status: number;
  type: string;
  body: string;
}

/** The answer with its request id removed and each identifier of the target written as its name. */
function normalized(res: { statusCode: number; headers: Record<string, unknown>; body: string }, t: Target): Answer {
  let body = res.body;
  if (String(res.headers['content-type'] ?? '').startsWith('application/json')) {
    const parsed = JSON.parse(body) as { error?: { request_id?: unknown } };
    if (parsed.error) delete parsed.error.request_id;
    body = JSON.stringify(parsed);
  }
  // Longest first, so that a code is not rewritten inside a longer one.
  const ids = Object.entries(t).sort(([, a], [, b]) => String(b).length - String(a).length);
  for (const [name, value] of ids)
    body = body.replace(new RegExp(`(?<![0-9A-Za-z])${String(value)}(?![0-9A-Za-z])`, 'g'), `<${name}>`);
  return { status: res.statusCode, type: String(res.headers['content-type'] ?? ''), body };
}

for (const engine of ENGINES) {
  describe(`out of scope answers as nonexistent on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let sup: SupervisionFixture;
    const tokens = new Map<string, string>();

    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      sup = await seedSupervision(
        db,
        ['510201000000', '510200000000', '510100000000', '510201001000'],
        ['510201000000', '510101000000'],
      );
      app = await buildApp(createContext(db), {
        web: false,
        access: { publicAggregates: false, requireAdminTotp: false },
      });
      for (const p of PERSONAS) {
        await ensureAccount(db, { username: p.name, ...p.account });
        tokens.set(p.name, await sessionToken(db, p.name));
      }
      await ensureAccount(db, { username: 'province-analyst', role: 'analyst' });
      tokens.set('province-analyst', await sessionToken(db, 'province-analyst'));
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('has a probe, or a reason for none, for every route the app registers', () => {
      const registered = app.routeCatalog.map((r) => `${r.method} ${r.url}`);
      const probed = new Set(PROBES.map((p) => p.route));
      const missing = registered.filter((r) => !probed.has(r) && !NO_TARGET.includes(r));
      expect(missing, 'routes without a probe in test/support/scope-probes.ts').toEqual([]);
    });

    for (const persona of PERSONAS) {
      it(`answers ${persona.name}'s probes outside exactly as those of nothing`, async () => {
        const targets = persona.targets(sup);
        const ask = (request: InjectOptions) =>
          app.inject({
            ...request,
            headers: { authorization: `Bearer ${tokens.get(persona.name)}`, ...(request.headers ?? {}) },
          });
        const wrong: string[] = [];
        for (const probe of PROBES) {
          const label = `${probe.route} ${probe.name ?? ''}`.trim();
          const outside = normalized(await ask(probe.request(targets.outside)), targets.outside);
          const missing = normalized(await ask(probe.request(targets.missing)), targets.missing);
          if (JSON.stringify(outside) !== JSON.stringify(missing))
            wrong.push(`${label}\n  outside: ${JSON.stringify(outside)}\n  missing: ${JSON.stringify(missing)}`);
          if (probe.write) continue;
          // The target inside is one the account sees: the probe is not one that nothing could pass.
          const inside = await ask(probe.request(targets.inside));
          if (inside.statusCode >= 400 && inside.statusCode !== 403)
            wrong.push(`${label}: inside answered ${inside.statusCode} ${inside.body.slice(0, 200)}`);
        }
        expect(wrong).toEqual([]);
      });
    }

    for (const [target, request, badgesOf] of PEOPLE_LISTS) {
      it(`lists in a city manager's province-wide ${target} only its own city's officers, a read of people`, async () => {
        const as = (name: string) => ({ authorization: `Bearer ${tokens.get(name)}` });
        const visible = await app.inject({
          url: '/api/v1/officers?area=510200000000&limit=500',
          headers: as(CITY_MANAGER.name),
        });
        const city = new Set<string>(visible.json().items.map((p: { badge: string }) => p.badge));
        expect(city.size).toBeGreaterThan(0);
        // An account of the whole province is shown officers of other cities: what a city manager must not see.
        const all = badgesOf((await app.inject({ ...request, headers: as('province-analyst') })).json() as never);
        expect(all.filter((b) => !city.has(b)).length).toBeGreaterThan(0);
        const res = await app.inject({ ...request, headers: as(CITY_MANAGER.name) });
        expect(res.statusCode).toBe(200);
        const shown = badgesOf(res.json() as never);
        expect(shown.length).toBeGreaterThan(0);
        expect(shown.filter((b) => !city.has(b))).toEqual([]);
        const read = await db.kysely
          .selectFrom('audit_log')
          .select(['target', 'detail'])
          .where('action', '=', 'people.read')
          .where('actor', '=', `user:${CITY_MANAGER.name}`)
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow();
        expect(read.target).toBe(target);
        expect(JSON.parse(read.detail).badges).toEqual(shown);
      });
    }

    it('audits a probe outside the scope: the account, the route and the target', async () => {
      const { outside } = CITY_MANAGER.targets(sup);
      const res = await app.inject({
        url: `/api/v1/officers/${outside.badge}`,
        headers: { authorization: `Bearer ${tokens.get(CITY_MANAGER.name)}` },
      });
      expect(res.statusCode).toBe(404);
      const entries = await db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'scope.probe')
        .where('actor', '=', `user:${CITY_MANAGER.name}`)
        .where('target', '=', `/api/v1/officers/${outside.badge}`)
        .execute();
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.at(-1)).toMatchObject({ via: 'GET /api/v1/officers/:badge', outcome: 'refused' });
      expect(JSON.parse(entries.at(-1)!.detail)).toEqual({
        code: 'officer_not_found',
        params: { badge: outside.badge },
      });
      // A badge no one holds is audited alike: the entry does not tell the two apart either.
      await app.inject({
        url: `/api/v1/officers/${MISSING.badge}`,
        headers: { authorization: `Bearer ${tokens.get(CITY_MANAGER.name)}` },
      });
      const missing = await db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'scope.probe')
        .where('target', '=', `/api/v1/officers/${MISSING.badge}`)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(missing.detail)).toEqual({ code: 'officer_not_found', params: { badge: MISSING.badge } });
      // A province-wide account's question about nothing is no probe of a scope.
      await app.inject({
        url: `/api/v1/officers/${MISSING.badge}`,
        headers: { authorization: `Bearer ${tokens.get('province-analyst')}` },
      });
      const analysts = await db.kysely
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'scope.probe')
        .where('actor', '=', 'user:province-analyst')
        .execute();
      expect(analysts).toEqual([]);
    });
  });
}
