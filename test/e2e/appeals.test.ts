/**
 * Appeals (申诉) in Chromium: a city's manager appeals its score in the province's notice with
 * reasons and an evidence file; the province's admin upholds it; the month is unlocked and locked
 * again and the correction notice issued, which closes the appeal; the archive shows it next to
 * the notice. The appeal pages at both widths in both languages.
 */
import { describe, expect, it } from 'vitest';
import { addAccount, CITY_1, e2eSuite, present, PROVINCE, REQUIRED, type PageVisit, walkPages } from './harness.ts';
import { today as serverToday } from '../../src/shared/clock.ts';

const CITY_MANAGER = { username: 'e2e-city-1', password: 'a-long-city-password-7719' };

describe.skipIf(!present && !REQUIRED)('appeals in Chromium', () => {
  const e2e = e2eSuite();
  let appealUrl = '';

  it("files a city's appeal against its score in the province's notice, with evidence", async () => {
    const admin = await e2e.open('zh', 'desktop', '/notifications/archive');
    const lock = await admin.page.request.post(`${e2e.base}/api/v1/periods/lock`, {
      data: { area: PROVINCE, month: '2019-06' },
    });
    expect(lock.status()).toBe(200);
    const issued = await admin.page.request.post(`${e2e.base}/api/v1/notifications`, {
      data: { area: PROVINCE, month: '2019-06', date: serverToday() },
    });
    expect(issued.status()).toBe(201);
    await admin.context.close();

    if (e2e.auth) expect(addAccount(e2e.dbUrl, CITY_MANAGER, 'manager', ['--area', CITY_1])).toBe(true);
    const { context, page } = await e2e.open('zh', 'phone', '/appeals?notification=1', { signIn: false });
    await e2e.signInAs(page, CITY_MANAGER);
    await page.getByRole('heading', { name: '提出申诉' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('通报', { exact: true }).selectOption('1');
    await page.getByLabel('申诉地区代码').fill(CITY_1);
    await page.getByLabel('申诉理由').fill('6月入户走访记录漏报，已补录，请求更正得分。');
    await page.getByLabel('佐证材料').setInputFiles({
      name: '走访记录.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('visit sheets of June\n'),
    });
    await e2e.snap(page, 'appeal-form-phone-zh');
    await page.getByRole('button', { name: '提交申诉' }).click();
    await page.waitForURL(/\/appeals\/\d+$/);
    appealUrl = new URL(page.url()).pathname;
    await expect.poll(() => page.locator('.appeal-status').textContent()).toBe('待处理');
    await page.getByText('走访记录.txt').waitFor();
    // The filer is not offered the decision.
    await page.getByText('此申诉由您提出，须由另一账号处理。').waitFor();
    await e2e.snap(page, 'appeal-filed-phone-zh');
    await context.close();
  }, 180_000);

  it('is upheld by the province and closed by the correction notice after unlock and relock', async () => {
    // The appeal awaits the province in its 待办, and the item leads to it.
    const decide = `li[data-key="appeal_decide:${appealUrl.split('/').pop()}"] a`;
    const { context, page } = await e2e.open('zh', 'desktop', '/todo');
    await page.locator(decide).waitFor({ timeout: 30_000 });
    await page.locator(decide).click();
    await page.waitForURL((u) => u.pathname === appealUrl);
    await page.getByRole('heading', { name: '处理申诉' }).waitFor({ timeout: 30_000 });
    await page.getByText('支持申诉', { exact: true }).click();
    await page.getByLabel('处理理由').fill('核实走访记录属实，予以更正。');
    await page.getByRole('button', { name: '提交处理结果' }).click();
    await expect.poll(() => page.locator('.appeal-status').textContent()).toBe('申诉成立');
    expect(await page.locator('.appeal-steps li').count()).toBe(4);
    expect(await page.locator('.appeal-steps li.is-done').count()).toBe(0);
    await e2e.snap(page, 'appeal-upheld-desktop-zh');
    // Decided, it leaves the 待办.
    await page.goto(`${e2e.base}/todo`);
    await page.locator('.todo-page h1').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator(decide).count()).toBe(0);
    await page.goto(`${e2e.base}${appealUrl}`);
    await page.locator('.appeal-steps').waitFor({ timeout: 30_000 });

    const act = (action: string, data: Record<string, string>) =>
      page.request.post(`${e2e.base}/api/v1/periods/${action}`, {
        data: { area: PROVINCE, month: '2019-06', ...data },
      });
    expect((await act('unlock', { reason: '申诉成立，更正数据' })).status()).toBe(200);
    expect((await act('lock', {})).status()).toBe(200);
    const standing = (await (await page.request.get(`${e2e.base}/api/v1/notifications/1`)).json()) as {
      notification: { number: string };
    };
    const correction = await page.request.post(`${e2e.base}/api/v1/notifications`, {
      data: {
        area: PROVINCE,
        month: '2019-06',
        date: serverToday(),
        corrects: standing.notification.number,
        reason: '申诉成立',
      },
    });
    expect(correction.status()).toBe(201);
    await page.reload();
    await expect.poll(() => page.locator('.appeal-steps li.is-done').count()).toBe(4);
    await page.getByText(/已由更正通报 .+ 办结/).waitFor();
    await e2e.snap(page, 'appeal-closed-desktop-zh');
    await page.locator('.appeal-steps a', { hasText: '印发更正通报' }).click();
    await page.waitForURL(/\/notifications\/2$/);
    await page.locator('article.document').waitFor({ timeout: 30_000 });

    await page.goto(`${e2e.base}/notifications/archive`);
    await page.locator('table.archive a.badge', { hasText: '申诉 1' }).waitFor({ timeout: 30_000 });
    await e2e.snap(page, 'archive-appeals-desktop-zh');
    await context.close();
  }, 180_000);

  const PAGES: PageVisit[] = [
    ['appeals', '/appeals', (p) => p.locator('table.appeals-table').waitFor({ timeout: 30_000 })],
    ['appeal', '/appeals/1', (p) => p.locator('.appeal-steps').waitFor({ timeout: 30_000 })],
  ];
  walkPages(e2e, 'the appeal pages', '/appeals', PAGES);

  it('logged no unexpected console error', () => {
    expect(e2e.problems).toEqual([]);
  });
});
