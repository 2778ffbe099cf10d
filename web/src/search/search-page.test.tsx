// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchAnswer } from '#core/contracts/search.schema.ts';
import { fakeApi, json, renderAt } from '../testing/render.tsx';
import { ExportLinks } from '../ui/export-links.tsx';
import { SearchPage } from './search-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const answer: SearchAnswer = {
  q: '王',
  officers: [
    {
      badge: '220001',
      name: '王警官',
      role: 'community_officer',
      unit_code: 'R1',
      unit_name: '东风社区警务室',
      current: true,
    },
    { badge: '220009', name: '王前任', role: 'community_officer', unit_code: 'R1', unit_name: null, current: false },
  ],
  rooms: [
    {
      code: 'R2',
      name: '王家村警务室',
      type: 'rural_office',
      status: 'operating',
      area_code: '220102001001',
      address: null,
    },
  ],
};

describe('SearchPage', () => {
  it('asks the server once for what the URL names and links each officer and room', async () => {
    const calls = fakeApi(({ path }) => (path.startsWith('/search') ? json(answer) : undefined));
    renderAt(<SearchPage />, { url: '/search?q=%E7%8E%8B' });
    expect((await screen.findByRole('link', { name: '王警官' })).getAttribute('href')).toBe('/officers/220001');
    expect(screen.getByRole('link', { name: '王家村警务室' }).getAttribute('href')).toBe('/units/R2');
    expect(screen.getByText(/已离任/)).toBeTruthy();
    expect(calls.filter((c) => c.path.startsWith('/search')).map((c) => c.path)).toEqual([
      '/search?q=%E7%8E%8B&limit=20',
    ]);
  });

  it('says nothing was found, in English too, and asks nothing without a query', async () => {
    const calls = fakeApi(({ path }) =>
      path.startsWith('/search') ? json({ q: 'Zed', officers: [], rooms: [] }) : undefined,
    );
    renderAt(<SearchPage />, { url: '/search', lang: 'en' });
    expect(calls.filter((c) => c.path.startsWith('/search'))).toHaveLength(0);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search officers or rooms' }), {
      target: { value: 'Zed' },
    });
    fireEvent.submit(screen.getByRole('search'));
    expect(await screen.findByText('Nothing found for “Zed”')).toBeTruthy();
  });
});

describe('ExportLinks', () => {
  it('points at the same route with the format and language, without paging', () => {
    fakeApi(() => undefined);
    renderAt(<ExportLinks path="/funds" params={{ area: '22', kind: '', limit: 50, offset: 100 }} what="经费" />, {
      url: '/funds',
    });
    expect(screen.getByRole('link', { name: '下载 Excel' }).getAttribute('href')).toBe(
      '/api/v1/funds?area=22&format=xlsx&lang=zh',
    );
    expect(screen.getByRole('link', { name: '下载 CSV' }).getAttribute('href')).toBe(
      '/api/v1/funds?area=22&format=csv&lang=zh',
    );
  });
});
