/**
 * The kubelet's back-off, as client-go's `flowcontrol.Backoff` computes it (without jitter):
 * 10s initial, doubling, capped at 300s; an entry older than 2×cap is forgotten.
 * Used per pod+container for restarts and per pod+image for pulls.
 * upstream: staging/src/k8s.io/client-go/util/flowcontrol/backoff.go
 */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

export interface BackoffEntry {
  /** The current back-off period. */
  backoffMs: number;
  /** When `next` last ran. */
  lastUpdate: number;
}

/** upstream: an entry is stale once the event is more than 2×maxDuration after its last update. */
function hasExpired(eventTime: number, lastUpdate: number): boolean {
  return eventTime - lastUpdate > 2 * BACKOFF_MAX_MS;
}

/** `Backoff.Next(id, eventTime)`: start at the initial period, or double up to the cap. */
export function nextBackoff(entry: BackoffEntry | undefined, eventTime: number, now: number): BackoffEntry {
  if (!entry || hasExpired(eventTime, entry.lastUpdate)) return { backoffMs: BACKOFF_INITIAL_MS, lastUpdate: now };
  return { backoffMs: Math.min(entry.backoffMs * 2, BACKOFF_MAX_MS), lastUpdate: now };
}

/**
 * `Backoff.IsInBackOffSince(id, eventTime)`: restart back-off, measured from the container's
 * finishedAt. Returns when the back-off ends, or undefined when not backing off.
 */
export function backoffEndSince(entry: BackoffEntry | undefined, eventTime: number, now: number): number | undefined {
  if (!entry || hasExpired(eventTime, entry.lastUpdate)) return undefined;
  const end = eventTime + entry.backoffMs;
  return now < end ? end : undefined;
}

/**
 * `Backoff.IsInBackOffSinceUpdate(id, now)`: image-pull back-off, measured from the last failed
 * pull. Returns when the back-off ends, or undefined when not backing off.
 */
export function backoffEndSinceUpdate(entry: BackoffEntry | undefined, now: number): number | undefined {
  if (!entry || hasExpired(now, entry.lastUpdate)) return undefined;
  const end = entry.lastUpdate + entry.backoffMs;
  return now < end ? end : undefined;
}
