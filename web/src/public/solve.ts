/**
 * Solves a challenge off the main thread when the browser has workers (the worker is a file of
 * this site: the content security policy allows workers from 'self' only), else in ranges on
 * the main thread, yielding between them so the page stays responsive.
 */
import { searchRange, STEP } from './proof-of-work.ts';

export interface SolveOptions {
  onProgress?(tried: number): void;
  signal?: AbortSignal;
}

export function solveChallenge(token: string, difficulty: number, options: SolveOptions = {}): Promise<string> {
  if (typeof Worker === 'function') {
    try {
      return inWorker(token, difficulty, options);
    } catch {
      // A browser that refuses module workers falls back on the main thread.
    }
  }
  return inRanges(token, difficulty, options);
}

function aborted(): Error {
  return new DOMException('aborted', 'AbortError');
}

function inWorker(token: string, difficulty: number, { onProgress, signal }: SolveOptions): Promise<string> {
  const worker = new Worker(new URL('./pow.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<string>((resolve, reject) => {
    const stop = () => {
      worker.terminate();
      reject(aborted());
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.onmessage = ({ data }: MessageEvent<{ nonce?: string; tried?: number }>) => {
      if (data.nonce !== undefined) {
        signal?.removeEventListener('abort', stop);
        worker.terminate();
        resolve(data.nonce);
      } else if (data.tried !== undefined) onProgress?.(data.tried);
    };
    worker.onerror = (e) => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      // The worker did not start (an old browser, a blocked file): do the work here instead.
      e.preventDefault();
      inRanges(token, difficulty, { onProgress, signal }).then(resolve, reject);
    };
    worker.postMessage({ token, difficulty });
  });
}

async function inRanges(token: string, difficulty: number, { onProgress, signal }: SolveOptions): Promise<string> {
  for (let from = 0; ; from += STEP) {
    if (signal?.aborted) throw aborted();
    const nonce = searchRange(token, difficulty, from, from + STEP);
    if (nonce !== null) return nonce;
    onProgress?.(from + STEP);
    await new Promise((r) => setTimeout(r, 0));
  }
}
