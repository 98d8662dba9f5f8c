import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEMO_MANIFEST } from '../../src/demo/demoManifest';
import { createCluster } from '../../src/engine/index';
import { toBase64url } from '../../src/share/base64url';
import { decodeSession, encodeSession, inflateCapped } from '../../src/share/encode';
import type { SessionProblem } from '../../src/share/problems';
import { DEFAULT_SETTINGS, makeSession } from '../../src/share/session';
import { captureSession, freshCluster } from '../../src/share/sessionCluster';

/** The demo applied, then stepped 10 times, the timeline on the newest Step. */
function demoSession() {
  const cluster = freshCluster(createCluster, DEFAULT_SETTINGS);
  cluster.apply(DEMO_MANIFEST);
  for (let i = 0; i < 10; i++) cluster.step();
  return captureSession(cluster, DEFAULT_SETTINGS, cluster.steps.length - 1);
}

describe('encodeSession / decodeSession', () => {
  it('round-trips a session exactly', () => {
    const session = demoSession();
    const decoded = decodeSession(encodeSession(session));
    expect(decoded).toEqual({ ok: true, session });
  });

  it('keeps the demo session small enough for any chat or mail client', () => {
    const encoded = encodeSession(demoSession());
    // The demo manifest alone is ~750 characters of YAML; compressed it takes fewer.
    expect(DEMO_MANIFEST.length).toBeGreaterThan(700);
    expect(encoded.length).toBeLessThan(900);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('round-trips text outside ASCII (comments in any language)', () => {
    const session = makeSession(DEFAULT_SETTINGS, [{ op: 'apply', at: 1, args: ['# 部署 — Pods ✓\nkind: Pod'] }], 0, 2);
    expect(decodeSession(encodeSession(session))).toEqual({ ok: true, session });
  });

  it.each<[string, string | null, SessionProblem['code']]>([
    ['characters outside base64url', 'abc$def', 'badCharacters'],
    ['a cut-off link', null, 'incomplete'],
    ['bytes that are not DEFLATE', toBase64url(strToU8('{"format":"kube-playground-session"}')), 'incomplete'],
    ['DEFLATE of something that is not JSON', toBase64url(deflateSync(strToU8('hello'))), 'damaged'],
    ['JSON that is not a session', toBase64url(deflateSync(strToU8('{"a":1}'))), 'notSession'],
    ['nothing', '', 'incomplete'],
  ])('explains %s', (_name, text, code) => {
    const input = text ?? encodeSession(demoSession()).slice(0, 200);
    expect(decodeSession(input)).toEqual({ ok: false, problem: { code } });
  });
});

describe('inflateCapped', () => {
  it('inflates within the limit and refuses past it', () => {
    const data = deflateSync(new Uint8Array(100_000).fill(65));
    expect(inflateCapped(data, 100_000)?.length).toBe(100_000);
    expect(inflateCapped(data, 99_999)).toBeNull();
  });
});
