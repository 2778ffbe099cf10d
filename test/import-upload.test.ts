/**
 * POST imports on both engines: a file uploaded as it is (CSV of any length, .csv.gz, a filled
 * XLSX template, the all.xlsx workbook) goes through the CLI's pipeline, all or nothing, its
 * rejections and refusals naming the file's own lines; scoped accounts held to their scope;
 * temporary files always removed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';
import { adminHeaders, sessionHeaders } from './support/session.ts';
import { zipOf } from './support/zip.ts';

// This file's uploads get a temporary folder of their own, to see that they leave nothing behind.
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-upload-test-'));
process.env.TMPDIR = TMP;

const SURVEYS = 'ref,date,area_code,knows_officer,satisfaction,channel';
/** Villages of County 2.1 (the manager's area) and one of County 1.1 (outside it). */
const INSIDE = ['510201001001', '510201001002', '510201002001'];
const OUTSIDE = '510101002001';

/** A surveys CSV of `n` rows (lines 2 to n + 1), refs starting with `tag`. */
function surveysCsv(tag: string, n: number, villages = INSIDE): string[] {
  const lines = [SURVEYS];
  for (let i = 0; i < n; i++)
    lines.push(
      `${tag}-${i},2019-06-${String(1 + (i % 28)).padStart(2, '0')},${villages[i % villages.length]},yes,4,door`,
    );
  return lines;
}

const bytes = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`);

for (const engine of ENGINES) {
  describe(`POST imports on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let admin: Record<string, string>;
    let manager: Record<string, string>;
    let officer: Record<string, string>;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      app = await buildApp(createContext(db), { web: false });
      admin = await adminHeaders(db);
      manager = await sessionHeaders(db, { username: 'manager', role: 'manager', area: '510201000000' });
      officer = await sessionHeaders(db, { username: 'officer', role: 'officer', badge: '0100007' });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    const upload = (headers: Record<string, string>, name: string, body: Buffer, query = '') =>
      app.inject({
        method: 'POST',
        url: `/api/v1/imports?name=${encodeURIComponent(name)}${query}`,
        payload: body,
        headers: { ...headers, 'content-type': 'application/octet-stream' },
      });
    const count = async (table: 'surveys' | 'visits' | 'areas', prefix?: string) => {
      let q = db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
      if (prefix && table === 'surveys') q = q.where('ref', 'like', `${prefix}%`);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    const lastAudit = () =>
      db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();

    it('imports a CSV of more than 10,000 rows whole, audited in the same transaction', async () => {
      const res = await upload(admin, 'surveys-2019-06.csv', bytes(surveysCsv('BIG', 12_500)));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({
        import_id: expect.any(Number),
        dry_run: false,
        written: 12_500,
        kinds: [{ kind: 'surveys', rows: 12_500, added: 12_500, replaced: 0, unchanged: 0 }],
      });
      expect(await count('surveys', 'BIG-')).toBe(12_500);
      const entry = await lastAudit();
      expect(entry).toMatchObject({ action: 'import', target: 'surveys-2019-06.csv', via: 'POST /api/v1/imports' });
      expect(JSON.parse(entry.detail)).toMatchObject({ import_id: res.json().import_id, written: 12_500 });

      const again = await upload(admin, 'surveys-2019-06.csv', bytes(surveysCsv('BIG', 12_500)));
      expect(again.json()).toMatchObject({ written: 0, kinds: [{ unchanged: 12_500 }] });
    });

    it('checks without writing on a dry run', async () => {
      const before = await count('surveys');
      const audits = (await lastAudit()).id;
      const res = await upload(admin, 'surveys.csv', bytes(surveysCsv('DRY', 300)), '&dry_run=true');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ import_id: null, dry_run: true, written: 300, kinds: [{ added: 300 }] });
      expect(await count('surveys')).toBe(before);
      expect((await lastAudit()).id).toBe(audits);
    });

    it('rejects a file with a bad row on line 12,345, naming the file and that line, and writes nothing', async () => {
      const lines = surveysCsv('BAD', 13_000);
      lines[12_344] = 'BAD-x,2019-06-31,510201001001,yes,4,door';
      const before = await count('surveys');
      for (const query of ['', '&dry_run=true']) {
        const res = await upload(admin, 'surveys-june.csv', bytes(lines), query);
        expect(res.statusCode).toBe(422);
        expect(res.json().error).toMatchObject({
          code: 'import_rejected',
          details: [
            {
              file: 'surveys-june.csv',
              line: 12_345,
              column: 'date',
              reason: '2019-06-31 is not a day of the calendar',
            },
          ],
        });
      }
      expect(await count('surveys')).toBe(before);
    });

    it('reads a .csv.gz', async () => {
      const res = await upload(admin, 'surveys-gz.csv.gz', gzipSync(bytes(surveysCsv('GZ', 2_000))));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().written).toBe(2_000);
      expect(await count('surveys', 'GZ-')).toBe(2_000);
    });

    it('imports a template filled in, in Chinese headers', async () => {
      const template = await app.inject({ url: '/api/v1/templates/visits.xlsx?lang=zh', headers: admin });
      expect(template.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('visits')!;
      expect(sheet.getRow(1).getCell(1).value).toBe('日期');
      sheet.spliceRows(2, 1);
      for (let i = 0; i < 40; i++)
        sheet.addRow(['2019-06-14', '0100007', '510201001001', `XH-${i}`]).eachCell((c) => (c.numFmt = '@'));
      const before = await count('visits');
      const res = await upload(admin, '走访-六月.xlsx', Buffer.from(await book.xlsx.writeBuffer()), '&kind=visits');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().kinds).toEqual([{ kind: 'visits', rows: 40, added: 40, replaced: 0, unchanged: 0 }]);
      expect(await count('visits')).toBe(before + 40);
    });

    it('imports every sheet of all.xlsx, a row naming what another sheet adds', async () => {
      const book = await allWorkbook(app, admin, {
        areas: [['510201001099', 'Village 2.1.1.99', 'village', '510201001000', 'rural']],
        surveys: [['ALL-1', '2019-06-20', '510201001099', 'no', '3', 'door']],
      });
      // The manager of County 2.1 may do this too: the village it adds is inside its area.
      const res = await upload(manager, 'all.xlsx', book);
      expect(res.statusCode, res.body).toBe(201);
      const kinds = res.json().kinds as { kind: string; rows: number; added: number }[];
      expect(kinds).toHaveLength(14);
      expect(kinds.filter((k) => k.rows > 0).map((k) => [k.kind, k.added])).toEqual([
        ['areas', 1],
        ['surveys', 1],
      ]);
      expect(await count('surveys', 'ALL-')).toBe(1);
    });

    it('names the sheet and row of a workbook’s rejected row', async () => {
      const book = await allWorkbook(app, admin, {
        surveys: [
          ['ALL-2', '2019-06-20', '510201001001', 'no', '3', 'door'],
          ['ALL-3', '2019-06-20', 'NOWHERE', 'no', '3', 'door'],
        ],
      });
      const res = await upload(admin, 'all.xlsx', book);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details).toEqual([
        expect.objectContaining({ file: 'all.xlsx', line: 'surveys:3', column: 'area_code' }),
      ]);
      expect(await count('surveys', 'ALL-2')).toBe(0);
    });

    it('takes the chosen kind for a file whose name is no kind, and says so when none is chosen', async () => {
      const res = await upload(admin, 'export (1).csv', bytes(surveysCsv('EXP', 3)), '&kind=surveys');
      expect(res.statusCode, res.body).toBe(201);
      const unnamed = await upload(admin, 'export (1).csv', bytes(surveysCsv('EXP', 3)));
      expect(unnamed.statusCode).toBe(422);
      expect(unnamed.json().error.details[0]).toMatchObject({ file: 'export (1).csv', column: '(file)' });
    });

    it('refuses a manager a row outside its area, naming the line, writing nothing, audited as refused', async () => {
      const lines = surveysCsv('MGR', 11_000);
      lines[10_999] = `MGR-out,2019-06-03,${OUTSIDE},yes,5,door`;
      const before = await count('surveys');
      const res = await upload(manager, 'surveys-county.csv', bytes(lines));
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({
        code: 'scope_refused',
        category: 'forbidden',
        params: { count: 1, listed: 1 },
        details: [
          {
            file: 'surveys-county.csv',
            line: 11_000,
            column: 'area_code',
            code: 'area_outside_scope',
            params: { value: OUTSIDE, scope: '510201000000' },
            reason: `${OUTSIDE} is not in your area (510201000000)`,
          },
        ],
      });
      expect(await count('surveys')).toBe(before);
      expect(await lastAudit()).toMatchObject({
        action: 'import',
        target: 'surveys-county.csv',
        actor: 'user:manager',
        outcome: 'refused',
      });

      lines[10_999] = 'MGR-in,2019-06-03,510201002001,yes,5,door';
      const inside = await upload(manager, 'surveys-county.csv', bytes(lines));
      expect(inside.statusCode, inside.body).toBe(201);
      expect(await count('surveys', 'MGR-')).toBe(11_000);
    });

    it('holds an officer to its own work records and its own badge', async () => {
      const units = await upload(officer, 'units.csv', Buffer.from('code,name\nX,Y\n'));
      expect(units.statusCode).toBe(403);
      expect(units.json().error.message).toMatch(/own work records/);
      const visits = ['date,badge,area_code,household_ref', '2019-06-14,0100007,510201001001,OV-1'];
      visits.push('2019-06-14,0100008,510201001001,OV-2');
      const res = await upload(officer, 'visits.csv', bytes(visits));
      expect(res.statusCode).toBe(403);
      expect(res.json().error.details).toEqual([
        expect.objectContaining({ file: 'visits.csv', line: 3, column: 'badge' }),
      ]);
      const own = await upload(officer, 'visits.csv', bytes(visits.slice(0, 2)));
      expect(own.statusCode, own.body).toBe(201);
    });

    it('refuses with 413 a body announced over the cap, and a workbook that unpacks past what is read at once', async () => {
      const big = await app.inject({
        method: 'POST',
        url: '/api/v1/imports?name=surveys.csv',
        payload: 'x',
        headers: { ...admin, 'content-type': 'text/csv', 'content-length': String(600 * 1024 * 1024) },
      });
      expect(big.statusCode).toBe(413);
      expect(big.json().error).toMatchObject({
        code: 'upload_too_large',
        category: 'too_large',
        message: expect.stringMatching(/512 MiB/),
      });
      // A workbook of about 600 KiB whose 14 sheets would unpack to 560 MiB, more than is read.
      const sheet = Buffer.alloc(40 * 1024 * 1024, '<row r="1"/>');
      const bomb = zipOf(
        Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`xl/worksheets/sheet${i + 1}.xml`, sheet])),
      );
      const res = await upload(admin, 'surveys.xlsx', bomb);
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({ code: 'upload_unpacks_too_large', params: { workbook: true } });
      expect(res.json().error.message).toMatch(/unpacks to more than 512 MiB.*split it/);
    });

    it('takes JSON and text files as bytes, and refuses a name that is no file’s', async () => {
      const json = await app.inject({
        method: 'POST',
        url: '/api/v1/imports?name=surveys.csv',
        payload: `${SURVEYS}\nJSON-1,2019-06-01,${INSIDE[0]},yes,4,door\n`,
        headers: { ...admin, 'content-type': 'application/json' },
      });
      expect(json.statusCode, json.body).toBe(201);
      const dots = await upload(admin, '..', Buffer.from('x'));
      expect(dots.statusCode).toBe(400);
    });

    it('leaves no temporary file behind', () => {
      expect(fs.readdirSync(TMP).filter((f) => f.startsWith('outpost-upload-'))).toEqual([]);
    });
  });
}

/** The all.xlsx template with its example rows taken out and `rows` put in, by sheet. */
async function allWorkbook(
  app: FastifyInstance,
  headers: Record<string, string>,
  rows: Record<string, string[][]>,
): Promise<Buffer> {
  const template = await app.inject({ url: '/api/v1/templates/all.xlsx?lang=en', headers });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  for (const sheet of book.worksheets) {
    sheet.spliceRows(2, 1);
    for (const row of rows[sheet.name] ?? []) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
