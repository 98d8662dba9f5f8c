/**
 * A session as one compact string: JSON, DEFLATE (fflate, raw), base64url. The same string is the
 * share link's `#s=` fragment and the saved session in localStorage.
 */
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { fromBase64url, toBase64url } from './base64url';
import type { Session } from './session';
import { checkSession, type SessionCheck } from './validate';

/** Inflated JSON larger than this is refused (a link cannot carry a session that big honestly). */
export const MAX_SESSION_BYTES = 8 * 1024 * 1024;
/** Input is inflated in chunks this small, so the size cap holds before memory runs out. */
const CHUNK = 1024;

export function encodeSession(session: Session): string {
  return toBase64url(deflateSync(strToU8(JSON.stringify(session)), { level: 9 }));
}

/** Inflates at most `limit` bytes; null when the data is not DEFLATE or inflates past the limit. */
export function inflateCapped(data: Uint8Array, limit: number): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let size = 0;
  let done = false;
  const stream = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > limit) throw new RangeError('too large');
    parts.push(chunk);
    done ||= final;
  });
  try {
    if (data.length === 0) return null;
    for (let i = 0; i < data.length; i += CHUNK) stream.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
  } catch {
    return null;
  }
  if (!done) return null;
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** The session a string holds, or why it holds none. */
export function decodeSession(text: string): SessionCheck {
  const bytes = fromBase64url(text.trim());
  if (!bytes) return { ok: false, problem: { code: 'badCharacters' } };
  const json = inflateCapped(bytes, MAX_SESSION_BYTES);
  if (!json) return { ok: false, problem: { code: 'incomplete' } };
  let value: unknown;
  try {
    value = JSON.parse(strFromU8(json));
  } catch {
    return { ok: false, problem: { code: 'damaged' } };
  }
  return checkSession(value);
}
