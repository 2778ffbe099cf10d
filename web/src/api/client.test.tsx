import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiGetFresh, apiUpload, onUnauthorized, signedIn } from './client.ts';

afterEach(() => vi.unstubAllGlobals());

/** Stubs fetch to answer 201 and keep the Content-Type each upload was sent with. */
function sentTypes(): string[] {
  const types: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_input: string, init?: RequestInit) => {
      types.push(new Headers(init?.headers).get('content-type') ?? '');
      return new Response('{"id": 1}', { status: 201, headers: { 'content-type': 'application/json' } });
    }),
  );
  return types;
}

describe('apiUpload', () => {
  it('sends a file as its own type, text and JSON included, and one of no known type as bytes', async () => {
    const types = sentTypes();
    for (const type of ['text/plain', 'application/json', 'image/png', ''])
      expect(await apiUpload('/tasks/1/evidence?name=f', new Blob(['x'], { type }))).toEqual({
        status: 201,
        data: { id: 1 },
      });
    expect(types).toEqual(['text/plain', 'application/json', 'image/png', 'application/octet-stream']);
  });
});

describe('a 401 after a sign-in', () => {
  afterEach(() => onUnauthorized(undefined));

  /** Stubs fetch to answer 401 when `release` is called, and counts the login requests. */
  function slow401() {
    let release: () => void = () => {};
    vi.stubGlobal(
      'fetch',
      vi.fn(
        () =>
          new Promise<Response>((resolve) => {
            release = () => resolve(new Response('{"error":{"code":"unauthorized"}}', { status: 401 }));
          }),
      ),
    );
    const asked = vi.fn();
    onUnauthorized(asked);
    return { asked, release: () => release() };
  }

  it('brings no login back when the request left before it', async () => {
    const { asked, release } = slow401();
    const answer = apiGetFresh('/todo');
    signedIn();
    release();
    await expect(answer).rejects.toMatchObject({ status: 401 });
    expect(asked).not.toHaveBeenCalled();
  });

  it('asks for the login when the request left after it', async () => {
    const { asked, release } = slow401();
    signedIn();
    const answer = apiGetFresh('/todo');
    release();
    await expect(answer).rejects.toMatchObject({ status: 401 });
    expect(asked).toHaveBeenCalledOnce();
  });
});
