/**
 * A session: everything that reproduces one moment of the playground. The engine is
 * deterministic (same seed, same Nodes, same calls ⇒ the same Steps), so a session is the cluster
 * settings plus the journal of every call that changed the cluster, in order, and the timeline
 * cursor. Replaying the journal on a fresh cluster gives the same Steps, names and IPs.
 */
import type { ProxyMode } from '../engine/api';

/** The marker a session file carries in `format`. */
export const SESSION_FORMAT = 'kube-playground-session';
export const SESSION_VERSION = 1;

/** What a fresh cluster is made with (the "Cluster settings" dialog). */
export interface ClusterSettings {
  /** Seed of the engine's one random source (names, IPs, tie-breaks). */
  seed: number;
  /** Worker Nodes node-1..node-N. */
  nodes: number;
  /** kube-proxy's mode from the start (the engine boots in iptables mode). */
  proxyMode: ProxyMode;
}

export const DEFAULT_SETTINGS: ClusterSettings = { seed: 1, nodes: 3, proxyMode: 'iptables' };
export const MAX_NODES = 50;
export const MAX_SEED = 2 ** 31 - 1;

/**
 * The engine calls a journal records, and the arguments each takes: `s` string, `n` number,
 * `b` boolean, `o` plain object; `?` marks an optional one. Reading calls (get, list, at…) are
 * not recorded: they change nothing.
 */
export const RECORDED_CALLS = {
  apply: 's',
  delete: 'sss?o?',
  scale: 'ssns?',
  rollout: 'ssss?o?',
  setSuspended: 'ssbs?',
  setProxyMode: 's',
  startTraffic: 'o',
  stopTraffic: 's',
  killContainer: 'sss?n?',
  failProbe: 'sssbs?',
  exhaustMemory: 'sss?',
  stopKubelet: 's',
  startKubelet: 's',
  cordon: 's',
  uncordon: 's',
  drain: 'so?',
  addNode: 's?o?',
  removeNode: 's',
  advance: 'n',
} as const;

export type RecordedCall = keyof typeof RECORDED_CALLS;

/** JSON values only: a session is written to URLs, files and localStorage. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * `count` calls of `cluster.step()` in a row (whatever each returned), each looking `withinMs`
 * ahead; `withinMs` is absent for the engine's default (a day), so links made before it existed
 * replay as they did.
 */
export interface StepEntry {
  op: 'step';
  count: number;
  withinMs?: number;
}

/** One call that changes the cluster. */
export interface CallEntry {
  op: RecordedCall;
  /** The cluster's Step count when the call was made: the index its first Step gets. */
  at: number;
  /** The arguments; `null` stands for an omitted one. */
  args: JsonValue[];
}

export type JournalEntry = StepEntry | CallEntry;

export interface Session {
  format: typeof SESSION_FORMAT;
  version: typeof SESSION_VERSION;
  settings: ClusterSettings;
  journal: JournalEntry[];
  /** Index of the Step the timeline showed. */
  cursor: number;
  /** The cluster's Step count when the session was captured (checks the replay). */
  steps: number;
}

export function makeSession(settings: ClusterSettings, journal: readonly JournalEntry[], cursor: number, steps: number): Session {
  return { format: SESSION_FORMAT, version: SESSION_VERSION, settings: { ...settings }, journal: journal.map((e) => ({ ...e })), cursor, steps };
}

/** The text of the last `apply` in the journal: what the editor shows when a session opens. */
export function lastAppliedText(session: Session): string | undefined {
  for (let i = session.journal.length - 1; i >= 0; i--) {
    const e = session.journal[i];
    if (e.op === 'apply' && typeof e.args[0] === 'string') return e.args[0];
  }
  return undefined;
}

/**
 * Nothing happened but one apply on a fresh cluster (the start-up apply of the editor text): a
 * reload then starts as a first visit does, applying the editor text as it is now (maybe edited
 * since), rather than replaying the old apply.
 */
export function isPristine(session: Session): boolean {
  return session.journal.length === 1 && session.journal[0].op === 'apply';
}
