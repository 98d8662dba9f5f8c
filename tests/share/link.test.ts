import { describe, expect, it } from 'vitest';
import { encodeSession } from '../../src/share/encode';
import { hashWithoutSession, sessionFromHash, sessionParam, shareUrl } from '../../src/share/link';
import { DEFAULT_SETTINGS, makeSession } from '../../src/share/session';

const session = makeSession({ ...DEFAULT_SETTINGS, seed: 42, nodes: 5, proxyMode: 'ipvs' },
  [{ op: 'apply', at: 1, args: ['kind: Pod'] }, { op: 'step', count: 7 }], 6, 9);

describe('share links', () => {
  it('puts the session in the fragment, replacing any other fragment, and keeps path and query', () => {
    const url = shareUrl('https://play.example/k8s/?lang=zh#old', session);
    expect(url).toBe(`https://play.example/k8s/?lang=zh#s=${encodeSession(session)}`);
    expect(sessionFromHash(new URL(url).hash)).toEqual({ ok: true, session });
  });

  it.each([
    ['', null],
    ['#', null],
    ['#lesson=pods', null],
    ['#s=abc&lesson=pods', 'abc'],
    ['#lesson=pods&s=abc', 'abc'],
  ])('finds the session parameter in %j', (hash, param) => {
    expect(sessionParam(hash)).toBe(param);
  });

  it('says why a fragment with a damaged session cannot be read', () => {
    expect(sessionFromHash('#s=')).toEqual({ ok: false, problem: { code: 'noData' } });
    expect(sessionFromHash('#s=AAAA')?.ok).toBe(false);
  });

  it.each([
    ['#s=abc', ''],
    ['#s=abc&lesson=pods', '#lesson=pods'],
    ['#lesson=pods', '#lesson=pods'],
  ])('removes the session from %j', (hash, rest) => {
    expect(hashWithoutSession(hash)).toBe(rest);
  });
});
