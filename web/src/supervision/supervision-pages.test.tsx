// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, renderAt } from '../testing/render.tsx';
import { NotificationPage } from './notification-page.tsx';
import { TaskBoardPage } from './task-board-page.tsx';
import { TaskPage } from './task-page.tsx';
import { TaskTablePage } from './task-table-page.tsx';
import type { Draft, NotificationEntry, Task, TaskDetail } from './types.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const AREA = {
  code: 'P1',
  name: '吉林省',
  level: 'province',
  parent_code: null,
  urban_rural: null,
  path: [],
  children: 2,
};
const DRAFT: Draft = {
  document: {
    lang: 'zh',
    draft: true,
    head: { mark: '吉林省公安厅文件', number: null },
    title: '关于2019年6月吉林省社区和农村警务工作情况的通报',
    recipients: '各市（州）公安局：',
    blocks: [
      { type: 'heading', level: 1, text: '一、基本情况' },
      { type: 'paragraph', text: '截至2019年6月30日……' },
      {
        type: 'table',
        id: 'ranking',
        caption: '建设进度排名',
        columns: [
          { label: '名次', format: 'integer' },
          { label: '地区', format: 'text' },
          { label: '综合得分', format: 'decimal' },
          { label: '名次变化', format: 'movement' },
        ],
        rows: [
          [1, '长春市', 71.0671, 2],
          [2, '吉林市', 58.4817, -1],
        ],
      },
    ],
    signature: { issuer: '吉林省公安厅', date: '2019年7月5日' },
    record: { copyTo: ['省委政法委'], printer: '吉林省公安厅办公室', printed: '2019年7月5日印发' },
  },
  problems: [],
};
const ENTRY: NotificationEntry = {
  id: 7,
  area_code: 'P1',
  area_name: '吉林省',
  month: '2019-06',
  lang: 'zh',
  number: '吉公通〔2019〕7号',
  title: DRAFT.document.title,
  issued_on: '2019-07-05',
  issued_at: '2019-07-05T02:00:00Z',
  issued_by: 'user:admin',
  issued_by_name: 'admin',
  content_hash: 'ab'.repeat(32),
  corrects: null,
  correction_reason: null,
  superseded_by: null,
};

describe('NotificationPage', () => {
  it('previews the draft from the document model, links its downloads, and issues it after a confirmation', async () => {
    let issued = false;
    const calls = fakeApi(({ method, path }) => {
      if (path === '/areas/P1') return json(AREA);
      if (path.startsWith('/notifications/preview')) return json(DRAFT);
      if (method === 'GET' && path.startsWith('/notifications?')) return json(issued ? [ENTRY] : []);
      if (method === 'POST' && path === '/notifications') {
        issued = true;
        return json({ notification: ENTRY, tasks: { opened: 12, carried: 3, withdrawn: 0 } }, 201);
      }
      return undefined;
    });
    renderAt(<NotificationPage />, { url: '/notifications?area=P1&month=2019-06' });
    const doc = await screen.findByRole('article', { name: '草稿预览' });
    expect(within(doc).getByText('征求意见稿（草稿）')).toBeTruthy();
    expect(within(doc).getByText('（未编号）')).toBeTruthy();
    const rows = within(doc).getAllByRole('row');
    expect(rows[1].textContent).toBe('1长春市71.07↑2');
    expect(rows[2].textContent).toBe('2吉林市58.48↓1');
    expect(within(doc).getByText('抄送：省委政法委。')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Word（DOCX）/ }).getAttribute('href')).toBe(
      '/api/v1/notifications/preview?area=P1&month=2019-06&lang=zh&format=docx',
    );

    fireEvent.click(screen.getByRole('button', { name: '签发通报' }));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: '确定签发' }));
    expect((await screen.findByRole('status')).textContent).toContain(
      '已签发 吉公通〔2019〕7号：新建整改任务 12 项，延续 3 项，撤回 0 项。',
    );
    // The issue date goes too: today on the server's clock (the device's until it answers), never before the month ends.
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      area: 'P1',
      month: '2019-06',
      lang: 'zh',
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(screen.getByRole('link', { name: '查看整改任务' }).getAttribute('href')).toBe('/tasks?notification=7');
  });

  it('offers a correction, with its reason, once the month is issued', async () => {
    const calls = fakeApi(({ method, path }) => {
      if (path === '/areas/P1') return json(AREA);
      if (path.startsWith('/notifications/preview')) return json(DRAFT);
      if (method === 'GET' && path.startsWith('/notifications?')) return json([ENTRY]);
      if (method === 'POST')
        return json({ notification: { ...ENTRY, id: 8 }, tasks: { opened: 0, carried: 0, withdrawn: 1 } }, 201);
      return undefined;
    });
    renderAt(<NotificationPage />, { url: '/notifications?area=P1&month=2019-06', lang: 'zh' });
    fireEvent.click(await screen.findByRole('button', { name: '发布更正通报' }));
    const confirm = screen.getByRole('button', { name: '确定更正' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('更正原因'), { target: { value: '长春市数据录入有误' } });
    fireEvent.click(confirm);
    await screen.findByRole('status');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      area: 'P1',
      month: '2019-06',
      lang: 'zh',
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      corrects: '吉公通〔2019〕7号',
      reason: '长春市数据录入有误',
    });
  });

  it('does not offer issuing to an account that may not', async () => {
    fakeApi(({ path }) => {
      if (path === '/session')
        return json({ username: 'a', role: 'analyst', area: null, badge: null, expires_at: '2030-01-01' });
      if (path === '/areas/P1') return json(AREA);
      if (path.startsWith('/notifications/preview')) return json(DRAFT);
      if (path.startsWith('/notifications?')) return json([]);
      return undefined;
    });
    renderAt(<NotificationPage />, { url: '/notifications?area=P1&month=2019-06' });
    expect(await screen.findByText(/签发由管理员或本级管理人员进行/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '签发通报' })).toBeNull();
  });
});

const TASK: Task = {
  id: 3,
  notification: { id: 7, number: '吉公通〔2019〕7号', issuing_area: 'P1' },
  area: { code: 'C1', name: '长春市' },
  month: '2019-06',
  scheme: 'construction',
  indicator: 'equipment_rate',
  value: 0.5,
  target: 1,
  indicators: [
    {
      scheme: 'construction',
      indicator: 'equipment_rate',
      value: 0.5,
      target: 1,
      streak: 2,
      explain: '/assessment/explain?area=C1&month=2019-06&scheme=construction&indicator=equipment_rate',
    },
  ],
  figures: '/assessment/explain?area=C1&month=2019-06',
  streak: 2,
  repeat: true,
  previous_task_id: 1,
  leader: null,
  deadline: '2019-08-04',
  status: 'open',
  overdue: true,
  days_overdue: 12,
  created_at: '2019-07-05T02:00:00Z',
  updated_at: '2019-07-05T02:00:00Z',
};

describe('TaskBoardPage', () => {
  it('puts each task in its status column with its flags', async () => {
    fakeApi(({ path }) =>
      path.startsWith('/tasks?overdue=true')
        ? json({ items: [TASK], total: 1, limit: 1, offset: 0 })
        : path.startsWith('/tasks?')
          ? json({
              items: [
                TASK,
                {
                  ...TASK,
                  id: 4,
                  status: 'rectified',
                  overdue: false,
                  repeat: false,
                  area: { code: 'C2', name: '吉林市' },
                },
              ],
              total: 2,
              limit: 500,
              offset: 0,
            })
          : undefined,
    );
    renderAt(<TaskBoardPage />, { url: '/tasks' });
    const open = await screen.findByRole('region', { name: /待整改/ });
    expect(within(open).getByRole('link', { name: '长春市 · 装备达标率' }).getAttribute('href')).toBe('/tasks/3');
    expect(within(open).getByText('逾期 12 天')).toBeTruthy();
    expect(within(open).getByText('连续 2 个月')).toBeTruthy();
    const rectified = screen.getByRole('region', { name: /已整改待核验/ });
    expect(within(rectified).getByRole('link', { name: '吉林市 · 装备达标率' })).toBeTruthy();
    expect(screen.getByText('共 2 项任务，其中逾期 1 项。')).toBeTruthy();
  });

  it('pages through more tasks than the API gives at once, counting the overdue ones on every page', async () => {
    const TOTAL = 1203;
    const taskAt = (i: number): Task => ({
      ...TASK,
      id: i + 1,
      area: { code: `C${i}`, name: `第${i + 1}区` },
      overdue: false,
      repeat: false,
    });
    const calls = fakeApi(({ path }) => {
      if (!path.startsWith('/tasks?')) return undefined;
      const q = new URLSearchParams(path.slice('/tasks?'.length));
      const limit = Number(q.get('limit'));
      const offset = Number(q.get('offset') ?? 0);
      if (q.get('overdue') === 'true') return json({ items: [taskAt(0)], total: 42, limit, offset });
      const items = Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, k) => taskAt(offset + k));
      return json({ items, total: TOTAL, limit, offset });
    });
    renderAt(<TaskBoardPage />, { url: '/tasks?month=2019-06' });
    // Role queries over 500 cards are slow in jsdom: the cards' links by selector.
    const cards = () => [...document.querySelectorAll('.board-open .task-card a')];
    await screen.findByRole('region', { name: /待整改/ });
    expect(cards()).toHaveLength(500);
    expect(screen.getByText('共 1,203 项任务，其中逾期 42 项。')).toBeTruthy();
    expect(screen.getByText('第 1–500 条，共 1,203 条')).toBeTruthy();
    expect((screen.getByRole('button', { name: '上一页' }) as HTMLButtonElement).disabled).toBe(true);

    const seen = new Set<number>();
    const collect = () => cards().forEach((a) => seen.add(Number(a.getAttribute('href')!.split('/').pop())));
    collect();
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    await screen.findByText('第 501–1,000 条，共 1,203 条');
    expect(window.location.search).toBe('?month=2019-06&offset=500');
    collect();
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    await screen.findByText('第 1,001–1,203 条，共 1,203 条');
    await waitFor(() => expect(cards()).toHaveLength(203));
    collect();
    expect(seen.size).toBe(TOTAL);
    expect((screen.getByRole('button', { name: '下一页' }) as HTMLButtonElement).disabled).toBe(true);
    const pages = calls.map((c) => c.path).filter((p) => p.startsWith('/tasks?') && !p.includes('overdue=true'));
    expect(pages).toEqual([
      '/tasks?month=2019-06&limit=500&offset=0',
      '/tasks?month=2019-06&limit=500&offset=500',
      '/tasks?month=2019-06&limit=500&offset=1000',
    ]);

    // Another filter starts again from the first page.
    fireEvent.click(screen.getByRole('checkbox', { name: '只看逾期' }));
    await waitFor(() => expect(window.location.search).toBe('?month=2019-06&overdue=true'));
    await waitFor(() => expect(calls.at(-1)?.path).toBe('/tasks?month=2019-06&overdue=true&limit=500&offset=0'));
  });
});

describe('TaskPage', () => {
  it('says the system’s events in the reader’s language and people’s words as written', async () => {
    const event = (kind: string, body: string, parts: Partial<TaskDetail['events'][number]> = {}) => ({
      at: '2019-06-10T08:00:00.000Z',
      actor: 'user:admin',
      actor_name: '王建国',
      kind,
      from_status: null,
      to_status: null,
      body,
      notice: null,
      file: null,
      ...parts,
    });
    const current: TaskDetail = {
      ...TASK,
      rectified_by: null,
      events: [
        event('created', 'from 吉公社〔2019〕6号', { notice: '吉公社〔2019〕6号', to_status: 'open' }),
        event('evidence', `照片.jpg (2048 bytes, sha256 ${'a'.repeat(64)})`, {
          file: { name: '照片.jpg', size: 2048 },
        }),
        event('comment', 'from the village'),
      ],
      evidence: [],
    };
    fakeApi(({ path }) => (path === '/tasks/3' ? json(current) : undefined));
    renderAt(<TaskPage id="3" />, { url: '/tasks/3' });
    await screen.findByText('根据通报 吉公社〔2019〕6号 建立。');
    expect(screen.getByText(/^照片\.jpg（2(\.0)? KB）$/)).toBeTruthy();
    expect(screen.getByText('from the village')).toBeTruthy();
    expect(screen.queryByText(/sha256/)).toBeNull();
    // People by their names, never as the audit trail writes them.
    expect(screen.getAllByText(/王建国/).length).toBe(3);
    expect(screen.queryByText(/user:admin/)).toBeNull();
  });

  it('moves a task, asking a reason to send a rectification back', async () => {
    let current: TaskDetail = { ...TASK, status: 'rectified', rectified_by: 'user:other', events: [], evidence: [] };
    const calls = fakeApi(({ method, path, body }) => {
      if (path === '/tasks/3' && method === 'GET') return json(current);
      if (path === '/tasks/3/status') {
        current = { ...current, status: (body as { status: TaskDetail['status'] }).status };
        return json(current);
      }
      return undefined;
    });
    renderAt(<TaskPage id="3" />, { url: '/tasks/3' });
    fireEvent.click(await screen.findByRole('radio', { name: '退回重新整改' }));
    const move = screen.getByRole('button', { name: '改为“整改中”' }) as HTMLButtonElement;
    expect(move.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/说明/), { target: { value: '装备未到位' } });
    fireEvent.click(move);
    await waitFor(() => expect(document.querySelector('.task-status')?.textContent).toBe('整改中'));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ status: 'in_progress', comment: '装备未到位' });
  });
});

describe('TaskTablePage', () => {
  it("groups a notice's tasks by area and assigns the selection one registered leader", async () => {
    const other: Task = { ...TASK, id: 4, area: { code: 'C2', name: '吉林市' } };
    const calls = fakeApi(({ method, path }) => {
      if (path.startsWith('/tasks?')) return json({ items: [TASK, other], total: 2, limit: 500, offset: 0 });
      if (path.startsWith('/leaders')) {
        const leader = { area_code: 'C1', area_name: '长春市', name: '张伟', title: '副局长', phone: null };
        return json({ items: [{ ...leader, updated_at: '', updated_by: '' }], total: 1, limit: 500, offset: 0 });
      }
      if (path === '/tasks/assign' && method === 'POST')
        return json({ assigned: 2, leader: { area: 'C1', name: '张伟', title: '副局长' } });
      return undefined;
    });
    renderAt(<TaskTablePage />, { url: '/tasks/table?notification=7' });
    const area = await screen.findByRole('checkbox', { name: '长春市（1 项）' });
    expect(screen.getByRole('checkbox', { name: '吉林市（1 项）' })).toBeTruthy();
    fireEvent.click(area);
    fireEvent.click(screen.getByRole('checkbox', { name: '选择任务 4（吉林市）' }));
    expect(screen.getByText('已选 2 项任务')).toBeTruthy();
    await screen.findByRole('option', { name: /张伟/ });
    fireEvent.change(screen.getByLabelText('责任领导'), { target: { value: 'C1' } });
    fireEvent.click(screen.getByRole('button', { name: '指定责任领导' }));
    await screen.findByText('已为 2 项任务指定责任领导 张伟');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ ids: [3, 4], leader: 'C1' });
  });
});

describe('TaskPage four eyes', () => {
  it('offers no verification to the account that marked the task rectified', async () => {
    const current: TaskDetail = { ...TASK, status: 'rectified', rectified_by: 'user:a', events: [], evidence: [] };
    fakeApi(({ path }) => {
      if (path === '/session')
        return json({ username: 'a', role: 'admin', area: null, badge: null, expires_at: '2030-01-01' });
      return path === '/tasks/3' ? json(current) : undefined;
    });
    renderAt(<TaskPage id="3" />, { url: '/tasks/3' });
    await screen.findByText('整改完成由您标记，须由另一账号核验。');
    expect(screen.queryByRole('radio', { name: '核验通过' })).toBeNull();
    expect(screen.getByRole('radio', { name: '退回重新整改' })).toBeTruthy();
  });
});
