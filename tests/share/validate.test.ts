import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, makeSession, type RecordedCall } from '../../src/share/session';
import { argPattern, checkArgs, checkSession, MAX_REPLAY_CALLS } from '../../src/share/validate';

const valid = () => JSON.parse(JSON.stringify(makeSession(DEFAULT_SETTINGS, [
  { op: 'apply', at: 1, args: ['kind: Pod'] },
  { op: 'step', count: 3 },
  { op: 'delete', at: 9, args: ['Pod', 'p', null, { propagationPolicy: 'Orphan' }] },
], 5, 12))) as Record<string, unknown>;

describe('argPattern', () => {
  it('reads types and optional marks', () => {
    expect(argPattern('ss?o?')).toEqual([
      { type: 's', optional: false }, { type: 's', optional: true }, { type: 'o', optional: true },
    ]);
  });
});

describe('checkArgs', () => {
  it.each<[RecordedCall, unknown[], string | undefined]>([
    ['apply', ['kind: Pod'], undefined],
    ['apply', [], 'apply needs argument 1'],
    ['apply', [3], 'argument 1 of apply must be a string'],
    ['scale', ['Deployment', 'web', 5], undefined],
    ['scale', ['Deployment', 'web', '5'], 'argument 3 of scale must be a number'],
    ['scale', ['Deployment', 'web', 5, 'default', 'extra'], 'scale takes at most 4 arguments, not 5'],
    ['delete', ['Pod', 'p', null, { propagationPolicy: 'Foreground' }], undefined],
    ['delete', ['Pod', 'p', 'default', 'Foreground'], 'argument 4 of delete must be an object'],
    ['setSuspended', ['Job', 'j', 'yes'], 'argument 3 of setSuspended must be true or false'],
    ['addNode', [], undefined],
    ['advance', [Number.NaN], 'argument 1 of advance must be a number'],
    ['startTraffic', [['web']], 'argument 1 of startTraffic must be an object'],
  ])('%s(%j)', (op, args, problem) => {
    expect(checkArgs(op, args)).toBe(problem);
  });
});

describe('checkSession', () => {
  it('accepts a session and copies it', () => {
    const value = valid();
    const checked = checkSession(value);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.session).toEqual(value);
  });

  it.each<[string, (v: Record<string, unknown>) => void, RegExp]>([
    ['another format', (v) => { v.format = 'something-else'; }, /not a Kube Playground session/],
    ['another version', (v) => { v.version = 2; }, /version 2 session/],
    ['a negative seed', (v) => { v.settings = { ...DEFAULT_SETTINGS, seed: -1 }; }, /seed/],
    ['too many Nodes', (v) => { v.settings = { ...DEFAULT_SETTINGS, nodes: 500 }; }, /number of Nodes/],
    ['an unknown proxy mode', (v) => { v.settings = { ...DEFAULT_SETTINGS, proxyMode: 'nftables' }; }, /iptables or ipvs/],
    ['no journal', (v) => { delete v.journal; }, /no journal/],
    ['an unknown call', (v) => { v.journal = [{ op: 'eval', at: 0, args: [] }]; }, /unknown call "eval"/],
    ['an inherited name as call', (v) => { v.journal = [{ op: 'toString', at: 0, args: [] }]; }, /unknown call/],
    ['a call without Step index', (v) => { v.journal = [{ op: 'apply', args: ['x'] }]; }, /no Step index/],
    ['a zero step count', (v) => { v.journal = [{ op: 'step', count: 0 }]; }, /no step count/],
    ['bad arguments', (v) => { v.journal = [{ op: 'scale', at: 0, args: ['Deployment'] }]; }, /entry 1: scale needs argument 2/],
    ['no cursor', (v) => { v.cursor = -2; }, /timeline position/],
    ['too much to replay', (v) => { v.journal = [{ op: 'step', count: MAX_REPLAY_CALLS + 1 }]; }, /more than/],
  ])('refuses %s', (_name, spoil, message) => {
    const value = valid();
    spoil(value);
    const checked = checkSession(value);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toMatch(message);
  });

  it('refuses what is not an object', () => {
    for (const v of [null, 3, 'text', []]) expect(checkSession(v).ok).toBe(false);
  });
});
