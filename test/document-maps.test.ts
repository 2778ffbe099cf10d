/**
 * Maps in documents, on both engines: the notification of Jilin's cities and its annual
 * summary carry each scheme's map of the children's composites, drawn by ECharts on the server
 * as SVG (every city named, lagging ones outlined, names escaped), shown as an image in HTML and
 * the document model, and rasterised with the CJK font into the DOCX and the PDF. A province
 * without shapes (province-51) gets no map. Page 1 of the PDF with the map is saved in
 * artifacts/ to be looked at.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { loadJilinAreas } from '../src/modules/demo/generate.ts';
import type { OfficialDocument } from '#core/documents/document.ts';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { load } from './support/factory.ts';
import { zipEntry } from './support/docx-text.ts';
import { darkShare, decodePng } from './support/png.ts';
import { importProvince51 } from './support/province-51.ts';
import { adminHeaders } from './support/session.ts';
import { systemHas } from './support/system-tools.ts';

const JILIN = '220000000000';
const CHANGCHUN = '220100000000';
const FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const system = systemHas('the maps in PDF and DOCX', { programs: ['pdftoppm', 'pdfimages'], files: [FONT] });

/** Jilin's province, cities and counties; 长春's name carries markup, which must stay text. */
const areas = loadJilinAreas()
  .filter((a) => ['province', 'city', 'county'].includes(a.level))
  .map((a) => (a.code === CHANGCHUN ? { ...a, name: '长春市<script>x</script>' } : a));
const cities = areas.filter((a) => a.level === 'city');

for (const engine of ENGINES) {
  describe.skipIf(!system)(`maps in documents on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let admin: Record<string, string>;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-doc-maps-'));
    const get = (url: string) => app.inject({ url, headers: admin });
    const notice = (format: string, lang = 'zh') =>
      get(`/api/v1/notifications/preview?area=${JILIN}&month=2019-06&date=2019-07-05&lang=${lang}&format=${format}`);

    beforeAll(async () => {
      db = await freshDatabase(engine);
      await load(db, { areas });
      app = await buildApp(createContext(db), { access: { publicAggregates: false, requireAdminTotp: false } });
      admin = await adminHeaders(db);
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('puts a map of each scheme beside its ranking: every city named, lagging outlined, markup escaped', async () => {
      const res = await notice('json');
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const doc = (res.json() as { document: OfficialDocument }).document;
      const figures = doc.blocks.filter((b) => b.type === 'figure');
      expect(figures.map((f) => f.id)).toEqual(['map-construction', 'map-performance']);
      for (const f of figures) {
        expect(f.caption).toContain('综合得分分布图');
        expect(f.svg.startsWith('<svg')).toBe(true);
        for (const c of cities.filter((c) => c.code !== CHANGCHUN)) expect(f.svg).toContain(c.name);
        expect(f.svg).not.toContain('<script');
        expect(f.svg).toContain('长春市&lt;script&gt;');
        // No data in June: every city lags, so every one carries the red border.
        expect(f.svg.match(/stroke="#5e150b"/g)?.length).toBeGreaterThanOrEqual(cities.length);
        // Each figure follows its ranking's table.
        const at = doc.blocks.indexOf(f);
        expect(doc.blocks[at - 1]).toMatchObject({ type: 'table', id: f.id.replace('map-', 'ranking-') });
      }
      const en = (await notice('json', 'en')).json() as { document: OfficialDocument };
      expect(en.document.blocks.find((b) => b.type === 'figure')!.caption).toMatch(/^Composite scores of the /);
    });

    it('shows the map as an image in the HTML and the Markdown', async () => {
      const html = (await notice('html')).body;
      expect(html).toMatch(/<figure id="map-construction"><img src="data:image\/svg\+xml;charset=utf-8,%3Csvg/);
      const md = (await notice('md')).body;
      expect(md).toContain('](data:image/svg+xml;charset=utf-8,%3Csvg');
    });

    it('rasterises the maps into the DOCX as PNG pictures with Chinese names drawn', async () => {
      const docx = (await notice('docx')).rawPayload;
      // Both maps are placed; with no data in June they are the same picture, which Word keeps once.
      expect(
        zipEntry(docx, 'word/document.xml')
          .toString('utf8')
          .match(/r:embed="/g),
      ).toHaveLength(2);
      const images = pictures(docx);
      expect(images.length).toBeGreaterThan(0);
      for (const png of images) {
        const image = decodePng(png);
        expect(image.width).toBe(1440);
        // Shaded cities: far from a blank picture.
        expect(darkShare(image, 250)).toBeGreaterThan(0.2);
      }
      expect(zipEntry(docx, 'word/document.xml').toString('utf8')).toContain('综合得分分布图');
    });

    it('places both maps in the PDF; page 1 with its map is kept to be looked at', async () => {
      const file = path.join(dir, `notice-${engine}.pdf`);
      fs.writeFileSync(file, (await notice('pdf')).rawPayload);
      const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .slice(2)
        .filter((line) => line.split(/\s+/)[3] === 'image');
      expect(list).toHaveLength(2);
      for (const line of list) expect(line.trim().split(/\s+/).slice(3, 5)).toEqual(['1440', '1080']);
      const page = Number(list[0].trim().split(/\s+/)[0]);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        String(page),
        '-l',
        String(page),
        file,
        path.join(dir, 'map'),
      ]);
      const png = fs.readdirSync(dir).find((f) => f.startsWith('map') && f.endsWith('.png'))!;
      expect(darkShare(decodePng(fs.readFileSync(path.join(dir, png))), 250)).toBeGreaterThan(0.1);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      fs.copyFileSync(path.join(dir, png), path.join(ARTIFACTS, `notification-map-page.${engine}.png`));
    });

    it('puts December’s maps in the annual summary', async () => {
      const res = await get(`/api/v1/summary?area=${JILIN}&year=2019&format=json`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const { document } = res.json() as { document: OfficialDocument };
      const figures = document.blocks.filter((b) => b.type === 'figure');
      expect(figures.map((f) => f.id).sort()).toEqual(['map-construction', 'map-performance']);
      expect(figures[0].caption).toContain('2019年12月');
      const docx = (await get(`/api/v1/summary?area=${JILIN}&year=2019&format=docx`)).rawPayload;
      expect(
        zipEntry(docx, 'word/document.xml')
          .toString('utf8')
          .match(/r:embed="/g),
      ).toHaveLength(2);
      expect(pictures(docx).every((png) => decodePng(png).width === 1440)).toBe(true);
    });
  });

  describe(`no map without shapes on ${engine}`, () => {
    it('gives province-51 (no shapes) a notification without figures', async () => {
      const db = await freshDatabase(engine);
      await importProvince51(db);
      const app = await buildApp(createContext(db), { access: { publicAggregates: false, requireAdminTotp: false } });
      const res = await app.inject({
        url: '/api/v1/notifications/preview?area=510000000000&month=2019-06&date=2019-07-05&format=json',
        headers: await adminHeaders(db),
      });
      const doc = (res.json() as { document: OfficialDocument }).document;
      expect(doc.blocks.some((b) => b.type === 'figure')).toBe(false);
      await app.close();
      await db.close();
    });
  });
}

/** The PNG pictures a Word file holds, in the order its relationships list them. */
function pictures(docx: Buffer): Buffer[] {
  const rels = zipEntry(docx, 'word/_rels/document.xml.rels').toString('utf8');
  return [...rels.matchAll(/Target="(media\/[^"]+\.png)"/g)].map((m) => zipEntry(docx, `word/${m[1]}`));
}
