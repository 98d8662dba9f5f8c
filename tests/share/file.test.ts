import { describe, expect, it } from 'vitest';
import { readSessionFile, sessionFileName, sessionFileText } from '../../src/share/file';
import type { SessionProblem } from '../../src/share/problems';
import { DEFAULT_SETTINGS, makeSession } from '../../src/share/session';

const session = makeSession(DEFAULT_SETTINGS, [{ op: 'apply', at: 1, args: ['kind: Pod'] }], 3, 4);

describe('session files', () => {
  it('are indented JSON that reads back as the same session', () => {
    const text = sessionFileText(session);
    expect(text).toContain('\n  "format": "kube-playground-session",\n');
    expect(readSessionFile(text)).toEqual({ ok: true, session });
  });

  it('are named for the Step they hold', () => {
    expect(sessionFileName(session)).toBe('kube-playground-step-3.kubeplay.json');
  });

  it.each<[string, string, SessionProblem['code']]>([
    ['not JSON', 'apiVersion: v1\nkind: Pod', 'notJson'],
    ['JSON of something else', '{"kind":"Pod"}', 'notSession'],
  ])('explain a file that is %s', (_name, text, code) => {
    expect(readSessionFile(text)).toEqual({ ok: false, problem: { code } });
  });
});
