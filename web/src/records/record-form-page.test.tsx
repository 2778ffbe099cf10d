// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { coded, fakeApi, json, refusal, renderAt, rowError } from '../testing/render.tsx';
import { RecordFormPage } from './record-form-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('RecordFormPage', () => {
  it('checks a field on leaving it with the import’s own parser', async () => {
    fakeApi(() => undefined);
    renderAt(<RecordFormPage kind="familiarity_checks" />, { url: '/records/familiarity_checks' });
    const sampled = screen.getByLabelText('抽查户数');
    fireEvent.change(sampled, { target: { value: '-3' } });
    fireEvent.blur(sampled);
    expect(await screen.findByText('-3 不能为负数')).toBeTruthy();
    expect(sampled.getAttribute('aria-invalid')).toBe('true');
    expect(sampled.getAttribute('aria-describedby')).toBe('f-familiarity_checks-sampled-error');
  });

  it('shows the server’s dry-run rejection beside its field, then saves', async () => {
    const calls = fakeApi(({ method, path, body }) => {
      if (method !== 'POST') return undefined;
      const [row] = body as Record<string, string>[];
      if (row.badge === 'NOBODY')
        return refusal('import_rejected', { count: 1, listed: 1 }, [
          rowError(
            'familiarity_checks',
            1,
            'badge',
            coded('unknown_reference', { target: 'officer', value: 'NOBODY' }),
          ),
        ]);
      return path.includes('dry_run') ? json({ written: 0 }) : { status: 201, body: { written: 1 } };
    });
    renderAt(<RecordFormPage kind="familiarity_checks" />, { url: '/records/familiarity_checks' });
    fireEvent.change(screen.getByLabelText('日期'), { target: { value: '2019-06-03' } });
    fireEvent.change(screen.getByLabelText('抽查户数'), { target: { value: '15' } });
    fireEvent.change(screen.getByLabelText('熟悉户数'), { target: { value: '12' } });
    const badge = screen.getByLabelText('警号');
    fireEvent.change(badge, { target: { value: 'NOBODY' } });
    fireEvent.blur(badge);
    expect(await screen.findByText('没有警号为 NOBODY 的民警')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST' && c.path === '/records/familiarity_checks?dry_run=true')).toBe(true);

    fireEvent.change(badge, { target: { value: '220001' } });
    expect(screen.queryByText('没有警号为 NOBODY 的民警')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.getByText('已保存 1 条记录。')).toBeTruthy());
    const saved = calls.find((c) => c.method === 'POST' && c.path === '/records/familiarity_checks');
    expect(saved?.body).toEqual([
      {
        ref: expect.stringMatching(/^C-\d{8}-[A-Z2-9]{6}$/),
        date: '2019-06-03',
        badge: '220001',
        sampled: '15',
        correct: '12',
      },
    ]);
    // The next record keeps the day and the officer, with a fresh ref.
    expect((screen.getByLabelText('警号') as HTMLInputElement).value).toBe('220001');
    expect((screen.getByLabelText('抽查户数') as HTMLInputElement).value).toBe('');
  });

  it('refuses to send a row its own rules reject and puts focus on the first problem', async () => {
    const calls = fakeApi(() => undefined);
    renderAt(<RecordFormPage kind="familiarity_checks" />, { url: '/records/familiarity_checks' });
    fireEvent.change(screen.getByLabelText('警号'), { target: { value: '220001' } });
    fireEvent.change(screen.getByLabelText('抽查户数'), { target: { value: '10' } });
    fireEvent.change(screen.getByLabelText('熟悉户数'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('12 大于抽查户数（10）')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('熟悉户数'));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
