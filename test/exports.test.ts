/**
 * Every table of the web downloads from its own route as XLSX and CSV (`&format=xlsx|csv`),
 * on both engines. Each export is read back with a reader that is not ours (exceljs for XLSX,
 * csv-parse for CSV) and compared cell by cell with the route's JSON answer: every row of what
 * is filtered (not one page), headers in Chinese (or English with `&lang=en`), the ranking's
 * first columns as SPEC §5 fixes them, text a spreadsheet would take for a formula kept text,
 * scope applied and reads of officers audited.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { load } from './support/factory.ts';
import { importProvince51 } from './support/province-51.ts';
import { adminHeaders, sessionHeaders } from './support/session.ts';
import { seedSupervision } from './support/supervision.ts';

const PROVINCE = '510000000000';
const CITY = '510100000000';
const COUNTY = '510101000000';
const TOWN = '510101001000';
const MONTH = '2019-06';

type Cell = string | number | boolean | null;
type Json = Record<string, unknown>;
const HAN = /\p{Script=Han}/u;

/** Rows a spreadsheet would take for formulas: an area, a station and a fund. */
const FORMULAS = {
  areas: [
    {
      code: 'X-1',
      name: '=HYPERLINK("http://example.invalid","x")',
      level: 'township',
      parent_code: COUNTY,
      urban_rural: '',
    },
  ],
  units: [
    {
      code: 'S-FORMULA',
      name: '@SUM(1,2)',
      type: 'station',
      area_code: TOWN,
      station_code: '',
      covers: '',
      status: 'open',
      opened_on: '2010-01-01',
      closed_on: '',
    },
  ],
  funds: [
    {
      ref: 'F-FORMULA',
      kind: 'allocation',
      date: '2019-01-02',
      recipient_code: TOWN,
      amount: '10.50',
      purpose: '+1-2',
    },
    { ref: 'F-MINUS', kind: 'allocation', date: '2019-01-03', recipient_code: TOWN, amount: '1.00', purpose: '-cmd' },
  ],
};

interface Case {
  name: string;
  /** The route with its filters, without format. */
  url: string;
  /** The rows of the JSON answer. */
  rows(json: unknown): Json[];
  /** One row of the JSON as the export's cells, in order. */
  cells(row: Json): Cell[];
  /** The exact Chinese header, where SPEC or the test fixes it. */
  header?: string[];
}

const list = (v: unknown) => (v as string[]).join(';');
const items = (json: unknown) => (json as { items: Json[] }).items;
const arr = (json: unknown) => json as Json[];
const at = (o: unknown, path: string): Cell => {
  let v: unknown = o;
  for (const k of path.split('.')) v = v === null || v === undefined ? null : (v as Json)[k];
  return (v ?? null) as Cell;
};
const pick =
  (...paths: string[]) =>
  (row: Json): Cell[] =>
    paths.map((p) => at(row, p));
const rankingCells = (r: Json): Cell[] => [r.rank, r.code, r.name, r.composite, r.lagging, list(r.problems)] as Cell[];
const changeCells = (r: Json): Cell[] => [r.previous_rank, r.rank_change, r.composite_change] as Cell[];

function cases(badge: string): Case[] {
  return [
    {
      name: 'rankings',
      url: `/api/v1/rankings?month=${MONTH}&within=${PROVINCE}&scheme=performance`,
      rows: arr,
      cells: (r) => [...rankingCells(r), ...changeCells(r)],
      header: ['名次', '代码', '名称', '综合得分', '落后', '问题', '上月名次', '名次变化', '得分变化'],
    },
    {
      name: 'rankings of rooms',
      url: `/api/v1/rankings/units?month=${MONTH}&within=${PROVINCE}&type=room`,
      rows: arr,
      cells: (r) => [...rankingCells(r), r.type, r.area_code, r.station_code, ...changeCells(r)] as Cell[],
    },
    {
      name: 'rankings of officers',
      url: `/api/v1/rankings/officers?month=${MONTH}&within=${CITY}`,
      rows: arr,
      cells: (r) => [...rankingCells(r), r.unit_code, r.area_code, ...changeCells(r)] as Cell[],
    },
    {
      name: 'explain',
      url: `/api/v1/explain?month=${MONTH}&area=${CITY}&scheme=performance&indicator=awareness_rate`,
      rows: (j) => {
        const e = j as { area: string; own: Json; children: Json[] };
        return [...e.children, { code: e.area, name: '（本级）', ...e.own }];
      },
      cells: pick('code', 'name', 'numerator', 'denominator'),
      header: ['代码', '名称', '分子', '分母'],
    },
    {
      name: 'trend of an officer',
      url: `/api/v1/trend?kind=officer&code=${badge}&month=${MONTH}`,
      rows: (j) => (j as { points: Json[] }).points,
      cells: (p) => [p.month, p.scheme_version, p.composite, ...Object.values(p.indicators as Json)] as Cell[],
    },
    {
      name: 'informational figures',
      url: `/api/v1/informational?month=${MONTH}&code=${CITY}`,
      rows: (j) => {
        const i = j as { code: string; name: string; figures: Json; children: Json[] };
        return [{ code: i.code, name: i.name, figures: i.figures }, ...i.children];
      },
      cells: (r) => [
        r.code as Cell,
        r.name as Cell,
        ...['visits_per_officer', 'households_visited_share', 'info_adopted_share'].flatMap((n) =>
          pick(`figures.${n}.value`, `figures.${n}.numerator`, `figures.${n}.denominator`)(r),
        ),
      ],
    },
    {
      name: 'map figures',
      url: `/api/v1/map/figures?month=${MONTH}&within=${PROVINCE}&scheme=construction`,
      rows: arr,
      cells: (r) => [
        ...rankingCells(r),
        ...Object.values(r.indicators as Record<string, Json>).flatMap((i) => [i.value, i.score] as Cell[]),
      ],
    },
    {
      name: 'funds',
      url: `/api/v1/funds?area=${PROVINCE}`,
      rows: items,
      cells: pick('ref', 'kind', 'date', 'recipient_code', 'recipient_name', 'amount', 'purpose'),
    },
    {
      name: 'five problems',
      url: `/api/v1/five-problems?area=${PROVINCE}&date=2019-06-30`,
      rows: (j) => {
        const f = j as { area: Json; problems: Json; children: Json[] };
        return [{ ...f.area, problems: f.problems }, ...f.children];
      },
      cells: (r) => [
        r.code as Cell,
        r.name as Cell,
        ...['people', 'premises', 'working', 'assessment', 'retention', 'retention.turnover'].flatMap((m) =>
          pick(`problems.${m}.value`, `problems.${m}.numerator`, `problems.${m}.denominator`)(r),
        ),
      ],
    },
    ...(['unplaced', 'empty_surveys', 'villages_without_surveys', 'jumps'] as const).map((l): Case => ({
      name: `data quality: ${l}`,
      url: `/api/v1/quality?month=${MONTH}&area=${PROVINCE}&list=${l}`,
      rows: (j) => {
        const q = j as Record<string, { items: Json[] }> & { implausible: Record<string, { items: Json[] }> };
        return (q[l] ?? q.implausible[l]).items;
      },
      cells: {
        unplaced: pick('kind', 'key', 'date', 'badge'),
        empty_surveys: pick('ref', 'date', 'area_code', 'channel'),
        villages_without_surveys: pick('code', 'name'),
        busy_days: pick('badge', 'date', 'visits'),
        jumps: pick(
          'area',
          'name',
          'scheme',
          'indicator',
          'direction',
          'previous.value',
          'previous.denominator',
          'current.value',
          'current.denominator',
        ),
      }[l],
    })),
    {
      name: 'proposals',
      url: `/api/v1/proposals?month=${MONTH}&within=${PROVINCE}`,
      rows: arr,
      cells: (p) => [
        ...pick('id', 'month', 'scheme', 'subject_kind', 'code', 'name', 'measure', 'status')(p),
        ...pick('figures.composite', 'figures.rank', 'figures.ranked', 'figures.lagging')(p),
        list(at(p, 'figures') && (p.figures as Json).problems),
        ...pick('decision.decided_by', 'decision.decided_at', 'decision.note')(p),
      ],
    },
    {
      name: 'tasks',
      url: `/api/v1/tasks?date=2019-07-10`,
      rows: items,
      cells: (t) => [
        ...pick(
          'id',
          'notification.number',
          'notification.issuing_area',
          'area.code',
          'area.name',
          'month',
          'scheme',
          'indicator',
          'value',
          'target',
        )(t),
        (t.indicators as { indicator: string }[]).map((i) => i.indicator).join('; '),
        ...pick('streak', 'repeat', 'leader.name', 'leader.title', 'deadline', 'status', 'overdue', 'days_overdue')(t),
      ],
    },
    {
      name: 'areas',
      url: `/api/v1/areas?within=${PROVINCE}`,
      rows: items,
      cells: pick('code', 'name', 'level', 'parent_code', 'urban_rural'),
      header: ['代码', '名称', '级别', '上级代码', '城乡分类'],
    },
    {
      name: 'units',
      url: `/api/v1/units?area=${PROVINCE}`,
      rows: items,
      cells: pick(
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
        'longitude',
        'latitude',
      ),
    },
    {
      name: 'officers',
      url: `/api/v1/officers?area=${PROVINCE}`,
      rows: items,
      cells: pick('badge', 'name', 'role', 'unit_code', 'unit_name', 'start_date', 'end_date', 'origin', 'phone'),
    },
    {
      name: 'patrol teams',
      url: `/api/v1/patrols?area=${PROVINCE}`,
      rows: items,
      cells: pick('code', 'name', 'unit_code', 'kind', 'members'),
    },
  ];
}

/** What a CSV cell holds for a JSON value: text as it is (an apostrophe before a formula's start). */
function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'string') return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return String(v);
}

async function readXlsx(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  expect(book.worksheets).toHaveLength(1);
  const sheet = book.worksheets[0];
  const width = sheet.getRow(1).cellCount;
  const rows: { values: Cell[]; formats: (string | undefined)[]; types: ExcelJS.ValueType[] }[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const values: Cell[] = [];
    const formats: (string | undefined)[] = [];
    const types: ExcelJS.ValueType[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      values.push((cell.value ?? null) as Cell);
      formats.push(cell.numFmt);
      types.push(cell.type);
    }
    rows.push({ values, formats, types });
  }
  return rows;
}

for (const engine of ENGINES) {
  describe(`exports on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let admin: Record<string, string>;
    let all: Case[];
    const get = (url: string, headers = admin) => app.inject({ url, headers });

    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      await load(db, FORMULAS);
      await seedSupervision(db, [PROVINCE], []);
      app = await buildApp(createContext(db), { access: { publicAggregates: false, requireAdminTotp: false } });
      admin = await adminHeaders(db);
      const officers = (await get(`/api/v1/rankings/officers?month=${MONTH}&within=${CITY}`)).json() as Json[];
      all = cases(String(officers[0].code));
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('exports every table as XLSX equal to its JSON cell by cell, with Chinese headers', async () => {
      for (const c of all) {
        const json = await get(`${c.url}${pageable(c)}`);
        expect(json.statusCode, `${c.name}: ${json.body}`).toBe(200);
        const rows = c.rows(json.json());
        expect(rows.length, c.name).toBeGreaterThan(0);
        const res = await get(`${c.url}&format=xlsx`);
        expect(res.statusCode, `${c.name}: ${res.body.slice(0, 300)}`).toBe(200);
        expect(res.headers['content-type']).toContain('spreadsheetml');
        expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.xlsx"$/);
        const [header, ...body] = await readXlsx(res.rawPayload);
        if (c.header) expect(header.values, c.name).toEqual(c.header);
        expect(
          header.values.every((h) => typeof h === 'string' && HAN.test(h)),
          c.name,
        ).toBe(true);
        expect(
          body.map((r) => r.values),
          c.name,
        ).toEqual(rows.map(c.cells));
      }
    });

    it('exports every table as CSV (UTF-8 with a BOM) equal to its JSON cell by cell', async () => {
      for (const c of all) {
        const rows = c.rows((await get(`${c.url}${pageable(c)}`)).json());
        const res = await get(`${c.url}&format=csv`);
        expect(res.statusCode, c.name).toBe(200);
        expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
        expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const [header, ...body] = parse(res.rawPayload.subarray(3).toString('utf8'), {
          relaxColumnCount: false,
        }) as string[][];
        if (c.header) expect(header, c.name).toEqual(c.header);
        expect(body, c.name).toEqual(rows.map((r) => c.cells(r).map(csvCell)));
      }
    });

    it('holds every row of what is filtered, not the page the JSON answers by default', async () => {
      const page = (await get(`/api/v1/units?area=${PROVINCE}`)).json() as { items: unknown[]; total: number };
      expect(page.items.length).toBe(50);
      expect(page.total).toBeGreaterThan(100);
      const csv = parse(
        (await get(`/api/v1/units?area=${PROVINCE}&format=csv&limit=5&offset=10`)).rawPayload
          .subarray(3)
          .toString('utf8'),
      );
      expect(csv.length - 1).toBe(page.total);
      const rooms = (await get(`/api/v1/units?area=${CITY}&type=community_room&limit=500`)).json() as { total: number };
      const filtered = parse(
        (await get(`/api/v1/units?area=${CITY}&type=community_room&format=csv`)).rawPayload
          .subarray(3)
          .toString('utf8'),
      );
      expect(filtered.length - 1).toBe(rooms.total);
      expect(rooms.total).toBeLessThan(page.total);
    });

    it('heads the columns in English with lang=en', async () => {
      const res = await get(`/api/v1/rankings?month=${MONTH}&within=${PROVINCE}&scheme=performance&format=csv&lang=en`);
      const [header] = parse(res.rawPayload.subarray(3).toString('utf8')) as string[][];
      expect(header.slice(0, 6)).toEqual(['Rank', 'Code', 'Name', 'Composite', 'Lagging', 'Problems']);
      const units = await get(`/api/v1/units?area=${TOWN}&format=xlsx&lang=en`);
      const [head] = await readXlsx(units.rawPayload);
      expect(head.values.slice(0, 3)).toEqual(['code', 'name', 'type']);
    });

    it('writes text that begins like a formula as text: XLSX string cells formatted @, CSV with an apostrophe', async () => {
      const xlsx = await readXlsx((await get(`/api/v1/units?area=${TOWN}&format=xlsx`)).rawPayload);
      const station = xlsx.find((r) => r.values[0] === 'S-FORMULA')!;
      expect(station.values[1]).toBe('@SUM(1,2)');
      expect(station.types[1]).toBe(ExcelJS.ValueType.String);
      expect(station.formats[1]).toBe('@');
      const areas = await readXlsx((await get(`/api/v1/areas?within=${COUNTY}&format=xlsx`)).rawPayload);
      const formula = areas.find((r) => r.values[0] === 'X-1')!;
      expect(formula.types[1]).toBe(ExcelJS.ValueType.String);
      expect(formula.values[1]).toBe('=HYPERLINK("http://example.invalid","x")');
      const funds = parse(
        (await get(`/api/v1/funds?area=${TOWN}&format=csv`)).rawPayload.subarray(3).toString('utf8'),
      ) as string[][];
      expect(funds.find((r) => r[0] === 'F-FORMULA')![6]).toBe("'+1-2");
      expect(funds.find((r) => r[0] === 'F-MINUS')![6]).toBe("'-cmd");
      // A number is a number, negative or not: only text is guarded.
      const ranking = parse(
        (await get(`/api/v1/rankings?month=${MONTH}&within=${PROVINCE}&scheme=performance&format=csv`)).rawPayload
          .subarray(3)
          .toString('utf8'),
      ) as string[][];
      expect(ranking.slice(1).every((r) => !r[3].startsWith("'"))).toBe(true);
    });

    it('keeps an export of officers within the scope and audits it as a read of people', async () => {
      const manager = await sessionHeaders(db, { username: 'm-city', role: 'manager', area: CITY });
      const json = (await get(`/api/v1/officers?area=${PROVINCE}&limit=500`, manager)).json() as { items: Json[] };
      const csv = parse(
        (await get(`/api/v1/officers?format=csv`, manager)).rawPayload.subarray(3).toString('utf8'),
      ) as string[][];
      const everyone = (await get(`/api/v1/officers?limit=500`)).json() as { total: number };
      expect(csv.length - 1).toBe(json.items.length);
      expect(json.items.length).toBeLessThan(everyone.total);
      const audit = (await get(`/api/v1/audit?action=people.read&limit=20`)).json() as { items: Json[] };
      const entry = audit.items.find(
        (e) => String(e.actor).includes('m-city') && e.target === 'officers' && String(e.detail).includes('"csv"'),
      );
      expect(entry, JSON.stringify(audit.items)).toBeTruthy();
      const detail = JSON.parse(String(entry!.detail)) as { filter: Json; badges: string[] };
      expect(detail.filter).toMatchObject({ format: 'csv' });
      expect([...detail.badges].sort()).toEqual(
        csv
          .slice(1)
          .map((r) => r[0])
          .sort(),
      );
      // Officers outside do not exist for it: an export of another city holds none.
      const outside = await get(`/api/v1/officers?area=510200000000&format=xlsx`, manager);
      expect(outside.statusCode).toBe(200);
      expect(await readXlsx(outside.rawPayload)).toHaveLength(1);
    });

    it('refuses an unknown format and names the parameter', async () => {
      const res = await get(`/api/v1/rankings?month=${MONTH}&within=${PROVINCE}&scheme=performance&format=pdf`);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('format');
    });
  });
}

/**
 * The JSON of a paged route asked for all its rows (they are fewer than 500 here); the data
 * quality's lists all their items (jumps are more than its default 100).
 */
function pageable(c: Case): string {
  if (c.url.startsWith('/api/v1/quality?')) return '&limit=1000';
  return /^\/api\/v1\/(funds|tasks|areas|units|officers|patrols)\?/.test(c.url) ? '&limit=500' : '';
}
