/**
 * Records entered without a network, in Chromium: an officer of province-51 enters two visits
 * with the network cut (`context.setOffline`), sees them waiting in the header and the outbox,
 * and once online sees one sent (the server counts it) and the other rejected with the server's
 * reason; corrected in its form, it is sent too. Once visited, the app opens again with no
 * network (the service worker) and what is entered then is sent when the network is back.
 * Screenshots of the outbox at desktop and phone widths in both languages, none scrolling
 * sideways.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addAccount, e2eSuite, present, REQUIRED, TOWN, USER, VILLAGE, VIEWPORTS } from './harness.ts';

const OFFICER = { username: 'e2e-officer', password: 'a-long-officer-password-7305' };
/** Officer 0100002, posted at Room 002000-1 (Town 1.1.2) since 2016. */
const BADGE = '0100002';
const MONTH = '2019-06';

describe.skipIf(!present && !REQUIRED)('the outbox in Chromium', () => {
  const e2e = e2eSuite({
    // Chromium logs every request refused while offline.
    expected: (m) => /ERR_INTERNET_DISCONNECTED/.test(m.text()),
  });

  beforeAll(() => {
    if (e2e.auth) addAccount(e2e.dbUrl, OFFICER, 'officer', ['--badge', BADGE]);
  });

  /** Visits in the village in June 2019, as the API counts them (for the admin). */
  async function visitsInVillage(): Promise<number> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (e2e.auth) {
      const login = await fetch(`${e2e.base}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(USER),
      });
      headers.authorization = `Bearer ${((await login.json()) as { token: string }).token}`;
    }
    const res = await fetch(`${e2e.base}/api/v1/informational?month=${MONTH}&code=${VILLAGE}`, { headers });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { figures: Record<string, { numerator: number }> };
    return body.figures.visits_per_officer.numerator;
  }

  async function enterVisit(page: Page, area: string, household: string) {
    await page.locator('#f-visits-date').fill(`${MONTH}-20`);
    await page.locator('#f-visits-badge').fill(BADGE);
    await page.locator('input[name=area_code]').fill(area);
    await page.locator('#f-visits-household_ref').fill(household);
    await page.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => page.locator('#record-status').textContent(), { timeout: 10_000 })
      .toContain('已保存在本机，联网后自动发送');
  }

  const indicator = (page: Page) => page.locator('.outbox-indicator');

  it('keeps visits entered offline, sends them once online, and shows the one the server rejects', async () => {
    const { context, page } = await e2e.open('zh', 'desktop', '/records/visits', { signIn: false });
    await e2e.signInAs(page, OFFICER);
    await page.locator('.record-form').waitFor();
    const before = await visitsInVillage();

    await context.setOffline(true);
    await enterVisit(page, VILLAGE, 'H-E2E-OFFLINE-1');
    // A township where a village belongs: only the server knows, and it is not there to ask.
    await enterVisit(page, TOWN, 'H-E2E-OFFLINE-2');
    await e2e.snap(page, 'records-kept-desktop-zh');
    await expect.poll(() => indicator(page).textContent()).toContain('待发送 2');

    await indicator(page).click();
    await page.waitForURL('**/records/outbox');
    const items = page.locator('.outbox-item');
    await expect.poll(() => items.count()).toBe(2);
    expect(await page.locator('.outbox-status').textContent()).toContain('本机现在没有网络');
    expect(await items.first().textContent()).toContain('H-E2E-OFFLINE-1');
    await e2e.snap(page, 'outbox-waiting-desktop-zh');

    await context.setOffline(false);
    // The first is sent; the second comes back rejected with the server's reason, in Chinese.
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(() => items.first().textContent(), { timeout: 15_000 })
      .toContain('510101002000 是乡镇级地区，不是村（社区）');
    expect(await items.first().textContent()).toContain('被退回');
    expect(await page.locator('.outbox-status').textContent()).toMatch(/已发送 1 条/);
    expect(await indicator(page).getAttribute('data-waiting')).toBe('0');
    expect(await indicator(page).getAttribute('data-rejected')).toBe('1');
    expect(await visitsInVillage()).toBe(before + 1);
    await e2e.snap(page, 'outbox-desktop-zh');

    await page.setViewportSize(VIEWPORTS.phone);
    await e2e.noSidewaysScroll(page);
    await e2e.snap(page, 'outbox-phone-zh');
    await page.getByRole('button', { name: '切换到英文界面' }).click();
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    await e2e.noSidewaysScroll(page);
    await e2e.snap(page, 'outbox-phone-en');
    await page.setViewportSize(VIEWPORTS.desktop);
    await e2e.snap(page, 'outbox-desktop-en');

    // Corrected in its form (the reason beside the field) and saved, it leaves the outbox.
    await items.first().getByRole('link', { name: 'Correct' }).click();
    await page.waitForURL((u) => u.pathname === '/records/visits' && u.searchParams.has('outbox'));
    await expect
      .poll(() => page.locator('.field-error').allTextContents())
      .toEqual([expect.stringContaining('not a village-level area')]);
    await page.locator('input[name=area_code]').fill(VILLAGE);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('#record-status').textContent()).toContain('Saved 1 record');
    expect(await indicator(page).count()).toBe(0);
    expect(await visitsInVillage()).toBe(before + 2);
    await context.close();
  }, 120_000);

  it('opens again without network once visited, and sends what was entered when the network is back', async () => {
    const { context, page } = await e2e.open('zh', 'phone', '/records/visits', { signIn: false });
    await e2e.signInAs(page, OFFICER);
    await page.locator('.record-form').waitFor();
    // The service worker (production builds) has kept the page and its files.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
    const before = await visitsInVillage();

    await context.setOffline(true);
    expect((await page.reload())?.fromServiceWorker()).toBe(true);
    await page.locator('.record-form').waitFor();
    await enterVisit(page, VILLAGE, 'H-E2E-SHELL-1');
    await expect.poll(() => indicator(page).getAttribute('data-waiting')).toBe('1');
    await e2e.noSidewaysScroll(page);
    await e2e.snap(page, 'records-kept-phone-zh');

    // Back online: the app asks who is signed in, then sends.
    await context.setOffline(false);
    await expect.poll(() => indicator(page).count(), { timeout: 15_000 }).toBe(0);
    expect(await visitsInVillage()).toBe(before + 1);
    await context.close();
  }, 120_000);

  it('logged no unexpected console error', () => {
    expect(e2e.problems).toEqual([]);
  });
});
