// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useApi } from '../api/use-api.ts';
import { fakeApi, json, refusal, renderAt } from '../testing/render.tsx';
import { useAuth } from './auth.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Areas() {
  const areas = useApi<{ total: number }>('/areas?level=province');
  const { session } = useAuth();
  return (
    <p data-testid="view">
      {areas.data ? `areas ${areas.data.total}` : 'waiting'} {session?.username ?? ''}
    </p>
  );
}

const SESSION = {
  username: 'desk',
  role: 'admin',
  area: null,
  badge: null,
  totp: false,
  expires_at: '2030-01-01T00:00:00Z',
};
const unauthenticated = refusal('sign_in_required', {});

describe('AuthProvider', () => {
  it('shows nothing when the server has no accounts (every route open)', async () => {
    fakeApi(({ path }) => (path.startsWith('/areas') ? json({ total: 1 }) : undefined));
    renderAt(<Areas />);
    await waitFor(() => expect(screen.getByTestId('view').textContent).toContain('areas 1'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks for a login on a 401, says when it is wrong, and loads the view again once signed in', async () => {
    let signedIn = false;
    const calls = fakeApi(({ method, path, body }) => {
      if (path === '/session' && method === 'POST') {
        const ok = (body as { password: string }).password === 'right-password-123';
        signedIn = ok;
        return ok ? json({ ...SESSION, token: 't' }) : refusal('sign_in_wrong', {});
      }
      if (!signedIn) return unauthenticated;
      if (path === '/session') return json(SESSION);
      return json({ total: 3 });
    });
    renderAt(<Areas />);
    const dialog = await screen.findByRole('dialog', { name: '登录' });
    // The dialog moves focus in an effect after it is drawn; under load that is a moment later.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('用户名')));
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect((await screen.findByRole('alert')).textContent).toBe('请填写用户名和密码。');

    fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'desk' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('用户名或密码不正确。'));

    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'right-password-123' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await waitFor(() => expect(dialog.isConnected).toBe(false));
    await waitFor(() => expect(screen.getByTestId('view').textContent).toBe('areas 3 desk'));
    expect(calls.filter((c) => c.path === '/areas?level=province').length).toBeGreaterThanOrEqual(2);
  });

  it('says a lockout and a disabled account in the reader’s language, from their codes', async () => {
    let attempt = 0;
    fakeApi(({ method, path }) => {
      if (path === '/session' && method === 'POST')
        return ++attempt === 1
          ? refusal('sign_in_wrong', { locked_after: 5, locked_minutes: 15, username: 'desk' })
          : refusal('account_disabled', { username: 'desk' });
      return unauthenticated;
    });
    renderAt(<Areas />);
    await screen.findByRole('dialog');
    fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'desk' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'wrong-password-1' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        '用户名或密码不正确。用户名或密码错误；连续失败 5 次，账号 desk 已锁定 15 分钟',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('账号 desk 已停用；请管理员启用'));
  });

  it('asks for the one-time code when the account has one', async () => {
    fakeApi(({ method, path, body }) => {
      if (path === '/session' && method === 'POST')
        return (body as { totp?: string }).totp === '123456'
          ? json({ ...SESSION, token: 't' })
          : refusal('totp_required', {}, [{ path: 'totp', message: 'required', totp_required: true }]);
      return unauthenticated;
    });
    renderAt(<Areas />);
    await screen.findByRole('dialog');
    fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'right-password-123' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    const code = await screen.findByLabelText('动态验证码');
    fireEvent.change(code, { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
