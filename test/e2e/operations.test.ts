/**
 * The schedule and the channels in Chromium, against a WeCom robot and a json webhook on
 * loopback: the jobs with their runs (a month's days run beforehand) and a job run for today;
 * a WeCom channel added through the form, its key never shown again, and tested; the delivery
 * log; one's own subscriptions saved; a stranger's lock of a username lifted on the sign-in
 * locks page. Every page at both widths in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSuite, present, PROVINCE, REQUIRED, SHOTS, type PageVisit, walkPages } from './harness.ts';
import { Robots, WECOM_KEY } from '../support/receivers.ts';
import { seedSupervision, TEST_ACTOR } from '../support/supervision.ts';
import { AssessmentService } from '../../src/modules/assessment/assessment.service.ts';
import { ChannelsService } from '../../src/modules/channels/channels.service.ts';
import { dispatch } from '../../src/modules/channels/dispatcher.ts';
import { runDay, runnerContext } from '../../src/modules/schedule/schedule.runner.ts';
import { updateScheduleSettings } from '../../src/modules/schedule/schedule.settings.ts';
import { JOBS } from '../../src/modules/schedule/jobs/index.ts';
import { LOCK_FAILURES, ADDRESS_FAILURES, recordAttempt } from '../../src/modules/accounts/login-throttle.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const robots = new Robots();

describe.skipIf(!present && !REQUIRED)('the schedule and the channels in Chromium', () => {
  beforeAll(async () => {
    await robots.start();
  });
  afterAll(async () => robots.stop());

  const e2e = e2eSuite({
    async prepare(db) {
      await seedSupervision(db, [PROVINCE], []);
      const backups = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-e2e-backups-'));
      await updateScheduleSettings(
        db,
        TEST_ACTOR,
        { backup_dir: backups },
        JOBS.map((j) => j.name),
      );
      const channels = new ChannelsService(db);
      await channels.add(TEST_ACTOR, {
        name: '省厅值班群',
        kind: 'webhook',
        format: 'json',
        url: `${robots.base}/hook`,
        per_minute: 600,
      });
      await channels.add(TEST_ACTOR, {
        name: 'ops-mail',
        kind: 'email',
        smtp: 'smtp://outpost:pw@127.0.0.1:9',
        personal: true,
        to: ['duty@example.cn'],
        events: ['backup.completed', 'job.failed', 'task.escalated'],
      });
      const ctx = runnerContext(db, new AssessmentService(db.kysely));
      for (const day of ['2019-08-01', '2019-08-04', '2019-08-05']) await runDay(ctx, day, { trigger: 'command' });
      await dispatch(db);
      // Strangers guessing: a username locked for unknown devices, and an address paused.
      await db.transaction(async (tx) => {
        for (let i = 0; i < LOCK_FAILURES; i++)
          await recordAttempt(tx, 'zhang.san', '198.51.100.4', 'failed', new Date());
        for (let i = 0; i < ADDRESS_FAILURES; i++)
          await recordAttempt(tx, `guess${i}`, '203.0.113.7', 'failed', new Date());
      });
    },
  });

  it('lists the jobs with their next runs and runs one for today', async () => {
    const { context, page } = await e2e.open('zh', 'desktop', '/admin/jobs');
    const rows = page.locator('table.jobs tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    expect(await rows.count()).toBe(JOBS.length);
    expect(await page.locator('table.jobs').textContent()).toContain('月度通报草稿');
    expect(await page.locator('table.runs tbody tr').count()).toBeGreaterThan(5);
    await rows.filter({ hasText: '每周数据质量摘要' }).getByRole('button', { name: '今天运行' }).click();
    await expect.poll(() => page.locator('.note[role=status]').textContent()).toMatch(/^每周数据质量摘要：/);
    await page.getByLabel('任务', { exact: true }).selectOption('backup');
    await page.waitForURL((u) => u.searchParams.get('job') === 'backup');
    await expect.poll(() => page.locator('table.runs tbody tr').count()).toBe(3);
    await context.close();
  }, 120_000);

  it('adds a WeCom robot through the form, never shows its key again, and tests it', async () => {
    const { context, page } = await e2e.open('zh', 'desktop', '/admin/channels');
    await page.locator('.channel-list').waitFor({ timeout: 30_000 });
    await page.getByLabel('名称').fill('县局群');
    await page.getByLabel('格式').selectOption('wecom');
    await page.getByLabel('地址').fill(robots.wecomUrl);
    await page.getByLabel('整改到期提醒').check();
    await page.getByRole('button', { name: '添加渠道' }).click();
    await expect.poll(() => page.locator('.note[role=status]').textContent()).toBe('已添加渠道 县局群。');
    const card = page.locator('article.channel', { hasText: '县局群' });
    await card.waitFor();
    expect(await card.locator('.channel-target').textContent()).toBe(`${robots.base}/cgi-bin/webhook/send?key=***`);
    expect(await page.content()).not.toContain(WECOM_KEY);
    const before = robots.on('/cgi-bin/webhook/send').length;
    await card.getByRole('button', { name: '发送测试' }).click();
    await expect.poll(() => page.locator('.note[role=status]').textContent()).toBe('测试消息已送达 县局群。');
    expect(robots.on('/cgi-bin/webhook/send').length).toBe(before + 1);
    await page.getByLabel('渠道', { exact: true }).selectOption('县局群');
    await expect.poll(() => page.locator('table.deliveries tbody tr').count()).toBe(1);
    expect(await page.locator('table.deliveries tbody tr').textContent()).toContain('已发送');
    await e2e.snap(page, 'channel-tested-desktop-zh');
    await context.close();
  }, 120_000);

  it('saves one’s own email, quiet hours and subscription', async () => {
    const { context, page } = await e2e.open('zh', 'phone', '/subscriptions');
    await page.getByLabel('电子邮箱').waitFor({ timeout: 30_000 });
    await page.getByLabel('电子邮箱').fill('desk@example.cn');
    await page.getByLabel('开始').fill('22:00');
    await page.getByLabel('结束').fill('07:00');
    await page.getByLabel('订阅 ops-mail').check();
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('.note[role=status]').textContent()).toBe('已保存。');
    await page.reload();
    await expect.poll(() => page.getByLabel('订阅 ops-mail').isChecked()).toBe(true);
    expect(await page.getByLabel('电子邮箱').inputValue()).toBe('desk@example.cn');
    // The top of the busiest page at phone width, as a phone shows it first.
    await page.goto(`${e2e.base}/admin/channels`);
    await page.locator('table.deliveries').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${SHOTS}/channels-top-phone-zh.png` });
    await context.close();
  }, 120_000);

  it('shows the sign-in locks in force and lifts a username’s', async () => {
    const { context, page } = await e2e.open('en', 'phone', '/admin/locks');
    const rows = page.locator('table.locks tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    expect(await page.locator('table.locks').textContent()).toContain('203.0.113.7');
    const locked = rows.filter({ hasText: 'zhang.san' });
    expect(await locked.textContent()).toContain('unknown devices locked out');
    await locked.getByRole('button', { name: 'Lift the lock' }).click();
    await expect
      .poll(() => page.locator('.note[role=status]').textContent())
      .toBe('The locks of zhang.san are lifted.');
    await expect.poll(() => rows.filter({ hasText: 'zhang.san' }).count()).toBe(0);
    expect(await rows.filter({ hasText: '203.0.113.7' }).count()).toBe(1);
    await context.close();
  }, 120_000);

  const PAGES: PageVisit[] = [
    ['jobs', '/admin/jobs', (p) => p.locator('table.runs').waitFor({ timeout: 30_000 })],
    ['channels', '/admin/channels', (p) => p.locator('table.deliveries').waitFor({ timeout: 30_000 })],
    ['locks', '/admin/locks', (p) => p.locator('table.locks').waitFor({ timeout: 30_000 })],
    ['subscriptions', '/subscriptions', (p) => p.locator('form.subscriptions').waitFor({ timeout: 30_000 })],
  ];
  walkPages(e2e, 'the operations pages', '/admin/jobs', PAGES);

  it('logged no unexpected console error', () => {
    expect(e2e.problems).toEqual([]);
  });
});
