/**
 * Periods in Chromium (issue 18): on the period board of June 2019 a county's manager submits
 * the county, its city's manager approves it, the province's manager locks the province; the
 * dashboard then carries the locked badge, and a late visit of June entered in the record form
 * is refused with the lock's reason while a visit of July goes in. Then the board, the
 * dashboard and the rankings at desktop and phone widths in both languages, none scrolling
 * sideways.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  addAccount,
  CITY_1,
  COUNTY_1,
  e2eSuite,
  present,
  PROVINCE,
  REQUIRED,
  VILLAGE,
  walkPages,
  type PageVisit,
} from './harness.ts';

const MONTH = '2019-06';
const COUNTY = { username: 'e2e-county', password: 'a-long-county-password-1157' };
const CITY = { username: 'e2e-city', password: 'a-long-city-password-2268' };
const PROV = { username: 'e2e-province', password: 'a-long-province-password-3379' };
/** Officer 0100002, posted at the room of the village since 2016. */
const BADGE = '0100002';

describe.skipIf(!present && !REQUIRED)('periods in Chromium', () => {
  const e2e = e2eSuite({
    // The refused late record is a 409 the form exists to show.
    expected: (m) => /status of 409/.test(m.text()) && /\/api\/v1\/records\//.test(m.location().url ?? ''),
  });

  beforeAll(() => {
    if (!e2e.auth) return;
    addAccount(e2e.dbUrl, COUNTY, 'manager', ['--area', COUNTY_1]);
    addAccount(e2e.dbUrl, CITY, 'manager', ['--area', CITY_1]);
    addAccount(e2e.dbUrl, PROV, 'manager', ['--area', PROVINCE]);
  });

  async function openAs(user: { username: string; password: string } | null, url: string) {
    const opened = await e2e.open('zh', 'desktop', url, { signIn: false });
    const page = opened.page;
    if (e2e.auth && user) {
      await page.locator('#login-username').waitFor();
      await page.fill('#login-username', user.username);
      await page.fill('#login-password', user.password);
      await page.locator('[role=dialog] button[type=submit]').click();
      await page.locator('[role=dialog]').waitFor({ state: 'detached' });
    }
    return opened;
  }

  const row = (page: Page, area: string) => page.locator(`tr[data-area="${area}"]`);
  const statusOf = (page: Page, area: string) => row(page, area).locator('.badge').first().textContent();

  it('a county submits, its city approves, the province locks, and a late record is refused', async () => {
    const board = (area: string) => `/periods?area=${area}&month=${MONTH}`;

    const county = await openAs(COUNTY, board(COUNTY_1));
    await expect.poll(() => statusOf(county.page, COUNTY_1), { timeout: 20_000 }).toBe('未报送');
    // The county may submit, not approve or lock.
    expect(await row(county.page, COUNTY_1).getByRole('button').allTextContents()).toEqual(['报送']);
    await row(county.page, COUNTY_1).getByRole('button', { name: '报送' }).click();
    await expect.poll(() => statusOf(county.page, COUNTY_1)).toBe('已报送');
    await e2e.snap(county.page, 'periods-submitted-desktop-zh');
    await county.context.close();

    const city = await openAs(CITY, board(CITY_1));
    await expect.poll(() => statusOf(city.page, COUNTY_1), { timeout: 20_000 }).toBe('已报送');
    await row(city.page, COUNTY_1).getByRole('button', { name: '审核通过' }).click();
    await expect.poll(() => statusOf(city.page, COUNTY_1)).toBe('已审核');
    expect(await row(city.page, COUNTY_1).textContent()).toMatch(/e2e-county 于 .* 报送/);
    await e2e.snap(city.page, 'periods-approved-desktop-zh');
    await city.context.close();

    const province = await openAs(PROV, board(PROVINCE));
    const page = province.page;
    await expect.poll(() => statusOf(page, PROVINCE), { timeout: 20_000 }).toBe('未报送');
    await row(page, PROVINCE).getByRole('button', { name: '锁定' }).click();
    await expect.poll(() => statusOf(page, PROVINCE)).toBe('已锁定');
    // Every child is held by the province's lock.
    await expect.poll(() => statusOf(page, CITY_1)).toBe('已锁定');
    expect(await row(page, CITY_1).textContent()).toContain('随');
    await page.locator('.period-revision').waitFor();
    // The revision is worked out after the history shows: it may still be loading.
    await expect
      .poll(() => page.locator('.period-revision').textContent(), { timeout: 20_000 })
      .toContain('与锁定时一致');
    await e2e.snap(page, 'periods-locked-desktop-zh');

    await page.goto(`${e2e.base}/?area=${PROVINCE}&month=${MONTH}`);
    await page.locator('h1 .period-badge').waitFor({ timeout: 20_000 });
    expect(await page.locator('h1 .period-badge').textContent()).toContain('已锁定');

    // A visit of June is refused, naming the lock; one of July goes in.
    await page.goto(`${e2e.base}/records/visits`);
    const enter = async (date: string, household: string) => {
      await page.locator('#f-visits-date').fill(date);
      await page.locator('#f-visits-badge').fill(BADGE);
      await page.locator('input[name=area_code]').fill(VILLAGE);
      await page.locator('#f-visits-household_ref').fill(household);
      await page.getByRole('button', { name: '保存' }).click();
    };
    await enter(`${MONTH}-25`, 'H-E2E-LATE-1');
    await expect
      .poll(() => page.locator('.record-form').textContent(), { timeout: 15_000 })
      .toContain(`${PROVINCE} ${MONTH} 已锁定`);
    await e2e.snap(page, 'periods-late-record-desktop-zh');
    await enter('2019-07-02', 'H-E2E-LATE-2');
    await expect.poll(() => page.locator('#record-status').textContent(), { timeout: 15_000 }).toContain('已保存');
    await province.context.close();
  }, 180_000);

  it('an unlock with a reason lets a late record in, and the notice issued before shows its revision', async () => {
    const province = await openAs(PROV, `/periods?area=${PROVINCE}&month=${MONTH}`);
    const page = province.page;
    await expect.poll(() => statusOf(page, PROVINCE), { timeout: 20_000 }).toBe('已锁定');
    const issued = await page.request.post(`${e2e.base}/api/v1/notifications`, {
      data: { area: PROVINCE, month: MONTH, date: '2019-07-05' },
    });
    expect(issued.status(), await issued.text()).toBe(201);
    const { id } = ((await issued.json()) as { notification: { id: number } }).notification;

    // Unlocking asks for a reason first.
    await row(page, PROVINCE).getByRole('button', { name: '解锁' }).click();
    const send = row(page, PROVINCE).locator('form').getByRole('button', { name: '解锁' });
    expect(await send.isDisabled()).toBe(true);
    await row(page, PROVINCE).locator('textarea').fill('补录城区迟报的群众测评');
    await send.click();
    await expect.poll(() => statusOf(page, PROVINCE)).toBe('未报送');
    await expect.poll(() => statusOf(page, CITY_1)).not.toBe('已锁定');

    // Late surveys of June in the village, now let in: City 1's figures move.
    const late = Array.from({ length: 20 }, (_, i) => ({
      ref: `E2E-LATE-${i}`,
      date: `${MONTH}-28`,
      area_code: VILLAGE,
      knows_officer: 'no',
      satisfaction: 1,
      channel: 'door',
    }));
    const posted = await page.request.post(`${e2e.base}/api/v1/records/surveys`, { data: late });
    expect(posted.status(), await posted.text()).toBe(201);

    await row(page, PROVINCE).getByRole('button', { name: '锁定' }).click();
    await expect.poll(() => statusOf(page, PROVINCE)).toBe('已锁定');
    // The steps, the unlock with its reason among them.
    await expect
      .poll(() => page.locator('.period-history').textContent(), { timeout: 15_000 })
      .toContain('理由：补录城区迟报的群众测评');
    // The revision is worked out after the history shows: it may still be loading.
    await expect
      .poll(() => page.locator('.period-revision').textContent(), { timeout: 20_000 })
      .toContain('与锁定时一致');
    await e2e.snap(page, 'periods-relocked-desktop-zh');

    await page.goto(`${e2e.base}/notifications/${id}`);
    await page.locator('.issued-revision').waitFor({ timeout: 20_000 });
    expect(await page.locator('.issued-revision .badge').textContent()).toBe('印发后数据有修订');
    expect(await page.locator('.issued-revision').textContent()).toContain('印发时已锁定');
    expect(await page.locator('.issued-revision tbody tr').count()).toBeGreaterThan(0);
    await e2e.snap(page, 'periods-notice-revised-desktop-zh');
    await page.setViewportSize({ width: 390, height: 844 });
    await e2e.noSidewaysScroll(page);
    await e2e.snap(page, 'periods-notice-revised-phone-zh');
    await page.getByRole('button', { name: '切换到英文界面' }).click();
    await expect.poll(() => page.locator('.issued-revision .badge').textContent()).toBe('Revised since issued');
    await e2e.noSidewaysScroll(page);
    await e2e.snap(page, 'periods-notice-revised-phone-en');
    await province.context.close();
  }, 180_000);

  const PAGES: PageVisit[] = [
    [
      'periods-province',
      `/periods?area=${PROVINCE}&month=${MONTH}`,
      (p) => p.locator('.periods-table tbody tr').first().waitFor(),
    ],
    [
      'periods-city',
      `/periods?area=${CITY_1}&month=${MONTH}`,
      (p) => p.locator('.periods-table tbody tr').first().waitFor(),
    ],
    ['periods-dashboard-locked', `/?area=${PROVINCE}&month=${MONTH}`, (p) => p.locator('h1 .period-badge').waitFor()],
    [
      'periods-rankings-locked',
      `/assessment/rankings?area=${CITY_1}&month=${MONTH}`,
      (p) => p.locator('h1 .period-badge').waitFor(),
    ],
  ];
  walkPages(e2e, 'the period board and the locked badge', `/periods?area=${PROVINCE}&month=${MONTH}`, PAGES);

  it('logged no unexpected console error', () => {
    expect(e2e.problems).toEqual([]);
  });
});
