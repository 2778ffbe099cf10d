// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, renderAt } from '../testing/render.tsx';
import { QualityPage } from './quality-page.tsx';
import type { Quality } from './types.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const channel = { surveys: 0, knows_answered: 0, knows_yes: 0, satisfaction_answered: 0, satisfied: 0 };
const none = { total: 0, items: [] };
const report = (pastCap: number): Quality => ({
  area: 'V2',
  month: '2026-11',
  limits: { identical_min_answers: 20, max_visits_per_day: 30, jump_factor: 2, jump_min_denominator: 20 },
  unplaced: none,
  empty_surveys: none,
  villages_without_surveys: { ...none, villages: 1 },
  online_surveys: { online: { ...channel, surveys: 230 }, other: channel, past_cap: pastCap },
  implausible: { identical_answers: none, busy_days: none, jumps: none },
});

describe('QualityPage', () => {
  for (const [lang, text] of [
    ['zh', '30 份网上答卷超过社区当日上限后提交：已收下，但可能是刷票。'],
    ['en', "30 online answers came in past a community's daily cap: they were taken, but may be a flood."],
  ] as const)
    it(`counts the online answers taken past a community's daily cap (${lang})`, async () => {
      fakeApi(({ path }) => {
        if (path.startsWith('/quality')) return json(report(30));
        if (path === '/areas/V2') return json({ code: 'V2', name: 'Village two', level: 'village', parent_code: null });
        return undefined;
      });
      renderAt(<QualityPage />, { url: '/assessment/quality?area=V2&month=2026-11', lang });
      expect(await screen.findByText(text)).toBeTruthy();
    });

  it('says nothing of the cap when no answer came past it', async () => {
    fakeApi(({ path }) => (path.startsWith('/quality') ? json(report(0)) : undefined));
    renderAt(<QualityPage />, { url: '/assessment/quality?area=V2&month=2026-11', lang: 'en' });
    await screen.findByText('Online answers and the others');
    expect(screen.queryByTestId('q-past-cap')).toBeNull();
  });
});
