/**
 * Clusters that belong to a session: made from the cluster settings and recorded from their first
 * call, captured as a session, and rebuilt from one.
 */
import type { Cluster, ClusterOptions } from '../engine/api';
import { journalOf, recordCluster } from './recorder';
import type { ReplayMismatch } from './problems';
import { replayJournal, replayedCursor } from './replay';
import { DEFAULT_SETTINGS, makeSession, type ClusterSettings, type Session } from './session';

export type MakeCluster = (options: ClusterOptions) => Cluster;

/**
 * A fresh cluster with these settings, recording. kube-proxy boots in iptables mode, so another
 * mode is set right after boot: that is part of the settings, not of the journal.
 */
export function freshCluster(make: MakeCluster, settings: ClusterSettings): Cluster {
  const cluster = make({ seed: settings.seed, nodes: settings.nodes });
  if (settings.proxyMode !== DEFAULT_SETTINGS.proxyMode) cluster.setProxyMode(settings.proxyMode);
  return recordCluster(cluster);
}

/** The session that reproduces `cluster` with the timeline at `cursor`. */
export function captureSession(cluster: Cluster, settings: ClusterSettings, cursor: number): Session {
  const journal = journalOf(cluster)?.entries ?? [];
  return makeSession(settings, journal, Math.max(0, cursor), cluster.steps.length);
}

export interface ReplayedSession {
  cluster: Cluster;
  cursor: number;
  /** Where the replay differed from the recording (see replayJournal). */
  mismatch?: ReplayMismatch;
}

/** A fresh cluster with the session's settings and its journal replayed, and the cursor to show. */
export function replaySession(make: MakeCluster, session: Session): ReplayedSession {
  const cluster = freshCluster(make, session.settings);
  const { mismatch } = replayJournal(cluster, session);
  return { cluster, cursor: replayedCursor(cluster, session), ...(mismatch ? { mismatch } : {}) };
}
