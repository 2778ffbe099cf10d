/**
 * The import page in Chromium with real files: an XLSX template filled in and uploaded through
 * the page's file input, checked by the server, written, and its records counted on the
 * dashboard; the checked job confirmed by its id (no second upload), its bar following the
 * job's phase while the server holds it at its turn; a CSV's check held after its reading, the
 * bar and the rows read and checked shown; a workbook with a bad row shown by sheet
 * and row; a slow upload's progress bar and its stop button. Screenshots at desktop and phone widths in both languages, none scrolling
 * sideways.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { KINDS, kindByName } from '../../src/modules/imports/kinds/index.ts';
import { writeTemplate } from '../../src/modules/imports/reader/index.ts';
import { templateSheets } from '../../src/modules/imports/template.service.ts';
import { jobHooks } from '../../src/modules/imports/import-jobs.service.ts';
import { mergeHooks } from '../../src/modules/imports/import.service.ts';
import { CITY_1, e2eSuite, present, REQUIRED, walkPages, type Lang, type Viewport } from './harness.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Villages of City 1. */
const VILLAGES = ['510101002001', '510101002002', '510101002003', '510101002004', '510101001001', '510101001002'];

/** 25 surveys of July 2019 in City 1 (a month with none before): 15 know their officer. */
const JULY = Array.from({ length: 25 }, (_, i) => [
  `E2E-X-${i}`,
  `2019-07-${String(1 + i).padStart(2, '0')}`,
  VILLAGES[i % VILLAGES.length],
  i < 15 ? '是' : '否',
  String(1 + (i % 5)),
  'door',
]);

/** A template as `outpost template` writes it (Chinese headers), its example rows replaced by `rows`. */
async function filledTemplate(kinds: string[], rows: Record<string, string[][]>): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-template-'));
  try {
    const file = path.join(dir, 'template.xlsx');
    await writeTemplate(file, templateSheets(kinds.map((k) => kindByName(k)!)), { headers: 'zh' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    for (const sheet of book.worksheets) {
      sheet.spliceRows(2, 1);
      for (const row of rows[sheet.name] ?? []) sheet.addRow(row);
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!present && !REQUIRED)('the import page in Chromium', () => {
  // The settings test sends a limit out of range on purpose: the browser logs its 400.
  const e2e = e2eSuite({
    expected: (m) => /status of 400/.test(m.text()) && /\/api\/v1\/imports\/settings$/.test(m.location().url ?? ''),
  });
  let surveysBook: Buffer;

  async function upload(page: Page, name: string, buffer: Buffer, mimeType = XLSX) {
    await page.locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
  }

  it('uploads a filled XLSX template, checks it, writes it, and the dashboard counts its records', async () => {
    surveysBook = await filledTemplate(['surveys'], { surveys: JULY });
    const { context, page } = await e2e.open('zh', 'desktop', '/import?kind=visits');
    await upload(page, 'surveys-2019-07.xlsx', surveysBook);
    // The kind comes from the file's name, and the server checks all 25 rows before anything is written.
    await page.getByText('已按文件名识别为「群众测评」。').waitFor({ timeout: 20_000 });
    await page.getByText('全部 25 行校验通过，可以写入。').waitFor({ timeout: 20_000 });
    expect(await page.locator('.import-report tbody td').allTextContents()).toEqual(['25', '25', '0', '0']);
    await e2e.snap(page, 'import-ready-desktop-zh');

    // The write confirms the checked job by its id: the file is not uploaded again. The server
    // (in this process) holds the job at its turn, so the bar is seen following its phase.
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && posts.push(new URL(r.url()).pathname));
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    jobHooks.onTurn = () => held;
    try {
      await page.getByRole('button', { name: '写入 25 行' }).click();
      await page.locator('.import-working[data-phase="writing"]').waitFor({ timeout: 20_000 });
      await page.getByText('服务器正在写入…').waitFor();
      await e2e.snap(page, 'import-writing-desktop-zh');
    } finally {
      delete jobHooks.onTurn;
      release();
    }
    await page.getByText('导入完成：写入 25 行（新增或替换），其余相同记录未改动。').waitFor({ timeout: 20_000 });
    expect(posts).toEqual([expect.stringMatching(/^\/api\/v1\/imports\/\d+\/confirm$/)]);
    await e2e.snap(page, 'import-done-desktop-zh');

    await page.goto(`${e2e.base}/?area=${CITY_1}&month=2019-07`);
    await page.locator('.dashboard[data-ready]').waitFor({ timeout: 30_000 });
    const card = page.locator('.indicator-card', { has: page.locator('h3', { hasText: '知晓率' }) });
    await expect.poll(() => card.locator('.numden dd').textContent(), { timeout: 15_000 }).toMatch(/^15\s*\/\s*25$/);
    await context.close();
  }, 120_000);

  for (const lang of ['zh', 'en'] as Lang[])
    for (const viewport of ['desktop', 'phone'] as Viewport[])
      it(`shows a check passed at ${viewport} width in ${lang}, without sideways scrolling`, async () => {
        const { context, page } = await e2e.open(lang, viewport, '/import?kind=surveys');
        await upload(page, 'surveys-2019-07.xlsx', surveysBook);
        await page.locator('.import-ready .pass-mark').waitFor({ timeout: 20_000 });
        // Written once already: the same rows again change nothing.
        expect(await page.locator('.import-report tbody td').allTextContents()).toEqual(['25', '0', '0', '25']);
        await e2e.noSidewaysScroll(page);
        await e2e.snap(page, `import-checked-${viewport}-${lang}`);
        // Confirmed by its id and held at its turn: the bar follows the job's phase.
        let release = () => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        jobHooks.onTurn = () => held;
        try {
          await page.locator('.import-ready button.primary').click();
          await page.locator('.import-working[data-phase="writing"]').waitFor({ timeout: 20_000 });
          await e2e.noSidewaysScroll(page);
          await e2e.snap(page, `import-writing-${viewport}-${lang}`);
        } finally {
          delete jobHooks.onTurn;
          release();
        }
        await page.locator('.import-working').waitFor({ state: 'detached', timeout: 20_000 });
        await context.close();
      }, 120_000);

  it('shows the rows read and checked on a moving bar while the server checks a file, in both languages at both widths', async () => {
    const csv = Buffer.from(
      ['ref,date,area_code,knows_officer,satisfaction,channel', ...JULY.map((r) => r.join(','))].join('\n') + '\n',
    );
    for (const lang of ['zh', 'en'] as Lang[])
      for (const viewport of ['desktop', 'phone'] as Viewport[]) {
        const { context, page } = await e2e.open(lang, viewport, '/import?kind=surveys');
        // The server holds the check once every row is read and checked by its own rules.
        let release = () => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        mergeHooks.staged = () => held;
        try {
          await upload(page, 'surveys-2019-07.csv', csv, 'text/csv');
          await page.locator('.import-working[data-phase="checking"] progress[max="1"][value="1"]').waitFor({
            timeout: 20_000,
          });
          await page
            .getByText(
              lang === 'zh' ? '已读取并校验 25 行（文件的 100%）' : '25 rows read and checked (100% of the file)',
            )
            .waitFor();
          await e2e.noSidewaysScroll(page);
          await e2e.snap(page, `import-checking-${viewport}-${lang}`);
        } finally {
          delete mergeHooks.staged;
          release();
        }
        await page.locator('.import-ready .pass-mark').waitFor({ timeout: 20_000 });
        await context.close();
      }
  }, 180_000);

  it('lets an admin change the imports settings, a limit out of range refused by name and kept in the form', async () => {
    const { context, page } = await e2e.open('zh', 'desktop', '/admin/imports');
    const officer = page.getByLabel('民警上传文件解压后上限');
    await expect.poll(() => officer.inputValue(), { timeout: 30_000 }).toBe('20');
    await officer.fill('600');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('.imports-settings .error, .imports-settings [role=alert]').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.imports-settings').textContent()).toContain('officer_unpacked_max');
    expect(await officer.inputValue()).toBe('600');
    await e2e.snap(page, 'imports-settings-refused-desktop-zh');
    await officer.fill('30');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('导入设置已保存。').waitFor({ timeout: 20_000 });
    const shown = await page.evaluate(() => fetch('/api/v1/imports/settings').then((r) => r.json()));
    expect(shown).toMatchObject({ officer_unpacked_max: 30 * 1024 * 1024, confirm_minutes: 60 });
    await officer.fill('20');
    await page.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => page.evaluate(() => fetch('/api/v1/imports/settings').then((r) => r.json())))
      .toMatchObject({ officer_unpacked_max: 20 * 1024 * 1024 });
    await context.close();
  }, 120_000);

  walkPages(e2e, 'the imports settings page', '/admin/imports', [
    ['imports-settings', '/admin/imports', (p) => p.locator('form.imports-settings').waitFor({ timeout: 30_000 })],
  ]);

  it('shows a workbook’s rejected row by its sheet and row, on a phone', async () => {
    const book = await filledTemplate(
      KINDS.map((k) => k.kind),
      { surveys: [JULY[0], ['E2E-Y-1', '2019-07-02', 'NOWHERE', '是', '4', 'door']] },
    );
    for (const lang of ['zh', 'en'] as Lang[]) {
      const { context, page } = await e2e.open(lang, 'phone', '/import?kind=surveys');
      await upload(page, 'all.xlsx', book);
      await page.locator('.rejected').waitFor({ timeout: 30_000 });
      expect(await page.locator('.errors-table tbody td:first-child').allTextContents()).toEqual(['surveys:3']);
      // The reason is said in the page's language, from the row error's code and parameters.
      expect(await page.locator('.errors-table tbody td:last-child').allTextContents()).toEqual([
        lang === 'zh' ? '没有代码为 NOWHERE 的地区' : 'no area NOWHERE exists',
      ]);
      await e2e.noSidewaysScroll(page);
      await e2e.snap(page, `import-rejected-workbook-phone-${lang}`);
      await context.close();
    }
  }, 120_000);

  it('shows a slow upload’s progress and stops it, then the server at work on a big file', async () => {
    const { context, page } = await e2e.open('zh', 'desktop', '/import?kind=surveys');
    const lines = ['ref,date,area_code,knows_officer,satisfaction,channel'];
    for (let i = 0; i < 40_000; i++) lines.push(`E2E-S-${i},2019-08-01,${VILLAGES[i % 6]},yes,4,door`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 256 * 1024,
    });
    await upload(page, 'surveys-slow.csv', Buffer.from(lines.join('\n')), 'text/csv');
    const bar = page.locator('.progress progress[value]');
    await bar.waitFor({ timeout: 10_000 });
    await expect
      .poll(() => bar.evaluate((p) => (p as HTMLProgressElement).value), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await e2e.snap(page, 'import-uploading-desktop-zh');
    await page.getByRole('button', { name: '停止上传' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('已停止上传，没有写入任何数据。');

    // At full speed a file of 200,000 rows is sent at once; the page then says the server is checking it.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    for (let i = 40_000; i < 200_000; i++) lines.push(`E2E-S-${i},2019-08-01,${VILLAGES[i % 6]},yes,4,door`);
    await upload(page, 'surveys-big.csv', Buffer.from(lines.join('\n')), 'text/csv');
    await page.locator('.import-working').waitFor({ timeout: 20_000 });
    expect(await page.locator('.import-working').textContent()).toContain('服务器正在校验全部数据…');
    await e2e.snap(page, 'import-working-desktop-zh');
    await page.getByText('全部 200,000 行校验通过，可以写入。').waitFor({ timeout: 60_000 });
    await context.close();
  }, 120_000);

  it('logged no unexpected console error', () => {
    expect(e2e.problems).toEqual([]);
  });
});
