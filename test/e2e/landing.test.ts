/**
 * What each person sees first, in Chromium on province-51: a city manager lands on its own
 * city (never the province outside its scope), its place in the province's ranking shown and
 * the month's reporting beside it, then the completeness page; an officer opens the record form
 * on the visit, its badge filled in and its villages offered by name, saves a visit, lands on its
 * own work when it opens the app (a menu without what it cannot use), and its dashboard shows
 * without an error.
 * At desktop and phone width in both languages, none scrolling sideways, each screenshot saved.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addAccount, CITY_1, e2eSuite, present, REQUIRED, VILLAGE, type Lang, type Viewport } from './harness.ts';

const MANAGER = { username: 'e2e-city', password: 'a-long-manager-password-5512' };
const OFFICER = { username: 'e2e-landing-officer', password: 'a-long-officer-password-9031' };
const AUDITOR = { username: 'e2e-auditor', password: 'a-long-auditor-password-2207' };
/** Officer 0100002, posted at Room 002000-1 (Town 1.1.2) since 2016. */
const BADGE = '0100002';

describe.skipIf(!present && !REQUIRED)('each role’s landing in Chromium', () => {
  const e2e = e2eSuite();

  beforeAll(() => {
    if (!e2e.auth) return;
    addAccount(e2e.dbUrl, MANAGER, 'manager', ['--area', CITY_1]);
    addAccount(e2e.dbUrl, OFFICER, 'officer', ['--badge', BADGE]);
    addAccount(e2e.dbUrl, AUDITOR, 'auditor');
  });

  const errors = (page: Page) => page.locator('.state-error').allTextContents();

  for (const lang of ['zh', 'en'] as Lang[])
    for (const viewport of ['desktop', 'phone'] as Viewport[]) {
      it(`lands a city manager on its own city at ${viewport} width in ${lang}`, async () => {
        const { context, page } = await e2e.open(lang, viewport, '/', { signIn: false });
        await e2e.signInAs(page, MANAGER);
        await page.locator('.dashboard[data-ready]').waitFor({ timeout: 60_000 });
        const url = new URL(page.url());
        expect(url.searchParams.get('area') ?? CITY_1).toBe(CITY_1);
        expect(await page.locator('h1').textContent()).toMatch(/City 1|市/);
        const standing = await page.getByTestId('standing').textContent();
        expect(standing).toMatch(lang === 'zh' ? /^全省第\d+名/ : /^No\. \d+ in the province/);
        expect(await errors(page)).toEqual([]);
        await page.locator('.chart-box [data-chart-ready]').first().waitFor();
        await e2e.noSidewaysScroll(page);
        await e2e.snap(page, `landing-manager-${viewport}-${lang}`);

        await page.goto(`${e2e.base}/assessment/completeness`);
        await page.locator('.completeness-page [data-testid=completeness]').waitFor();
        await page.locator('[data-testid=rooms-not-reporting], .completeness-page .pass-mark').first().waitFor();
        expect(await errors(page)).toEqual([]);
        await e2e.noSidewaysScroll(page);
        await e2e.snap(page, `completeness-${viewport}-${lang}`);
        await context.close();
      }, 180_000);

      it(`lands an officer on its visit form, badge filled in, and saves a visit at ${viewport} width in ${lang}`, async () => {
        const { context, page } = await e2e.open(lang, viewport, '/records', { signIn: false });
        await e2e.signInAs(page, OFFICER);
        // The visit is an officer's first form, at /records itself.
        const badge = page.locator('#f-visits-badge');
        await expect.poll(() => badge.inputValue()).toBe(BADGE);
        // Its unit's villages are offered by name: one tap fills the code.
        const picks = page.locator('.village-picks .chip');
        await expect.poll(() => picks.count()).toBe(2);
        await picks.first().click();
        expect(await page.locator('input[name=area_code]').inputValue()).toBe(VILLAGE);
        await page.locator('#f-visits-household_ref').fill(`H-LAND-${viewport}-${lang}`);
        await e2e.noSidewaysScroll(page);
        await e2e.snap(page, `landing-officer-${viewport}-${lang}`);
        await page.getByRole('button', { name: lang === 'zh' ? '保存' : 'Save' }).click();
        await expect
          .poll(() => page.locator('#record-status').textContent(), { timeout: 15_000 })
          .toContain(lang === 'zh' ? '已保存 1 条记录' : 'Saved 1 record');
        await e2e.snap(page, `landing-officer-saved-${viewport}-${lang}`);

        // Opening the app, it lands on its own work; its menu holds nothing it cannot use.
        await page.goto(`${e2e.base}/`);
        await page.waitForURL('**/work');
        await page.getByTestId('work-reporting').waitFor();
        expect(await errors(page)).toEqual([]);
        const menu = await page.locator('.app-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(menu.some((h) => /^\/(funds|import|notifications)/.test(h ?? ''))).toBe(false);
        expect(menu[0]).toBe('/work');
        await e2e.noSidewaysScroll(page);
        await e2e.snap(page, `landing-officer-work-${viewport}-${lang}`);

        // Its dashboard is its own area's, one link away, without an error.
        await page.locator('.app-nav a[href^="/?"], .app-nav a[href="/"]').first().click();
        await page.locator('.dashboard[data-ready]').waitFor({ timeout: 60_000 });
        expect(await errors(page)).toEqual([]);
        await e2e.noSidewaysScroll(page);
        await e2e.snap(page, `landing-officer-dashboard-${viewport}-${lang}`);
        await context.close();
      }, 180_000);
    }

  for (const lang of ['zh', 'en'] as Lang[])
    it(`tells an auditor, in ${lang}, that the dashboard is not its page and what it can open`, async () => {
      if (!e2e.auth) return;
      const { context, page } = await e2e.open(lang, 'phone', '/', { signIn: false });
      await e2e.signInAs(page, AUDITOR);
      const notice = page.getByTestId('not-for-account');
      await notice.waitFor();
      expect(await notice.locator('h1').textContent()).toBe(
        lang === 'zh' ? '本账号不能使用这一页' : 'This account cannot use this page',
      );
      expect(await errors(page)).toEqual([]);
      await e2e.noSidewaysScroll(page);
      await e2e.snap(page, `landing-auditor-phone-${lang}`);
      await context.close();
    });

  it('met no unexpected console error', () => {
    expect(e2e.problems).toEqual([]);
  });
});
