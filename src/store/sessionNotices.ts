/**
 * What the session actions report: a code and its parameters, never a sentence — the store has no
 * language. The notice view words each one in the UI's language (`src/ui/classroom/sessionNoticeText.ts`),
 * names and the engine's English kept as they are.
 */
import type { ProxyMode } from '../engine/api';
import type { ReplayMismatch, SessionProblem } from '../share/problems';

/** Where a session came from: the page's share link, or a file the learner chose (its name). */
export type SessionSource = { from: 'link' } | { from: 'file'; name: string };

export type SessionNoticeBody =
  /** A link or file opened at Step `cursor` of `last`; `mismatch` when it replays differently here. */
  | (SessionSource & { code: 'opened'; cursor: number; last: number; mismatch?: ReplayMismatch })
  /** A link or file that holds no usable session (nothing was changed). */
  | (SessionSource & { code: 'rejected'; reason: SessionProblem })
  /** The session was downloaded as the file `name`. */
  | { code: 'exported'; name: string }
  /** The cluster started again with new settings. */
  | { code: 'restarted'; nodes: number; seed: number; mode: ProxyMode }
  /** The saved session could not be read back; the editor text was applied instead. */
  | { code: 'savedNotRestored'; reason: SessionProblem }
  /** The saved session replays differently in this version. */
  | { code: 'savedDiffers'; mismatch: ReplayMismatch }
  /** Replaying the saved session threw (`error`: the engine's English); the editor text was applied instead. */
  | { code: 'savedNotReplayed'; error: string };

export type NoticeTone = 'info' | 'warning' | 'error';

export type SessionNotice = SessionNoticeBody & {
  /** Counts up, so the same notice twice is still news. */
  id: number;
  tone: NoticeTone;
};

/** How loud a notice is: a refusal is an error, anything that did not go as recorded a warning. */
export function noticeTone(body: SessionNoticeBody): NoticeTone {
  switch (body.code) {
    case 'rejected': return 'error';
    case 'opened': return body.mismatch ? 'warning' : 'info';
    case 'exported':
    case 'restarted': return 'info';
    default: return 'warning';
  }
}
