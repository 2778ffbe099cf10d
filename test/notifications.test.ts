/**
 * The monthly notification of province-51's cities for June 2019, on both engines: it names every
 * lagging city with its problems in DOCX, PDF and XLSX; its text matches the golden files; every
 * format says what the model says; page 1 of the PDF is drawn (not blank glyphs).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { expected, importProvince51 } from './support/province-51.ts';
import { docxText } from './support/docx-text.ts';
import { darkShare, decodePng } from './support/png.ts';
import { systemHas } from './support/system-tools.ts';
import type { Database } from '../src/db/database.ts';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';
import { NotificationsService } from '../src/modules/notifications/notifications.service.ts';
import type { NotificationContent } from '../src/modules/notifications/notification.compose.ts';
import { renderDocument } from '../src/modules/notifications/document/render.ts';
import { renderHtml } from '../src/modules/notifications/document/render-html.ts';
import { renderMarkdown } from '../src/modules/notifications/document/render-markdown.ts';
import { indicatorLabel } from '../src/modules/notifications/indicator-labels.ts';

const PROVINCE = '510000000000';
const MONTH = '2019-06';
const DATE = '2019-07-05';
const GOLDEN = fileURLToPath(new URL('./golden/', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const poppler = systemHas('the PDF checks of the notification', { programs: ['pdftoppm', 'pdftotext'], files: [FONT] });

/** Whitespace-free text, so that a paragraph wrapped over lines still matches. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

for (const engine of ENGINES) {
  describe(`the June 2019 notification of province-51 on ${engine}`, () => {
    let db: Database;
    let service: NotificationsService;
    let zh: NotificationContent;
    let en: NotificationContent;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-notice-'));
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      service = new NotificationsService(db, new AssessmentService(db.kysely));
      zh = await service.draft({ area: PROVINCE, month: MONTH, lang: 'zh', date: DATE });
      en = await service.draft({ area: PROVINCE, month: MONTH, lang: 'en', date: DATE });
    });
    afterAll(async () => {
      await db?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    /** Every lagging city of the expected rankings, with the labels of its problems. */
    const laggingCities = (lang: 'zh' | 'en') =>
      Object.entries(expected().rankings).flatMap(([scheme, within]) =>
        within[PROVINCE].filter((r) => r.lagging).map((r) => ({
          scheme,
          ...r,
          labels: r.problems.map((p) => indicatorLabel(p, lang)),
        })),
      );

    it('names the problems of exactly the lagging cities, as the assessment has them', () => {
      const named = zh.problems.map((p) => `${p.scheme}:${p.area_code}:${p.indicator}`).sort();
      const wanted = laggingCities('zh')
        .flatMap((c) => (c.problems.length ? c.problems : ['composite']).map((p) => `${c.scheme}:${c.code}:${p}`))
        .sort();
      expect(named).toEqual(wanted);
      expect(laggingCities('zh').length).toBeGreaterThan(0);
    });

    it('names every lagging city with its problems in the DOCX', async () => {
      const text = docxText(await renderDocument(zh.document, 'docx'));
      for (const city of laggingCities('zh')) {
        const line = text
          .split('\n')
          .find(
            (l) => l.startsWith(`${city.name}（第${city.rank}名`) && city.labels.every((label) => l.includes(label)),
          );
        expect(line, `${city.scheme}: ${city.name} with ${city.labels.join('、')}`).toBeDefined();
      }
    });

    it('names every lagging city with its problems in the XLSX', async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await renderDocument(zh.document, 'xlsx')) as unknown as ArrayBuffer);
      const sheet = book.worksheets.find((s) => String(s.getCell('A1').value).includes('落后地区问题清单'));
      expect(sheet, 'the problems sheet').toBeDefined();
      const rows: string[][] = [];
      sheet!.eachRow((row, n) => {
        if (n > 2) rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
      });
      for (const city of laggingCities('zh'))
        for (const label of city.labels)
          expect(
            rows.some((r) => r[0] === city.name && r[2] === label),
            `${city.name} ${label}`,
          ).toBe(true);
      // Every table of the document has its sheet, after the sheet about the document.
      expect(book.worksheets.length).toBe(1 + zh.document.blocks.filter((b) => b.type === 'table').length);
    });

    it.skipIf(!poppler)('names every lagging city with its problems in the PDF', async () => {
      const file = path.join(dir, 'notice.pdf');
      fs.writeFileSync(file, await renderDocument(zh.document, 'pdf'));
      const text = squeeze(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
      for (const city of laggingCities('zh')) {
        expect(text).toContain(squeeze(`${city.name}（第${city.rank}名`));
        for (const label of city.labels) expect(text).toContain(label);
      }
    });

    it('reads as the golden text, in Chinese and in English', async () => {
      await expect(docxText(await renderDocument(zh.document, 'docx'))).toMatchFileSnapshot(
        `${GOLDEN}notification-${PROVINCE}-${MONTH}.zh.txt`,
      );
      await expect(docxText(await renderDocument(en.document, 'docx'))).toMatchFileSnapshot(
        `${GOLDEN}notification-${PROVINCE}-${MONTH}.en.txt`,
      );
    });

    it('says the same in every format', async () => {
      for (const content of [zh, en]) {
        const doc = content.document;
        const texts = {
          docx: squeeze(docxText(await renderDocument(doc, 'docx'))),
          html: squeeze(
            renderHtml(doc)
              .replace(/<style>[\s\S]*?<\/style>/, '')
              .replace(/<[^>]+>/g, '')
              .replace(/&#39;/g, "'")
              .replace(/&amp;/g, '&'),
          ),
          md: squeeze(renderMarkdown(doc)),
        };
        const said = [doc.title, doc.recipients!, doc.signature!.issuer, doc.signature!.date, ...doc.record!.copyTo];
        for (const b of doc.blocks) said.push(b.type === 'table' || b.type === 'figure' ? b.caption : b.text);
        for (const [format, text] of Object.entries(texts))
          for (const s of said) expect(text, `${format}: ${s}`).toContain(squeeze(s));
      }
    });

    it.skipIf(!poppler)('draws page 1 of the PDF with visible glyphs', async () => {
      const file = path.join(dir, 'page.pdf');
      fs.writeFileSync(file, await renderDocument(zh.document, 'pdf'));
      execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
      const png = fs.readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
      const image = decodePng(fs.readFileSync(path.join(dir, png)));
      // A4 at 50 dpi, about 413 x 585; a blank page (or one of blank glyphs) has no dark pixels.
      expect(image.width).toBeGreaterThan(400);
      expect(darkShare(image)).toBeGreaterThan(0.01);
      // The body text below the head is drawn too, not only the red mark and rule.
      const lower = {
        ...image,
        height: Math.floor(image.height / 2),
        pixels: image.pixels.subarray(Math.floor(image.height / 2) * image.width),
      };
      expect(darkShare(lower)).toBeGreaterThan(0.01);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      fs.copyFileSync(path.join(dir, png), path.join(ARTIFACTS, `notification-page-1.${engine}.png`));
    });
  });
}
