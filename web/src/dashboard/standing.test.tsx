// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, renderAt } from '../testing/render.tsx';
import { CompletenessWarning } from './standing.tsx';
import { RankingTable } from './ranking-table.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function figure(month: string, reporting: number) {
  return {
    area: 'C1',
    name: '长春市',
    month,
    rooms: 10,
    reporting,
    rate: reporting / 10,
    on_time: reporting,
    on_time_rate: reporting / 10,
    threshold: 0.8,
    complete: reporting / 10 >= 0.8,
    deadline: '2019-07-05',
    deadline_day: 5,
    deadline_passed: true,
  };
}

describe('CompletenessWarning', () => {
  it('warns while the month is below the threshold, links to the rooms not reporting, and is silent above it', async () => {
    fakeApi(({ path }) => {
      const url = new URL(path, 'http://x');
      const month = url.searchParams.get('month')!;
      return url.pathname === '/completeness/area' ? json(figure(month, month === '2019-06' ? 5 : 9)) : undefined;
    });
    renderAt(<CompletenessWarning area="C1" month="2019-06" />);
    const note = await screen.findByTestId('completeness-warning');
    expect(note.textContent).toContain('本月只有 50% 的警务室已上报，低于 80%');
    expect(screen.getByRole('link', { name: '未上报的警务室' }).getAttribute('href')).toBe(
      '/assessment/completeness?area=C1&month=2019-06',
    );
    cleanup();
    const calls = fakeApi(({ path }) =>
      path.startsWith('/completeness/area') ? json(figure('2019-07', 9)) : undefined,
    );
    renderAt(<CompletenessWarning area="C1" month="2019-07" />);
    await waitFor(() => expect(calls.some((c) => c.path.includes('month=2019-07'))).toBe(true));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('completeness-warning')).toBeNull();
  });
});

describe('RankingTable of units and officers', () => {
  it('shows each figure’s sample and marks a small one, beside the completeness', () => {
    renderAt(
      <RankingTable
        caption="rooms"
        hrefOf={(c) => `/x/${c}`}
        rows={[
          {
            rank: 1,
            code: 'R1',
            name: '一号警务室',
            composite: 70,
            lagging: false,
            problems: [],
            previous_rank: null,
            rank_change: null,
            composite_change: null,
            completeness: { rooms: 1, reporting: 1, rate: 1, on_time: 0, on_time_rate: 0 },
            indicators: {
              awareness_rate: { denominator: 7, small_sample: true },
              satisfaction_rate: { denominator: 120, small_sample: false },
            },
          },
        ]}
      />,
    );
    const row = screen.getAllByRole('row')[1];
    expect(row.querySelector('.samples')?.textContent).toBe('知晓率 样本 7样本少、满意率 样本 120');
    expect(row.querySelector('.is-small')?.textContent).toContain('知晓率');
    expect(row.textContent).toContain('100% 1/1');
  });
});
