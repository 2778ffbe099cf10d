import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiUpload } from './client.ts';

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
