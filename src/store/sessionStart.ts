/**
 * How the playground starts. A saved session (the last visit's cluster settings, journal and
 * timeline position) is replayed and shown at the same Step. Without one — or when all it holds is
 * the start-up apply of a text edited since — it starts as a first visit does: a fresh cluster
 * with the saved settings, the saved editor text (or the demo) applied.
 */
import type { ApplyResult, Cluster } from '../engine/api';
import { decodeSession } from '../share/encode';
import { DEFAULT_SETTINGS, isPristine, lastAppliedText, type ClusterSettings } from '../share/session';
import { replayedCursor } from '../share/replay';
import { freshCluster, replaySession, type MakeCluster } from '../share/sessionCluster';
import { safeApply } from './editorSlice';
import { SESSION_KEY, loadEditorText, loadStored } from './persistence';
import type { SessionNoticeBody } from './sessionNotices';
import type { PlaygroundDeps } from './types';

export interface PlaygroundStart {
  /** The deps with `createCluster` making recording clusters with the current settings. */
  deps: PlaygroundDeps;
  /** The engine's own `createCluster` (a session's settings go straight to it). */
  make: MakeCluster;
  /** The settings the next fresh cluster is made with (shared with the session slice). */
  settings: { current: ClusterSettings };
  cluster: Cluster;
  cursor: number;
  editorText: string;
  /** The start-up apply, when there was one. */
  initial?: ApplyResult;
  /** What the start has to report about the saved session (it could not be replayed as recorded). */
  notice: SessionNoticeBody | null;
}

export function startPlayground(deps: PlaygroundDeps): PlaygroundStart {
  const settings = { current: DEFAULT_SETTINGS };
  const sessionDeps: PlaygroundDeps = { ...deps, createCluster: () => freshCluster(deps.createCluster, settings.current) };
  const savedText = loadEditorText(deps.storage);
  const stored = loadStored(deps.storage, SESSION_KEY);
  const saved = stored ? decodeSession(stored) : null;
  let problem: SessionNoticeBody | null = saved && !saved.ok ? { code: 'savedNotRestored', reason: saved.problem } : null;
  if (saved?.ok) {
    settings.current = saved.session.settings;
    if (!isPristine(saved.session)) {
      try {
        const replayed = replaySession(deps.createCluster, saved.session);
        const editorText = savedText ?? lastAppliedText(saved.session) ?? deps.demoText;
        const mismatch: SessionNoticeBody | null = replayed.mismatch ? { code: 'savedDiffers', mismatch: replayed.mismatch } : null;
        return { deps: sessionDeps, make: deps.createCluster, settings, cluster: replayed.cluster, cursor: replayed.cursor, editorText, notice: mismatch };
      } catch (err) {
        problem = { code: 'savedNotReplayed', error: err instanceof Error ? err.message : String(err) };
      }
    }
  }
  const cluster = sessionDeps.createCluster();
  const editorText = savedText ?? deps.demoText;
  const initial = editorText.trim() === '' ? undefined : safeApply(cluster, editorText);
  // The same text applied to the same settings is the pristine session again: keep its Step.
  const same = saved?.ok && editorText === lastAppliedText(saved.session);
  const cursor = same ? replayedCursor(cluster, saved.session) : cluster.steps.length - 1;
  return { deps: sessionDeps, make: deps.createCluster, settings, cluster, cursor, editorText, initial, notice: problem };
}
