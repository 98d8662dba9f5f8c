/**
 * Sessions: what reproduces a moment (cluster settings, the journal of engine calls, the timeline
 * cursor). The slice captures the current one, opens one from a share link or a file (replayed
 * on a fresh cluster; one that cannot be read changes nothing), resets the cluster with new
 * settings, and keeps the session saved locally so a reload lands on the same Step.
 */
import { encodeSession } from '../share/encode';
import type { SessionProblem } from '../share/problems';
import { lastAppliedText, type ClusterSettings, type Session } from '../share/session';
import { captureSession, replaySession } from '../share/sessionCluster';
import type { createClusterBinding } from './clusterSlice';
import { SESSION_KEY, createLazySaver } from './persistence';
import { noticeTone, type SessionNotice, type SessionNoticeBody, type SessionSource } from './sessionNotices';
import type { PlaygroundStart } from './sessionStart';
import type { PlaygroundStore, SliceGet, SliceSet } from './types';

export type { SessionNotice, SessionNoticeBody, SessionSource };

export interface SessionSlice {
  /** The settings the current cluster was made with. */
  clusterSettings: ClusterSettings;
  /** What the last session action has to report (opened, refused, copied…); null when nothing. */
  sessionNotice: SessionNotice | null;
  /** The session that reproduces the cluster as it is now, with the timeline at the cursor. */
  captureSession(): Session;
  /**
   * Replays the session on a fresh cluster made with its settings and shows it at its cursor,
   * the editor holding the last applied text. `source` (the share link, a file) is named in the notice.
   */
  openSession(session: Session, source: SessionSource): void;
  /** Reports a link or file that holds no usable session; nothing else changes. */
  rejectSession(source: SessionSource, reason: SessionProblem): void;
  /** Starts again with a fresh cluster made with `settings`, then applies the editor text if asked. */
  resetWithSettings(settings: ClusterSettings, applyEditorText?: boolean): void;
  /** Shows a notice (its tone follows from its code). */
  showSessionNotice(body: SessionNoticeBody): void;
  dismissSessionNotice(): void;
  /** Writes a pending save of the session now (on page hide). */
  flushSessionSave(): void;
}

const DEFAULT_SAVE_DELAY_MS = 400;

export function createSessionSlice(
  set: SliceSet,
  get: SliceGet,
  api: PlaygroundStore,
  start: PlaygroundStart,
  binding: ReturnType<typeof createClusterBinding>,
): SessionSlice {
  let nextNotice = 1;
  const notice = (body: SessionNoticeBody): SessionNotice => ({ ...body, id: nextNotice++, tone: noticeTone(body) });

  const saver = createLazySaver(start.deps.storage, SESSION_KEY, start.deps.saveDelayMs ?? DEFAULT_SAVE_DELAY_MS);
  api.subscribe((s, prev) => {
    if (s.cluster === prev.cluster && s.version === prev.version && s.cursor === prev.cursor) return;
    saver.save(() => encodeSession(get().captureSession()));
  });

  return {
    clusterSettings: { ...start.settings.current },
    sessionNotice: start.notice && notice(start.notice),
    captureSession() {
      const { cluster, cursor } = get();
      return captureSession(cluster, start.settings.current, cursor);
    },
    openSession(session, source) {
      get().pause();
      get().exitLesson(); // the session holds the cluster, not the lesson being followed
      let replayed: ReturnType<typeof replaySession>;
      try {
        replayed = replaySession(start.make, session);
      } catch (err) {
        get().rejectSession(source, { code: 'replayFailed', error: err instanceof Error ? err.message : String(err) });
        return;
      }
      const { cluster, cursor, mismatch } = replayed;
      start.settings.current = { ...session.settings };
      binding.attach(cluster);
      const text = lastAppliedText(session);
      if (text !== undefined) get().setEditorText(text);
      set((s) => ({
        cluster,
        version: s.version + 1,
        cursor,
        following: cursor === cluster.steps.length - 1,
        selection: null,
        inspectedContainer: null,
        problems: [],
        lastApplied: null,
        clusterSettings: { ...session.settings },
        timelineNotice: null,
        sessionNotice: notice({ ...source, code: 'opened', cursor, last: cluster.steps.length - 1, ...(mismatch ? { mismatch } : {}) }),
      }));
    },
    rejectSession(source, reason) {
      set({ sessionNotice: notice({ ...source, code: 'rejected', reason }) });
    },
    resetWithSettings(settings, applyEditorText = false) {
      start.settings.current = { ...settings };
      get().resetCluster();
      set({ clusterSettings: { ...settings } });
      if (applyEditorText && get().editorText.trim() !== '') get().applyText();
    },
    showSessionNotice(body) {
      set({ sessionNotice: notice(body) });
    },
    dismissSessionNotice() {
      set({ sessionNotice: null });
    },
    flushSessionSave: saver.flush,
  };
}
