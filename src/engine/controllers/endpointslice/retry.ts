/**
 * Per-key retry back-off of the Service endpoint controllers.
 * upstream: endpointslice_controller.go (defaultSyncBackOff 1s, maxSyncBackOff 1000s, an
 * ItemExponentialFailureRateLimiter)
 */
import type { Memo } from '../types';

const BASE_MS = 1_000;
const MAX_MS = 1_000_000;
const memoKey = (key: string) => `retries/${key}`;

/** The delay before the next retry of `key`: 1s, 2s, 4s, … capped at 1000s. */
export function nextRetry(memo: Memo, key: string): number {
  const failures = memo.get<number>(memoKey(key)) ?? 0;
  memo.set(memoKey(key), failures + 1);
  return Math.min(MAX_MS, BASE_MS * 2 ** failures);
}

/** upstream queue.Forget: a successful sync starts the back-off over. */
export function resetRetry(memo: Memo, key: string): void {
  if (memo.get<number>(memoKey(key)) !== undefined) memo.delete(memoKey(key));
}
