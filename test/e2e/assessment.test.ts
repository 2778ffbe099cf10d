/**
 * Assessment in depth in Chromium: a dashboard figure explained down to a village's records;
 * rooms and officers of a county ranked, one's 12-month trend; a scheme edited with the ranking
 * previewed before it is saved (the officers' too); the informational figures beside the
 * children's; a proposal approved; the data-quality report. Every page at both widths in both
 * languages.
 */
import { describe, expect, it } from 'vitest';
import {
  CITY_1,
  COUNTY_1,
  e2eSuite,
  present,
  PROVINCE,
  REQUIRED,
  VILLAGE,
  type PageVisit,
  walkPages,
} from './harness.ts';

describe.skipIf(!present && !REQUIRED)('assessment in depth in Chromium', () => {
  const e2e = e2eSuite();

  it('explains a dashboard figure level by level, down to a village’s records', async () => {
    const { context, page } = await e2e.open('zh', 'desktop', `/?area=${PROVINCE}&month=2019-06`);
    await page.locator('.dashboard[data-ready]').waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: '查看知晓率的构成' }).click();
    await page.waitForURL(
      (u) => u.pathname === '/assessment/explain' && u.searchParams.get('indicator') === 'awareness_rate',
    );
    const children = page.locator('table.explain-table tbody tr');
    await children.first().waitFor({ timeout: 30_000 });
    expect(await children.count()).toBe(7);
    // The children add up to the figure (nothing is placed at the province itself).
    const sums = await children.evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].slice(0, 2).map((td) => Number(td.textContent!.replace(/,/g, '')))),
    );
    const figure = await page.locator('.explain-figure .figure-value').allTextContents();
    expect(sums.reduce((n, [num]) => n + num, 0)).toBe(Number(figure[1]));
    expect(sums.reduce((n, [, den]) => n + den, 0)).toBe(Number(figure[2]));
    await e2e.snap(page, 'explain-province-desktop-zh');

    for (const name of ['City 1', 'County 1.1', 'Town 1.1.2', 'Village 1.1.2.1']) {
      await page.getByRole('link', { name, exact: true }).click();
      await page.locator('h1', { hasText: name }).waitFor();
    }
    expect(new URL(page.url()).searchParams.get('area')).toBe(VILLAGE);
    const records = page.locator('table.records-table tbody tr');
    await records.first().waitFor();
    // Every survey answering the question in the village is listed, each counting 1 or 0.
    const own = await page.locator('.explain-figure .figure-value').allTextContents();
    expect(await records.count()).toBe(Number(own[2]));
    expect(await records.first().textContent()).toContain('群众测评');
    await e2e.snap(page, 'explain-village-desktop-zh');
    await context.close();
  }, 120_000);

  it('ranks a county’s rooms and officers, and opens one’s 12-month trend', async () => {
    const { context, page } = await e2e.open('zh', 'desktop', `/assessment/rankings?area=${COUNTY_1}&month=2019-06`);
    const rows = page.locator('table.ranking tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    expect(await rows.count()).toBe(4);
    await page.getByText('民警', { exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('of') === 'officer');
    await expect.poll(() => page.locator('h1').textContent()).toContain('民警排名');
    await rows.first().waitFor();
    await e2e.snap(page, 'rankings-officers-desktop-zh');
    await rows.first().locator('a').click();
    await page.waitForURL((u) => u.pathname === '/assessment/trend' && u.searchParams.get('kind') === 'officer');
    await page.locator('.chart[data-chart-ready]').waitFor({ timeout: 30_000 });
    expect(await page.locator('table.trend-table tbody tr').count()).toBe(12);
    expect(await page.locator('table.trend-table thead').textContent()).toContain('每周走访');
    await context.close();
  }, 120_000);

  it('previews how the ranking would move under an edited scheme, then saves it as a new version', async () => {
    const { context, page } = await e2e.open('zh', 'desktop', `/assessment/schemes?area=${PROVINCE}&month=2019-06`);
    const weight = page.getByLabel('信息提供率 权重');
    await weight.waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.preview-table tbody tr').count(), { timeout: 30_000 }).toBe(7);
    const before = await page.locator('.preview-table tbody th').allTextContents();
    // A floor above the target is refused before anything is asked.
    await page.getByLabel('知晓率 目标').fill('40');
    expect(await page.locator('.field-error').first().textContent()).toBe('目标应在及格线“更好”的一侧。');
    await page.getByLabel('知晓率 目标').fill('90');
    await weight.fill('100');
    await expect
      .poll(() => page.locator('[role=status]').filter({ hasText: '预览' }).count(), { timeout: 30_000 })
      .toBe(1);
    await expect
      .poll(() => page.locator('.preview-table small.up, .preview-table small.down').count())
      .toBeGreaterThan(0);
    const after = await page.locator('.preview-table tbody th').allTextContents();
    expect(after).not.toEqual(before);
    expect(after.map((s) => s.replace('落后', ''))).toEqual([
      'City 7',
      'City 2',
      'City 3',
      'City 4',
      'City 6',
      'City 1',
      'City 5',
    ]);
    expect(await page.locator('.preview-table tr.is-moved').count()).toBeGreaterThan(0);
    await e2e.snap(page, 'scheme-preview-desktop-zh');

    await page.getByLabel('修改说明（选填）').fill('加大信息提供率权重');
    await page.getByRole('button', { name: '保存为2019年新版本' }).click();
    await expect.poll(() => page.getByText(/现行：第 1 版/).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByLabel('信息提供率 权重').inputValue()).toBe('100');
    // Saved: the ranking in force is now the one previewed.
    await expect
      .poll(() => page.locator('.preview-table tbody th').allTextContents(), { timeout: 30_000 })
      .toEqual(after);
    await context.close();
  }, 180_000);

  it('refuses thresholds as a save would, by the server’s own rules, in either language at phone width', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const { context, page } = await e2e.open(lang, 'phone', `/assessment/schemes?area=${PROVINCE}&month=2019-06`);
      const months = page.locator('input[id$="-th-interview_months"]').first();
      await months.waitFor({ timeout: 30_000 });
      await months.fill('13');
      await page.locator('input[id$="-th-criticism"]').first().fill('95');
      const errors = page.locator('.thresholds .field-error');
      await expect.poll(() => errors.count()).toBe(1);
      expect(await errors.first().textContent()).toBe(
        lang === 'zh' ? '月数应为 1 到 12 的整数。' : 'A whole number of months from 1 to 12.',
      );
      await months.fill('3');
      expect(await errors.first().textContent()).toBe(
        lang === 'zh'
          ? '批评的分数线不能高于表扬的分数线。'
          : 'The criticism threshold cannot be above the commendation threshold.',
      );
      await e2e.snap(page, `scheme-thresholds-refused-phone-${lang}`);
      await context.close();
    }
  }, 180_000);

  it('previews how the officers would rank under an edited officer scheme', async () => {
    const { context, page } = await e2e.open(
      'zh',
      'desktop',
      `/assessment/schemes?scheme=officer&area=${COUNTY_1}&month=2019-06`,
    );
    await page.getByRole('heading', { name: /一线民警排名/ }).waitFor({ timeout: 30_000 });
    const rows = page.locator('.preview-table tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    const count = await rows.count();
    expect(count).toBeGreaterThan(1);
    const before = await page.locator('.preview-table tbody th').allTextContents();
    await page.getByLabel('每周走访 权重').fill('0');
    await page.getByLabel('熟悉率 权重').fill('100');
    await expect
      .poll(() => page.locator('[role=status]').filter({ hasText: '预览' }).count(), { timeout: 30_000 })
      .toBe(1);
    await expect
      .poll(() => page.locator('.preview-table small.up, .preview-table small.down').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await rows.count()).toBe(count);
    expect(await page.locator('.preview-table tbody th').allTextContents()).not.toEqual(before);
    await e2e.snap(page, 'scheme-officer-preview-desktop-zh');
    await context.close();
  }, 120_000);

  it('shows the informational figures of the province beside its cities’, adding up, and drills down', async () => {
    const { context, page } = await e2e.open(
      'zh',
      'desktop',
      `/assessment/informational?area=${PROVINCE}&month=2019-06`,
    );
    const rows = page.locator('.informational-page table tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    expect(await rows.count()).toBe(7);
    const detail = await page.locator('.figure-detail').first().textContent();
    const [, visits, officers] = /走访 ([\d,]+) 户次 ÷ 月末一线民警 ([\d,]+) 人/
      .exec(detail ?? '')!
      .map((x) => Number(x?.replace(/,/g, '')));
    expect(visits).toBeGreaterThan(0);
    const parts = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.querySelector('td small')!.textContent!.replace(/,/g, '').split('/').map(Number)),
    );
    expect(parts.reduce((n, [v]) => n + v, 0)).toBe(visits);
    expect(parts.reduce((n, [, o]) => n + o, 0)).toBe(officers);
    await e2e.snap(page, 'informational-province-desktop-zh');
    await page.getByRole('link', { name: 'City 1', exact: true }).click();
    await page.locator('h1', { hasText: 'City 1' }).waitFor();
    expect(new URL(page.url()).searchParams.get('area')).toBe(CITY_1);
    await context.close();
  }, 120_000);

  it('approves a proposed commendation or sanction, once', async () => {
    const { context, page } = await e2e.open('zh', 'desktop', `/assessment/proposals?area=${PROVINCE}&month=2019-06`);
    const first = page.locator('article.proposal', { has: page.getByRole('button', { name: '批准' }) }).first();
    await first.waitFor({ timeout: 30_000 });
    const name = await first.locator('h3').textContent();
    await first.getByPlaceholder('意见（选填）').fill('同意');
    await first.getByRole('button', { name: '批准' }).click();
    const card = page.locator('article.proposal', { hasText: name ?? '' }).first();
    await expect.poll(() => card.locator('.badge').first().textContent()).toBe('已批准');
    expect(await card.getByRole('button', { name: '批准' }).count()).toBe(0);
    expect(await card.textContent()).toContain('同意');
    await e2e.snap(page, 'proposals-decided-desktop-zh');
    await context.close();
  }, 120_000);

  it('reports the month’s data quality, each finding with its items', async () => {
    const { context, page } = await e2e.open('zh', 'desktop', `/assessment/quality?area=${PROVINCE}&month=2019-06`);
    await page.getByRole('heading', { name: /无法归属的记录/ }).waitFor({ timeout: 30_000 });
    const unplaced = page.locator('section', { has: page.getByRole('heading', { name: /无法归属的记录/ }) });
    expect(Number(await unplaced.locator('h2 .badge').textContent())).toBeGreaterThan(0);
    expect(await unplaced.locator('tbody tr').count()).toBeLessThanOrEqual(10);
    await context.close();
  }, 120_000);

  const PAGES: PageVisit[] = [
    [
      'explain',
      `/assessment/explain?area=${COUNTY_1}&month=2019-06&indicator=satisfaction_rate`,
      (p) => p.locator('table.explain-table').waitFor({ timeout: 30_000 }),
    ],
    [
      'explain-records',
      `/assessment/explain?area=${VILLAGE}&month=2019-06`,
      (p) => p.locator('table.records-table').waitFor({ timeout: 30_000 }),
    ],
    [
      'rankings-units',
      `/assessment/rankings?area=${COUNTY_1}&month=2019-06`,
      (p) => p.locator('table.ranking').waitFor({ timeout: 30_000 }),
    ],
    [
      'trend',
      `/assessment/trend?area=${COUNTY_1}&month=2019-06`,
      (p) => p.locator('.chart[data-chart-ready]').waitFor({ timeout: 30_000 }),
    ],
    [
      'schemes',
      `/assessment/schemes?area=${PROVINCE}&month=2019-06`,
      (p) => p.locator('.preview-table').waitFor({ timeout: 30_000 }),
    ],
    [
      'schemes-officer',
      `/assessment/schemes?scheme=officer&area=${COUNTY_1}&month=2019-06`,
      (p) => p.locator('.preview-table').waitFor({ timeout: 30_000 }),
    ],
    [
      'informational',
      `/assessment/informational?area=${COUNTY_1}&month=2019-06`,
      (p) => p.locator('.informational-page table').waitFor({ timeout: 30_000 }),
    ],
    [
      'proposals',
      `/assessment/proposals?area=${PROVINCE}&month=2019-06&subject=area`,
      (p) => p.locator('article.proposal').first().waitFor({ timeout: 30_000 }),
    ],
    [
      'quality',
      `/assessment/quality?area=${PROVINCE}&month=2019-06`,
      (p) => p.locator('.quality-page .figures').waitFor({ timeout: 30_000 }),
    ],
  ];
  walkPages(e2e, 'the assessment pages', '/assessment/quality', PAGES);

  it('logged no unexpected console error', () => {
    expect(e2e.problems).toEqual([]);
  });
});
