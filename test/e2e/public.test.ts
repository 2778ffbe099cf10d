/**
 * The residents' pages in Chromium, phone first: find a village's officers (tap-to-call phones,
 * hours) without an account, answer the survey (the proof of work solved in the page, the
 * answer saved once a day), and never a login, a session or a staff request on the way.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDatabase } from '../../src/db/database.ts';
import { operatorActor } from '../../src/modules/accounts/access.ts';
import { updatePublicSettings } from '../../src/modules/public/public.settings.ts';
import { e2eSuite, present, REQUIRED, ROOM, VILLAGE, type PageVisit, walkPages } from './harness.ts';

const OFFICER = '0100002';

describe.skipIf(!present && !REQUIRED)('public pages in Chromium', () => {
  const e2e = e2eSuite({
    async prepare(db) {
      // Province-51 publishes no phones or hours; give one room and its officer some to show.
      await db.kysely
        .updateTable('units')
        .set({ phone: '0431-8888 1234', hours: '周一至周日 8:00–18:00' })
        .where('code', '=', ROOM)
        .execute();
      // A name stored before right-to-left controls were refused (issue 16): it must not reorder its line.
      await db.kysely
        .updateTable('officers')
        .set({ phone: '138 0000 1234', name: `Officer ${OFFICER} \u202E甲乙` })
        .where('badge', '=', OFFICER)
        .execute();
    },
    // The second answer of the day is refused with 409 on purpose.
    expected: (m) => /status of 409/.test(m.text()) && /\/api\/v1\/public\/surveys$/.test(m.location().url ?? ''),
  });

  /** Sets whose phones the public pages publish, as an admin would. */
  async function setPhones(phones: 'room' | 'officers') {
    const db = await openDatabase(e2e.dbUrl);
    try {
      await updatePublicSettings(db, operatorActor('e2e').who, { phones });
    } finally {
      await db.close();
    }
  }

  /** Every API path a page asked, and whether any answered 401. */
  function watch(page: Page) {
    const asked: string[] = [];
    const unauthorized: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) asked.push(url.pathname);
    });
    page.on('response', (r) => r.status() === 401 && unauthorized.push(r.url()));
    return { asked, unauthorized };
  }

  it('finds a village by name and shows its room and officer, with tap-to-call phones, without signing in', async () => {
    const { context, page } = await e2e.open('zh', 'phone', '/public', { signIn: false });
    const seen = watch(page);
    await page.getByLabel('社区或村的名称').fill('1.1.2');
    await page.locator('.choice-list a').first().waitFor();
    expect(await page.locator('.choice-list a').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Village 1\.1\.2\.1City 1 County 1\.1 Town 1\.1\.2/)]),
    );
    await e2e.snap(page, 'public-search-phone-zh');
    await page.getByRole('link', { name: /Village 1\.1\.2\.1/ }).click();
    await page.waitForURL((u) => u.searchParams.get('area') === VILLAGE);
    const room = page.locator('.room-card', { hasText: 'Room 002000-1' });
    await room.waitFor();
    expect(await room.getByRole('link', { name: '拨打 0431-8888 1234' }).getAttribute('href')).toBe('tel:043188881234');
    // By default the room's phone is published and the officer's own withheld (issue 16).
    expect(await room.textContent()).toContain('请拨打警务室电话');
    expect(await room.getByRole('link', { name: '拨打 138 0000 1234' }).count()).toBe(0);
    expect(await room.textContent()).toContain('周一至周日 8:00–18:00');
    expect(await room.textContent()).toContain('Officer 0100002');
    await e2e.noSidewaysScroll(page);
    await e2e.snap(page, 'public-officers-phone-zh');
    // An admin publishes the officers' phones too: the page shows the officer's.
    await setPhones('officers');
    await page.reload();
    await room.waitFor();
    expect(await room.getByRole('link', { name: '拨打 138 0000 1234' }).getAttribute('href')).toBe('tel:13800001234');
    await e2e.snap(page, 'public-officers-own-phones-phone-zh');
    // The walk below shows the default again, in both languages.
    await setPhones('room');
    expect(await page.locator('[role=dialog]').count()).toBe(0);
    expect(seen.unauthorized).toEqual([]);
    expect(seen.asked.filter((p) => !p.startsWith('/api/v1/public/'))).toEqual([]);
    await context.close();
  }, 120_000);

  it('keeps a name with a right-to-left override to itself: the words after it stay in order', async () => {
    const { context, page } = await e2e.open('zh', 'phone', `/public?area=${VILLAGE}`, { signIn: false });
    const officer = page.locator('.officer-list li', { hasText: `Officer ${OFFICER}` });
    await officer.waitFor();
    const name = await officer.locator('strong').boundingBox();
    const role = await officer.locator('.muted').first().boundingBox();
    // Isolated, the role follows the name on its line; an override leaking out would put it before.
    expect(role!.x).toBeGreaterThanOrEqual(name!.x + name!.width - 1);
    expect(await officer.locator('strong').evaluate((e) => getComputedStyle(e).unicodeBidi)).toBe('isolate');
    await context.close();
  }, 120_000);

  it('answers the survey after a proof of work, and says so kindly when the same phone answers again today', async () => {
    const { context, page } = await e2e.open('zh', 'phone', `/public?area=${VILLAGE}`, { signIn: false });
    const seen = watch(page);
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.getByRole('link', { name: '为这里的警务工作打分' }).click();
    await page.waitForURL('**/public/survey?area=*');
    // Sending with nothing answered says what is missing.
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('请至少回答一个问题');
    await page.getByText('知道', { exact: true }).click();
    await page.getByText('很满意', { exact: true }).click();
    await e2e.snap(page, 'public-survey-phone-zh');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByRole('heading', { name: '感谢您的评价！' }).waitFor({ timeout: 30_000 });
    await e2e.snap(page, 'public-survey-done-phone-zh');
    // Solved off the main thread, by a worker file of the site (the CSP allows no other).
    expect(workers).toEqual([expect.stringMatching(/\/assets\/pow\.worker-[\w-]+\.js$/)]);

    await page.reload();
    await page.getByText('不知道', { exact: true }).click();
    await page.getByRole('button', { name: '提交' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 })
      .toContain('今天您已经为这个社区（村）作过答');
    await e2e.snap(page, 'public-survey-again-phone-zh');
    expect(seen.unauthorized).toEqual([]);
    expect(seen.asked.filter((p) => !p.startsWith('/api/v1/public/'))).toEqual([]);
    await context.close();
  }, 120_000);

  it('answers the survey by keyboard alone, with the focus visible on each choice', async () => {
    const { context, page } = await e2e.open('en', 'phone', '/public/survey?area=510101002002', { signIn: false });
    await page.locator('form.survey').waitFor();
    // Tab into the first question, answer with the keys radio groups take.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'knows_officer'))
        break;
    }
    await page.keyboard.press('Space');
    expect(await page.locator('input[name=knows_officer][value=yes]').isChecked()).toBe(true);
    const outline = await page
      .locator('label:has(input[name=knows_officer][value=yes])')
      .evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name=satisfaction]:checked').count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Thank you for your answer!' }).waitFor({ timeout: 30_000 });
    await context.close();
  }, 120_000);

  const PAGES: PageVisit[] = [
    ['public-search', '/public?q=Village%201.1', (p) => p.locator('.choice-list a').first().waitFor()],
    ['public-officers', `/public?area=${VILLAGE}`, (p) => p.locator('.room-card').first().waitFor()],
    ['public-survey', `/public/survey?area=${VILLAGE}`, (p) => p.locator('form.survey').waitFor()],
  ];
  walkPages(e2e, 'the public pages', '/public', PAGES, { signIn: false, timeout: 120_000 });

  it('logged no unexpected console error', () => {
    expect(e2e.problems).toEqual([]);
  });
});
