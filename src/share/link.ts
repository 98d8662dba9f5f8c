/**
 * Share links: the page URL with the session in the fragment, `#s=<encoded session>`. The
 * fragment never reaches a server, so the manifests stay between the people who share the link.
 */
import { decodeSession, encodeSession } from './encode';
import type { Session } from './session';
import type { SessionCheck } from './validate';

export const LINK_PARAM = 's';

/** `base` (any URL of the app) with its fragment replaced by the session. */
export function shareUrl(base: string, session: Session): string {
  const url = new URL(base);
  url.hash = `${LINK_PARAM}=${encodeSession(session)}`;
  return url.toString();
}

/** The encoded session in a fragment (`#s=…`, other `&`-separated parameters allowed), or null. */
export function sessionParam(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(LINK_PARAM);
}

/** null when the fragment carries no session; otherwise the session or why it cannot be read. */
export function sessionFromHash(hash: string): SessionCheck | null {
  const param = sessionParam(hash);
  if (param === null) return null;
  if (param === '') return { ok: false, problem: { code: 'noData' } };
  return decodeSession(param);
}

/** The fragment with the session parameter removed (what stays after the link was opened). */
export function hashWithoutSession(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete(LINK_PARAM);
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}
