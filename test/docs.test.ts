/**
 * docs/ says what the code does: the generated regions are what `npm run docs` writes from the
 * registries, every example file of import-formats.md imports (and the refused one is refused
 * exactly as shown), the API error shown in interface.md is the one the API answers, and every
 * link between the pages leads somewhere.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabaseUrl } from './support/engines.ts';
import { adminHeaders } from './support/session.ts';
import { generateDocs, ROOT } from '../tools/docs/generate.ts';
import { main } from '../src/cli/main.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** The fenced blocks of a Markdown text whose info string names them: ```csv example/areas.csv */
function namedBlocks(doc: string): { lang: string; name: string; text: string }[] {
  return [...doc.matchAll(/^```(\S+) (\S+)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], name: m[2], text: m[3] }));
}

function capture() {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: { write: (s: string) => ((out.stdout += s), true) },
    stderr: { write: (s: string) => ((out.stderr += s), true) },
  };
  return { out, io };
}

describe('docs/', () => {
  it('hold the tables the code generates (npm run docs)', async () => {
    for (const doc of await generateDocs())
      expect(doc.current, `${doc.file} is out of date: run npm run docs`).toBe(doc.wanted);
  });

  it('link only to pages and headings that exist', () => {
    const pages = [
      'README.md',
      'test/fixtures/acceptance/README.md',
      ...fs.readdirSync(path.join(ROOT, 'docs')).map((f) => `docs/${f}`),
    ];
    const broken: string[] = [];
    for (const page of pages.filter((p) => p.endsWith('.md'))) {
      const text = read(page).replace(/^```[\s\S]*?^```$/gm, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        const [file, anchor] = target.split('#');
        const resolved = file ? path.normalize(path.join(path.dirname(page), file)) : page;
        if (!fs.existsSync(path.join(ROOT, resolved))) broken.push(`${page}: ${target}`);
        else if (anchor && resolved.endsWith('.md') && !anchorsOf(read(resolved)).has(anchor))
          broken.push(`${page}: ${target} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });
});

/** The anchors GitHub gives a page's headings. */
function anchorsOf(doc: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of doc.replace(/^```[\s\S]*?^```$/gm, '').matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

for (const engine of ENGINES) {
  describe(`the examples of docs/ on ${engine}`, () => {
    const blocks = namedBlocks(read('docs/import-formats.md'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-docs-'));
    let url: string;
    let db: Database;
    beforeAll(async () => {
      for (const b of blocks.filter((b) => b.lang === 'csv')) {
        fs.mkdirSync(path.join(dir, path.dirname(b.name)), { recursive: true });
        fs.writeFileSync(path.join(dir, b.name), b.text);
      }
      url = await freshDatabaseUrl(engine);
      db = await openDatabase(url);
    });
    afterAll(async () => {
      await db?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('import, every kind of file together, as one import', async () => {
      const examples = blocks.filter((b) => b.name.startsWith('example/')).map((b) => b.name.slice('example/'.length));
      expect(new Set(examples.map((f) => f.split('.')[0]))).toEqual(
        new Set([
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
        ]),
      );
      const { out, io } = capture();
      expect(await main(['import', path.join(dir, 'example'), '--db', url, '--json'], io), out.stderr).toBe(0);
      const report = JSON.parse(out.stdout) as { written: number };
      const rows = blocks
        .filter((b) => b.name.startsWith('example/'))
        .reduce((n, b) => n + b.text.trim().split('\n').length - 1, 0);
      expect(report.written).toBe(rows);
    });

    it('refuse the refused file as shown, writing nothing', async () => {
      const shown = blocks.find((b) => b.lang === 'console' && b.name === 'refused')!.text.split('\n');
      expect(shown[0]).toBe('$ npx outpost import refused/');
      const before = await db.kysely
        .selectFrom('officers')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const { out, io } = capture();
      expect(await main(['import', path.join(dir, 'refused'), '--db', url], io)).toBe(3);
      expect(out.stderr).toBe(shown.slice(1).join('\n'));
      const after = await db.kysely
        .selectFrom('officers')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('answer the API error interface.md shows', async () => {
      const shown = namedBlocks(read('docs/interface.md')).find((b) => b.name === 'refused-rows')!;
      const app = await buildApp(createContext(db), {
        web: false,
        access: { publicAggregates: false, requireAdminTotp: false },
      });
      try {
        const row = (ref: string, satisfaction: number) => ({
          ref,
          date: '2019-06-22',
          area_code: '990102001001',
          knows_officer: 'yes',
          satisfaction,
          channel: 'door',
        });
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/records/surveys',
          headers: await adminHeaders(db),
          payload: [row('Q2019-000101', 4), row('Q2019-000102', 5), row('Q2019-000103', 7)],
        });
        expect(res.statusCode).toBe(422);
        // The request id is the one part that differs from one request to the next.
        const shownBody = JSON.parse(shown.text);
        expect(res.json().error.request_id).toMatch(/^[0-9a-f-]{36}$/);
        expect({ error: { ...res.json().error, request_id: shownBody.error.request_id } }).toEqual(shownBody);
      } finally {
        await app.close();
      }
    });
  });
}
