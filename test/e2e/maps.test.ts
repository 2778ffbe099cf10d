/**
 * The maps in Chromium, on the demonstration province (Jilin's real divisions, so the shapes of
 * data/boundaries are drawn; province-51 has none): the map page from the province down to a
 * county with its rooms, the counties of a city shaded by coverage, the map beside the ranking
 * on the dashboard, a click that drills down, and the residents' page with its room's sketch;
 * the notification and the annual summary with the map of the month's composite, the header's
 * search, a table downloaded as Excel and the dashboard printed to PDF.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { headerOf } from '../../src/core/exports/export-table.ts';
import { RANKINGS_TABLE } from '../../src/core/exports/tables/assessment-tables.ts';
import { buildDemo } from '../../src/modules/demo/demo.service.ts';
import { openDatabase } from '../../src/db/database.ts';
import { e2eSuite, present, REQUIRED, SHOTS, type PageVisit, walkPages } from './harness.ts';

const JILIN = '220000000000';
const CHANGCHUN = '220100000000';
const JILIN_CITY = '220200000000';
const NANGUAN = '220102000000';
const M = 'month=2019-06';

const figureShown = (p: Page) => p.locator('.document-figure img').first().waitFor({ timeout: 90_000 });
const dashboardReady = async (p: Page) => {
  await p.locator('.dashboard[data-ready]').waitFor({ timeout: 60_000 });
  await mapReady(p);
};
const mapReady = (p: Page) => p.locator('.area-map[data-ready] .chart[data-chart-ready]').waitFor({ timeout: 60_000 });

describe.skipIf(!present && !REQUIRED)('maps in Chromium', () => {
  const e2e = e2eSuite({ province: (db) => buildDemo(db, { seed: 1, scale: 0.05 }).then(() => undefined) });

  const PAGES: PageVisit[] = [
    ['map-province', `/map?area=${JILIN}&${M}`, mapReady],
    [
      'map-city-coverage',
      `/map?area=${CHANGCHUN}&${M}&scheme=construction&metric=indicator:coverage_rate&rooms=1`,
      mapReady,
    ],
    ['map-county-rooms', `/map?area=${NANGUAN}&${M}&rooms=1`, mapReady],
    ['dashboard-map', `/?area=${JILIN}&${M}`, dashboardReady],
    ['notification-map', `/notifications?area=${JILIN}&${M}`, figureShown],
    ['summary-map', `/summary?area=${JILIN}&year=2019`, figureShown],
    ['search', `/search?q=${encodeURIComponent('王')}`, (p) => p.locator('.search-list li').first().waitFor()],
  ];
  walkPages(e2e, 'the maps', `/map?area=${JILIN}&${M}`, PAGES);

  it('draws every city, outlines the lagging ones, and drills down to the city clicked', async () => {
    const { context, page } = await e2e.open('zh', 'desktop', `/map?area=${JILIN}&${M}`);
    await mapReady(page);
    const svg = page.locator('.area-map svg').first();
    // Nine cities drawn, each a path (their labels are text).
    expect(await svg.locator('path').count()).toBeGreaterThanOrEqual(9);
    const lagging = await page.locator('table.ranking tr.is-lagging').count();
    expect(lagging).toBeGreaterThan(0);
    // Lagging areas are drawn with the heavy red border.
    expect(await svg.locator('path[stroke="#b3402e"]').count()).toBe(lagging);
    // The middle of Jilin's box lies in 吉林市.
    const box = (await page.locator('.area-map .chart-canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + (box.height - 44) / 2);
    await page.waitForURL((u) => u.searchParams.get('area') === JILIN_CITY, { timeout: 30_000 });
    await mapReady(page);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('地图 · 吉林市 · 2019年6月');
    await context.close();
  }, 120_000);

  it("shows a room's address and its county sketched on the residents' page", async () => {
    const db = await openDatabase(e2e.dbUrl);
    const village = await db.kysely
      .selectFrom('unit_covers as c')
      .innerJoin('units as u', 'u.code', 'c.unit_code')
      .select('c.area_code')
      .where('u.type', '=', 'community_room')
      .where('u.status', '=', 'open')
      .where('u.longitude', 'is not', null)
      .orderBy('u.code')
      .executeTakeFirstOrThrow();
    await db.close();
    for (const lang of ['zh', 'en'] as const) {
      const { context, page } = await e2e.open(lang, 'phone', `/public?area=${village.area_code}`, { signIn: false });
      const sketch = page.locator('.room-sketch svg').first();
      await sketch.waitFor({ timeout: 30_000 });
      expect(await sketch.locator('circle').count()).toBe(2);
      expect(await page.locator('.room-card dd').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringMatching(/市.+(区|县|市).+/)]),
      );
      await e2e.noSidewaysScroll(page);
      await e2e.snap(page, `public-room-map-phone-${lang}`);
      await context.close();
    }
  }, 120_000);

  it('shows the map of the composite in the notification, drawn (not blank) with every city', async () => {
    const { context, page } = await e2e.open('zh', 'desktop', `/notifications?area=${JILIN}&${M}`);
    await figureShown(page);
    const img = page.locator('.document-figure img').first();
    expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    const svg = decodeURIComponent((await img.getAttribute('src'))!.replace(/^data:image\/svg\+xml[^,]*,/, ''));
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThanOrEqual(9);
    expect(await page.locator('.document-figure figcaption').first().textContent()).toMatch(/2019年6月/);
    await context.close();
  }, 120_000);

  it('finds rooms from the header and downloads the ranking as Excel equal to the table shown', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const { context, page } = await e2e.open(lang, 'desktop', `/?area=${JILIN}&${M}`);
      await dashboardReady(page);
      await page.getByRole('search').getByRole('searchbox').fill('警务室');
      await page.getByRole('search').getByRole('searchbox').press('Enter');
      await page.waitForURL(/\/search\?q=/);
      await page.locator('.search-list li').first().waitFor();
      expect(await page.locator('.search-list a[href^="/units/"]').count()).toBeGreaterThan(0);

      await page.goto(`${e2e.base}/?area=${JILIN}&${M}`);
      await dashboardReady(page);
      const shown = await page.locator('table.ranking tbody tr').count();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page
          .getByRole('link', { name: lang === 'zh' ? '下载 Excel' : 'Excel' })
          .first()
          .click(),
      ]);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
      const sheet = book.worksheets[0];
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(headerOf(RANKINGS_TABLE, lang));
      expect(sheet.actualRowCount - 1).toBe(shown);
      await context.close();
    }
  }, 180_000);

  it('prints the dashboard without the app, headed by area, month and scheme, with page numbers', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const { context, page } = await e2e.open(lang, 'desktop', `/?area=${JILIN}&${M}`);
      await dashboardReady(page);
      // The printed header names the area once its name has come.
      await page.locator('.print-header', { hasText: '吉林省' }).waitFor({ state: 'attached' });
      const pdf = path.join(SHOTS, `print-dashboard-${lang}.pdf`);
      await page.pdf({ path: pdf, format: 'A4', printBackground: true });
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      const pages = text.split('\f').filter((t) => t.trim());
      expect(pages.length).toBeGreaterThan(1);
      const head =
        lang === 'zh' ? ['地区', '吉林省', '2019年6月', '工作考核'] : ['Area', '吉林省', 'Jun 2019', 'Police work'];
      for (const word of head) expect(pages[0]).toContain(word);
      // The stylesheet's `1 / 3` (pdftotext drops the spaces).
      pages.forEach((p, i) => expect(p).toMatch(new RegExp(`\\b${i + 1}\\s*/\\s*${pages.length}\\b`)));
      // The app's navigation and buttons are not printed.
      expect(text).not.toContain(lang === 'zh' ? '区划与登记' : 'Areas & registry');
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '2',
        pdf,
        path.join(SHOTS, `print-dashboard-${lang}`),
      ]);
      await context.close();
    }
  }, 180_000);

  it('logged no unexpected console error', () => {
    expect(e2e.problems).toEqual([]);
  });
});
