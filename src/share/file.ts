/**
 * The session file (`*.kubeplay.json`): the session as readable, indented JSON, so a teacher can
 * look inside, keep it in git, and diff two of them.
 */
import type { Session } from './session';
import { checkSession, type SessionCheck } from './validate';

export const SESSION_FILE_SUFFIX = '.kubeplay.json';
export const SESSION_FILE_TYPE = 'application/json';
/** Files larger than this are refused before they are read. */
export const MAX_SESSION_FILE_BYTES = 16 * 1024 * 1024;

export function sessionFileText(session: Session): string {
  return `${JSON.stringify(session, null, 2)}\n`;
}

/** `kube-playground-step-42.kubeplay.json`: names the moment it holds. */
export function sessionFileName(session: Session): string {
  return `kube-playground-step-${session.cursor}${SESSION_FILE_SUFFIX}`;
}

export function readSessionFile(text: string): SessionCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: 'notJson' } };
  }
  return checkSession(value);
}
