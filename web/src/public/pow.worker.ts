/** A worker that solves one proof-of-work challenge, reporting progress every STEP nonces. */
import { searchRange, STEP } from './proof-of-work.ts';

interface WorkerScope {
  onmessage: ((e: MessageEvent<{ token: string; difficulty: number }>) => void) | null;
  postMessage(message: unknown): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = ({ data }) => {
  for (let from = 0; ; from += STEP) {
    const nonce = searchRange(data.token, data.difficulty, from, from + STEP);
    if (nonce !== null) return scope.postMessage({ nonce });
    scope.postMessage({ tried: from + STEP });
  }
};
