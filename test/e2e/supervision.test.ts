/**
 * Notifications and supervision in Chromium: the month's notice previewed, downloaded and
 * issued; the archive; the task board with overdue and repeat flags; a task moved along with a
 * comment and an evidence file until verified; the five problems; the annual summary. Every
 * page at both widths in both languages.
 */
import { describe, expect, it } from 'vitest';
import { addAccount, e2eSuite, present, PROVINCE, REQUIRED, type PageVisit, walkPages } from './harness.ts';
import { today as serverToday } from '../../src/shared/clock.ts';

/** A second admin: verifying is another account's than the one that marked a task rectified. */
const CHECKER = { username: 'e2e-checker', password: 'another-long-e2e-password-5932' };

describe.skipIf(!present && !REQUIRED)('notifications and supervision in Chromium', () => {
  const e2e = e2eSuite();

  /** Signs in as the checker in the login dialog `page` shows. */
  it('previews the month’s notice, downloads it, issues it and opens a task per problem', async () => {
    const { context, page } = await e2e.open('zh', 'desktop', `/notifications?area=${PROVINCE}&month=2019-06`);
    // May's notice, issued back then, so that its tasks are overdue by now and June's repeat them.
    const may = await page.request.post(`${e2e.base}/api/v1/notifications`, {
      data: { area: PROVINCE, month: '2019-05', date: '2019-06-05' },
    });
    expect(may.status()).toBe(201);
    await page.reload();
    const doc = page.locator('article.document');
    await doc.waitFor({ timeout: 30_000 });
    expect(await doc.locator('.document-title').textContent()).toBe(
      '关于2019年6月Province 1社区和农村警务工作情况的通报',
    );
    expect(await doc.locator('.document-draft').textContent()).toBe('征求意见稿（草稿）');
    expect(await doc.locator('table').count()).toBeGreaterThanOrEqual(3);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Word（DOCX）/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`notification-${PROVINCE}-2019-06-draft.docx`);
    expect(await download.failure()).toBeNull();
    await e2e.snap(page, 'notice-draft-desktop-zh');

    await page.getByRole('button', { name: '签发通报' }).click();
    await page.getByRole('button', { name: '确定签发' }).click();
    const issued = page.locator('.note[role=status]');
    await issued.waitFor({ timeout: 30_000 });
    expect(await issued.textContent()).toMatch(/已签发 Province 1〔\d{4}〕\d+号：新建整改任务 \d+ 项/);
    await e2e.snap(page, 'notice-issued-desktop-zh');
    // Issued once: the page now offers a correction, not a second notice.
    await page.reload();
    await page.getByRole('button', { name: '发布更正通报' }).waitFor();
    await context.close();
  }, 180_000);

  it('finds an issued notice in the archive by number and reads it', async () => {
    const { context, page } = await e2e.open('zh', 'desktop', '/notifications/archive');
    await page.locator('table.archive tbody tr').first().waitFor();
    expect(await page.locator('table.archive tbody tr').count()).toBe(2);
    // May's notice was dated in 2019, so numbered in that year's series.
    await page.getByLabel('文号').fill('〔2019〕');
    await expect.poll(() => page.locator('table.archive tbody tr').count()).toBe(1);
    await e2e.snap(page, 'archive-filtered-desktop-zh');
    await page.locator('table.archive tbody a', { hasText: '〔2019〕' }).first().click();
    await page.waitForURL(/\/notifications\/\d+$/);
    await page.locator('article.document').waitFor();
    expect(await page.locator('article.document .document-number').textContent()).toBe('Province 1〔2019〕1号');
    expect(await page.locator('article.document .document-draft').count()).toBe(0);
    await context.close();
  }, 120_000);

  it('moves a task along: in progress, a comment, evidence, rectified, sent back, verified', async () => {
    const { context, page } = await e2e.open('zh', 'desktop', '/tasks');
    await page.locator('.task-card').first().waitFor({ timeout: 30_000 });
    // May's tasks are long overdue; June repeats some of May's problems.
    expect(await page.locator('.task-card.is-overdue').count()).toBeGreaterThan(0);
    expect(await page.locator('.task-card .badge-warn').count()).toBeGreaterThan(0);
    await e2e.snap(page, 'tasks-board-desktop-zh');
    await page.getByLabel('只看逾期').check();
    await page.waitForURL((u) => u.searchParams.get('overdue') === 'true');
    await expect
      .poll(
        async () =>
          (await page.locator('.task-card').count()) === (await page.locator('.task-card.is-overdue').count()),
      )
      .toBe(true);

    await page.locator('.task-card a').first().click();
    await page.waitForURL(/\/tasks\/\d+$/);
    await page.getByRole('heading', { name: '推进整改' }).waitFor();
    await page.getByText('开始整改', { exact: true }).click();
    await page.getByRole('button', { name: '改为“整改中”' }).click();
    await expect.poll(() => page.locator('.task-status').textContent()).toBe('整改中');

    await page.getByLabel('添加评论').fill('已约谈责任领导，一周内补齐。');
    await page.getByRole('button', { name: '发表评论' }).click();
    await expect.poll(() => page.locator('.timeline').textContent()).toContain('已约谈责任领导，一周内补齐。');

    await page.getByLabel('上传文件（照片、文件等）').setInputFiles({
      name: '整改照片.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('photo of the new kit\n'),
    });
    await page.getByRole('button', { name: '上传', exact: true }).click();
    const evidence = page.locator('.evidence-list a', { hasText: '整改照片.txt' });
    await evidence.waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), evidence.click()]);
    expect(file.suggestedFilename()).toBe('整改照片.txt');

    await page.getByText('已整改', { exact: true }).click();
    await page.getByRole('button', { name: '改为“已整改待核验”' }).click();
    await expect.poll(() => page.locator('.task-status').textContent()).toBe('已整改待核验');
    // Sending it back needs a reason.
    await page.getByText('退回重新整改', { exact: true }).click();
    expect(await page.getByRole('button', { name: '改为“整改中”' }).isDisabled()).toBe(true);
    await page.getByLabel(/说明/).fill('装备未到位');
    await page.getByRole('button', { name: '改为“整改中”' }).click();
    await expect.poll(() => page.locator('.task-status').textContent()).toBe('整改中');
    // The admin records the rectification on an earlier day (today, as the server counts it: the task's own day), with a reason.
    await page.getByText('已整改', { exact: true }).click();
    await page.getByText('补录：按更早的日期记录').click();
    await page.getByLabel('实际日期').fill(serverToday());
    expect(await page.getByRole('button', { name: '改为“已整改待核验”' }).isDisabled()).toBe(true);
    await page.getByLabel(/补录原因/).fill('现场核查当日已整改');
    await e2e.snap(page, 'task-backdate-desktop-zh');
    await page.getByRole('button', { name: '改为“已整改待核验”' }).click();
    await expect.poll(() => page.locator('.task-status').textContent()).toBe('已整改待核验');
    // Four eyes: the account that marked it rectified is not offered the verification.
    await page.getByText('整改完成由您标记，须由另一账号核验。').waitFor();
    expect(await page.getByText('核验通过', { exact: true }).count()).toBe(0);
    await e2e.snap(page, 'task-four-eyes-desktop-zh');
    const url = new URL(page.url()).pathname;
    // The verification awaits another account, not the one that marked it rectified.
    const verify = `li[data-key="task_verify:${url.split('/').pop()}"] a`;
    await page.goto(`${e2e.base}/todo`);
    await page.locator('.todo-page h1').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator(verify).count()).toBe(0);
    await context.close();

    if (e2e.auth) expect(addAccount(e2e.dbUrl, CHECKER, 'admin')).toBe(true);
    const checker = await e2e.open('zh', 'desktop', '/todo', { signIn: false });
    await e2e.signInAs(checker.page, CHECKER);
    await checker.page.locator(verify).waitFor({ timeout: 30_000 });
    await checker.page.locator(verify).click();
    await checker.page.waitForURL((u) => u.pathname === url);
    await checker.page.getByText('核验通过', { exact: true }).click();
    await checker.page.getByRole('button', { name: '改为“已核验办结”' }).click();
    await expect.poll(() => checker.page.locator('.task-status').textContent()).toBe('已核验办结');
    expect(await checker.page.getByRole('heading', { name: '推进整改' }).count()).toBe(0);
    await e2e.snap(checker.page, 'task-verified-desktop-zh');
    await checker.page.goto(`${e2e.base}/todo`);
    await checker.page.locator('.todo-page h1').waitFor();
    await checker.page.waitForLoadState('networkidle');
    expect(await checker.page.locator(verify).count()).toBe(0);
    await checker.context.close();
  }, 180_000);

  it('names a responsible leader for an area, and its pending tasks take it', async () => {
    const { context, page } = await e2e.open('zh', 'desktop', '/tasks');
    await page.locator('.task-card').first().waitFor({ timeout: 30_000 });
    await page.locator('.board-open .task-card a').first().click();
    await page.getByRole('button', { name: '指定责任领导' }).click();
    await page.getByLabel('姓名').fill('张建国');
    await page.getByLabel('职务').fill('副局长');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('.facts').textContent()).toContain('张建国（副局长）');
    await context.close();
  }, 120_000);

  it("assigns a leader to several tasks at once from the notice's table by area", async () => {
    const { context, page } = await e2e.open('zh', 'phone', '/tasks/table?notification=2');
    await page.locator('table.task-table tbody').first().waitFor({ timeout: 30_000 });
    // One task per lagging area: as many area groups as tasks.
    expect(await page.locator('tr.task-group').count()).toBe(await page.locator('tbody tr:not(.task-group)').count());
    const unassigned = page.locator('tbody tr:not(.task-group)', { hasText: '未指定' });
    const before = await unassigned.count();
    expect(before).toBeGreaterThanOrEqual(2);
    // The two tasks wait in the province's 待办 for a leader, and leave it once given one.
    const ids = await Promise.all([0, 1].map((n) => unassigned.nth(n).getAttribute('data-task')));
    const inTodo = async () => {
      await page.goto(`${e2e.base}/todo`);
      await page.locator('.todo-page h1').waitFor();
      await page.waitForLoadState('networkidle');
      return page.locator(ids.map((id) => `li[data-key="task_assign:${id}"]`).join(', ')).count();
    };
    expect(await inTodo()).toBe(2);
    await page.goto(`${e2e.base}/tasks/table?notification=2`);
    await page.locator('table.task-table tbody').first().waitFor({ timeout: 30_000 });
    await unassigned.nth(0).getByRole('checkbox').check();
    await unassigned.nth(1).getByRole('checkbox').check();
    await page.getByText('已选 2 项任务').waitFor();
    const leader = await page.locator('#assign-leader option', { hasText: '张建国' }).getAttribute('value');
    await page.getByLabel('责任领导', { exact: true }).selectOption(leader!);
    await e2e.snap(page, 'tasks-table-selected-phone-zh');
    await page.getByRole('button', { name: '指定责任领导' }).click();
    await page.getByText('已为 2 项任务指定责任领导 张建国').waitFor();
    await expect.poll(() => unassigned.count()).toBe(before - 2);
    await e2e.snap(page, 'tasks-table-assigned-phone-zh');
    expect(await inTodo()).toBe(0);
    await context.close();
  }, 120_000);

  it('shows the five problems of the province and each city', async () => {
    const { context, page } = await e2e.open('zh', 'desktop', `/five-problems?area=${PROVINCE}&date=2019-06-30`);
    await page.locator('table.five-table tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('table.five-table tbody tr').count()).toBe(8);
    expect(await page.locator('table.five-table tbody tr').first().textContent()).toContain('86.4%');
    await context.close();
  }, 120_000);

  const PAGES: PageVisit[] = [
    [
      'notice',
      `/notifications?area=${PROVINCE}&month=2019-06`,
      (p) => p.locator('article.document').waitFor({ timeout: 60_000 }),
    ],
    ['archive', '/notifications/archive', (p) => p.locator('table.archive').waitFor()],
    ['notice-issued', '/notifications/1', (p) => p.locator('article.document').waitFor()],
    ['tasks', '/tasks', (p) => p.locator('.task-card').first().waitFor({ timeout: 30_000 })],
    ['task', '/tasks/1', (p) => p.locator('.timeline').waitFor()],
    ['tasks-table', '/tasks/table?notification=2', (p) => p.locator('table.task-table').waitFor({ timeout: 30_000 })],
    [
      'five-problems',
      `/five-problems?area=${PROVINCE}&date=2019-06-30`,
      (p) => p.locator('table.five-table').waitFor({ timeout: 30_000 }),
    ],
    [
      'summary',
      `/summary?area=${PROVINCE}&year=2019`,
      (p) => p.locator('article.document').waitFor({ timeout: 90_000 }),
    ],
  ];
  walkPages(e2e, 'the supervision pages', '/notifications/archive', PAGES);

  it('logged no unexpected console error', () => {
    expect(e2e.problems).toEqual([]);
  });
});
