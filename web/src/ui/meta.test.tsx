// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n.tsx';
import { DemoBanner, MetaProvider, useToday, type MetaState } from './meta.tsx';
import { today as deviceToday } from '../domain/month.ts';

afterEach(cleanup);

const meta = (demo: boolean): MetaState => ({
  status: 'ready',
  meta: {
    engine: 'sqlite',
    data_version: 3,
    demo: demo
      ? { seed: 1, scale: 1, built_at: '2026-01-01', label: { zh: '演示数据', en: 'Demonstration data' } }
      : null,
    root_areas: [],
    latest_month: '2019-12',
  },
});

function banner(state: MetaState, show?: boolean) {
  return render(
    <I18nProvider lang="zh">
      <MetaProvider value={state}>
        <DemoBanner show={show} />
      </MetaProvider>
    </I18nProvider>,
  );
}

describe('DemoBanner', () => {
  it('shows while the server says the data is the demonstration, in both languages', () => {
    banner(meta(true));
    expect(screen.getByRole('note').textContent).toBe(
      '演示数据 / Demonstration data本系统当前展示的是演示数据，不代表真实情况。',
    );
  });

  it('hides for real data and for a server that cannot say, unless told to show', () => {
    banner(meta(false));
    expect(screen.queryByRole('note')).toBeNull();
    cleanup();
    banner({ status: 'absent' });
    expect(screen.queryByRole('note')).toBeNull();
    cleanup();
    banner({ status: 'absent' }, true);
    expect(screen.getByRole('note')).toBeTruthy();
  });
});

describe('useToday', () => {
  function Today() {
    return <output>{useToday()}</output>;
  }
  const shown = (state: MetaState) => {
    render(
      <MetaProvider value={state}>
        <Today />
      </MetaProvider>,
    );
    const text = screen.getByRole('status').textContent;
    cleanup();
    return text;
  };

  it("is the server's today (the province's), else the device's", () => {
    const ready = meta(false);
    if (ready.status === 'ready') ready.meta.today = '2020-01-01';
    expect(shown(ready)).toBe('2020-01-01');
    expect(shown(meta(false))).toBe(deviceToday()); // an older server without it
    expect(shown({ status: 'absent' })).toBe(deviceToday());
  });
});
