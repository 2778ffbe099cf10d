// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TODO_KINDS, type TodoItem } from '#core/todo/todo-item.ts';
import { translate, type MessageKey } from '../i18n/i18n.tsx';
import { fakeApi, json, renderAt } from '../testing/render.tsx';
import { TodoPage } from './todo-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ITEMS: TodoItem[] = [
  {
    kind: 'notice_sign',
    key: 'notice_sign:7:C1',
    area: 'C1',
    area_name: '长春市',
    month: '2019-06',
    due: '2019-07-08',
    link: '/notifications/7',
  },
  {
    kind: 'period_approve',
    key: 'period_approve:K1:2019-06',
    area: 'K1',
    area_name: '南关区',
    month: '2019-06',
    due: '2019-07-10',
    link: '/periods?month=2019-06&area=K1',
  },
];

describe('TodoPage', () => {
  it('labels every kind of item in both languages (part B’s kinds too)', () => {
    for (const kind of TODO_KINDS)
      for (const lang of ['zh', 'en'] as const) {
        const key = `todo.kind.${kind}` as MessageKey;
        expect(translate(lang, key), `${lang} ${kind}`).not.toBe(key);
      }
  });

  it('groups the items by kind in the order of the kinds, each linking to where it is done', async () => {
    fakeApi(({ path }) => (path === '/todo' ? json({ items: ITEMS }) : undefined));
    renderAt(<TodoPage />, { url: '/todo' });
    const headings = await screen.findAllByRole('heading', { level: 2 });
    expect(headings.map((h) => h.textContent)).toEqual(['待审核月度数据 1', '待签收通报 1']);
    expect(screen.getByRole('link', { name: /长春市/ }).getAttribute('href')).toBe('/notifications/7');
  });

  it('says so when nothing awaits', async () => {
    fakeApi(({ path }) => (path === '/todo' ? json({ items: [] }) : undefined));
    renderAt(<TodoPage />, { url: '/todo', lang: 'en' });
    expect((await screen.findByTestId('todo-empty')).textContent).toBe('Nothing awaits you now.');
  });
});
