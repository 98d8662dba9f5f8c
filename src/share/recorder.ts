/**
 * The journal of a cluster: every call that changed it, in order. `recordCluster` wraps the
 * changing methods of one cluster object in place (the object keeps its identity, so the store,
 * the lessons runner and the tests all go on using it as before), and every call through any of
 * them — the store's commands, playback's `step()`, a lesson's `advance()` — lands in the journal.
 * The engine itself is not touched.
 */
import { STEP_HORIZON_MS, type Cluster, type StepOptions } from '../engine/api';
import { RECORDED_CALLS, type JournalEntry, type JsonValue, type RecordedCall } from './session';

export class Journal {
  private readonly list: JournalEntry[] = [];

  get entries(): readonly JournalEntry[] {
    return this.list;
  }

  /**
   * One more `step()` call looking `withinMs` ahead (undefined: the default). Runs of calls with
   * the same window are kept as one entry with a count.
   */
  recordStep(withinMs?: number): void {
    const last = this.list[this.list.length - 1];
    const within = withinMs === undefined ? {} : { withinMs };
    if (last?.op === 'step' && last.withinMs === withinMs) this.list[this.list.length - 1] = { op: 'step', count: last.count + 1, ...within };
    else this.list.push({ op: 'step', count: 1, ...within });
  }

  recordCall(op: RecordedCall, at: number, args: readonly unknown[]): void {
    this.list.push({ op, at, args: toJsonArgs(args) });
  }
}

/**
 * Arguments as JSON: trailing omitted ones dropped, an omitted one in the middle as `null`, and a
 * deep copy (the caller may change its objects later).
 */
export function toJsonArgs(args: readonly unknown[]): JsonValue[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return args.slice(0, end).map((a) => (a === undefined ? null : (JSON.parse(JSON.stringify(a)) as JsonValue)));
}

/** The arguments to call with again: `null` back to omitted. */
export function fromJsonArgs(args: readonly JsonValue[]): unknown[] {
  return args.map((a) => (a === null ? undefined : structuredClone(a)));
}

/** The window of a `step(options)` call worth recording: undefined for the default (a day). */
export function stepWithin(options: unknown): number | undefined {
  const within = (options as StepOptions | undefined)?.withinMs;
  return within === undefined || within === STEP_HORIZON_MS ? undefined : within;
}

const journals = new WeakMap<Cluster, Journal>();

/** The journal of a cluster made by `recordCluster`, if it is one. */
export function journalOf(cluster: Cluster): Journal | undefined {
  return journals.get(cluster);
}

type AnyMethod = (...args: unknown[]) => unknown;

/** Starts recording the changing calls made to `cluster`; returns the same object. */
export function recordCluster<C extends Cluster>(cluster: C, journal = new Journal()): C {
  if (journals.has(cluster)) return cluster;
  const target = cluster as unknown as Record<string, AnyMethod>;
  // A call the engine makes from inside another recorded call is part of that call, not a new one.
  let depth = 0;
  const wrap = (name: string, record: (args: unknown[]) => void) => {
    const original = target[name];
    if (typeof original !== 'function') return;
    target[name] = function recorded(...args: unknown[]) {
      if (depth === 0) record(args);
      depth++;
      try {
        return Reflect.apply(original, cluster, args);
      } finally {
        depth--;
      }
    };
  };
  wrap('step', (args) => journal.recordStep(stepWithin(args[0])));
  for (const op of Object.keys(RECORDED_CALLS) as RecordedCall[]) {
    wrap(op, (args) => journal.recordCall(op, cluster.steps.length, args));
  }
  journals.set(cluster, journal);
  return cluster;
}
