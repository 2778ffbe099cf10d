/**
 * Issuing and receipt in Chromium (issue 19): the province's manager locks June 2019, issues its
 * notice with a date, a deadline and a signer (the issued document shown, not the draft); City 1
 * and City 2 find it in their 待办 and sign for it (the header's count falls by one and the item leaves); the
 * province chases City 3 (催办), seen in the notice's history. Then the 待办 page, the notice with
 * its receipts, the issue page and the accounts page at both widths in both languages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addAccount, CITY_1, e2eSuite, present, PROVINCE, REQUIRED, walkPages, type PageVisit } from './harness.ts';

const MONTH = '2019-06';
const CITY_2 = '510200000000';
const CITY_3 = '510300000000';
const PROV = { username: 'e2e-r-province', password: 'a-long-province-password-5511' };
const CITY1 = { username: 'e2e-r-city1', password: 'a-long-city-password-6622' };
const CITY2 = { username: 'e2e-r-city2', password: 'a-long-city-password-7733' };
/** The first notice of a fresh database. */
const NOTICE = 1;

describe.skipIf(!present && !REQUIRED)('issuing and receipt in Chromium', () => {
  const e2e = e2eSuite({
    // The refused email is a 400 the accounts page exists to show.
    expected: (m) => /status of 400/.test(m.text()) && /\/api\/v1\/users\//.test(m.location().url ?? ''),
  });

  beforeAll(() => {
    if (!e2e.auth) return;
    addAccount(e2e.dbUrl, PROV, 'manager', ['--area', PROVINCE, '--name', '王建国']);
    addAccount(e2e.dbUrl, CITY1, 'manager', ['--area', CITY_1, '--name', '张伟']);
    addAccount(e2e.dbUrl, CITY2, 'manager', ['--area', CITY_2, '--name', '李娜']);
  });

  async function openAs(user: { username: string; password: string }, url: string) {
    const opened = await e2e.open('zh', 'desktop', url, { signIn: false });
    await e2e.signInAs(opened.page, user);
    return opened;
  }
  const count = (page: Page) => page.locator('.todo-count').getAttribute('data-count');

  it('issues on locked figures with date, deadline and signer, and shows the issued document', async () => {
    const { page, context } = await openAs(PROV, `/notifications?area=${PROVINCE}&month=${MONTH}`);
    const lock = await page.request.post(`${e2e.base}/api/v1/periods/lock`, { data: { area: PROVINCE, month: MONTH } });
    expect(lock.status(), await lock.text()).toBe(200);
    await page.reload();
    await expect
      .poll(() => page.locator('[data-testid=lock-state]').getAttribute('data-unlocked'), { timeout: 20_000 })
      .toBe('0');
    await page.getByRole('button', { name: '签发通报' }).click();
    await page.getByLabel('印发日期').fill('2019-07-05');
    await page.getByLabel('整改期限').fill('2019-07-25');
    await page.getByLabel('签发人').fill('李四');
    // The draft's preview follows the date chosen.
    await expect
      .poll(() => page.locator('.document-panel .document').textContent(), { timeout: 20_000 })
      .toContain('2019年7月5日');
    await e2e.snap(page, 'receipts-issue-form-desktop-zh');
    await page.getByRole('button', { name: '确定签发' }).click();
    await page.locator('[data-testid=issued]').waitFor({ timeout: 30_000 });
    await page.locator('#notice-issued-h').waitFor();
    const doc = page.locator('.document-panel .document');
    await expect.poll(() => doc.locator('.document-number').textContent()).toContain('签发人：李四');
    expect(await doc.textContent()).not.toContain('临时数据');
    const hrefs = await page.locator('.downloads a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.every((h) => h?.includes(`/notifications/${NOTICE}?format=`))).toBe(true);
    await e2e.snap(page, 'receipts-issued-desktop-zh');
    await context.close();
  }, 180_000);

  it('two cities sign for it from their 待办; the count falls by one and the item leaves', async () => {
    for (const [user, area] of [
      [CITY1, CITY_1],
      [CITY2, CITY_2],
    ] as const) {
      const { page, context } = await openAs(user, '/todo');
      const item = page.locator(`li[data-key="notice_sign:${NOTICE}:${area}"] a`);
      await item.waitFor({ timeout: 20_000 });
      // Its city's rectification tasks may wait for it too (a lagging city): the count holds them all.
      await expect.poll(() => count(page), { timeout: 20_000 }).not.toBeNull();
      const before = Number(await count(page));
      expect(before).toBeGreaterThanOrEqual(1);
      if (area === CITY_1) await e2e.snap(page, 'receipts-todo-before-desktop-zh');
      await item.click();
      await page.getByRole('button', { name: /签收本通报/ }).click();
      await expect
        .poll(() => page.locator(`tr[data-area="${area}"]`).getAttribute('data-signed'), { timeout: 15_000 })
        .toBe('true');
      await expect.poll(() => count(page), { timeout: 15_000 }).toBe(String(before - 1));
      await page.goto(`${e2e.base}/todo`);
      await page.locator('.todo-page h1').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.locator(`li[data-key^="notice_sign:"]`).count()).toBe(0);
      if (area === CITY_2) await e2e.snap(page, 'receipts-todo-after-desktop-zh');
      await context.close();
    }
  }, 180_000);

  it('the province chases City 3, and the history says so', async () => {
    const { page, context } = await openAs(PROV, `/notifications/${NOTICE}`);
    await page.locator('[data-testid=receipts] table').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid=receipt-summary]').textContent()).toMatch(/已签收 2 \//);
    expect(await page.locator(`tr[data-area="${CITY_1}"]`).textContent()).toContain('张伟');
    await page.locator(`tr[data-area="${CITY_3}"] input[type=checkbox]`).check();
    await page.getByRole('button', { name: '催办所选地区' }).click();
    await page.locator('[data-testid=receipts] [role=status]').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('[data-testid=notice-history]').textContent()).toMatch(/王建国 催办：City 3/);
    expect(await page.locator(`tr[data-area="${CITY_3}"]`).textContent()).toContain('已催办 1 次');
    await e2e.snap(page, 'receipts-reminded-desktop-zh');
    await context.close();
  }, 180_000);

  it('an admin names an account and gives its email; a bad email is refused', async () => {
    const { page, context } = await e2e.open('zh', 'desktop', '/admin/accounts');
    const row = page.locator('tr[data-user="e2e-desk"]');
    await row.getByRole('button', { name: '编辑' }).click();
    await row.getByLabel('姓名').fill('赵敏');
    await row.getByLabel('邮箱').fill('not an email');
    await row.getByRole('button', { name: '保存' }).click();
    // A bad email is refused and nothing changes.
    await row.locator('.error, [role=alert]').first().waitFor({ timeout: 15_000 });
    await row.getByLabel('邮箱').fill('zhao@example.org');
    await row.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('赵敏');
    expect(await row.textContent()).toContain('zhao@example.org');
    await e2e.snap(page, 'receipts-account-named-desktop-zh');
    await context.close();
  }, 120_000);

  const PAGES: PageVisit[] = [
    ['receipts-todo', '/todo', (p) => p.locator('.todo-page h1').waitFor()],
    ['receipts-notice', `/notifications/${NOTICE}`, (p) => p.locator('[data-testid=receipts] table').waitFor()],
    [
      'receipts-issue-page',
      `/notifications?area=${PROVINCE}&month=${MONTH}`,
      (p) => p.locator('#notice-issued-h').waitFor(),
    ],
    ['receipts-accounts', '/admin/accounts', (p) => p.locator('.accounts-page tbody tr').first().waitFor()],
  ];
  walkPages(e2e, 'the 待办, a notice with its receipts, issuing and accounts', '/todo', PAGES);

  it('logged no unexpected console error', () => {
    expect(e2e.problems).toEqual([]);
  });
});
