import { describe, expect, it } from 'vitest';
import type { ArgProblem, SessionProblem } from '../../src/share/problems';
import { DEFAULT_SETTINGS, MAX_NODES, MAX_SEED, SESSION_VERSION, makeSession, type RecordedCall } from '../../src/share/session';
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
  it.each<[RecordedCall, unknown[], ArgProblem | undefined]>([
    ['apply', ['kind: Pod'], undefined],
    ['apply', [], { code: 'missing', op: 'apply', i: 1 }],
    ['apply', [3], { code: 'type', op: 'apply', i: 1, type: 's' }],
    ['scale', ['Deployment', 'web', 5], undefined],
    ['scale', ['Deployment', 'web', '5'], { code: 'type', op: 'scale', i: 3, type: 'n' }],
    ['scale', ['Deployment', 'web', 5, 'default', 'extra'], { code: 'tooMany', op: 'scale', max: 4, count: 5 }],
    ['delete', ['Pod', 'p', null, { propagationPolicy: 'Foreground' }], undefined],
    ['delete', ['Pod', 'p', 'default', 'Foreground'], { code: 'type', op: 'delete', i: 4, type: 'o' }],
    ['setSuspended', ['Job', 'j', 'yes'], { code: 'type', op: 'setSuspended', i: 3, type: 'b' }],
    ['addNode', [], undefined],
    ['advance', [Number.NaN], { code: 'type', op: 'advance', i: 1, type: 'n' }],
    ['startTraffic', [['web']], { code: 'type', op: 'startTraffic', i: 1, type: 'o' }],
  ])('%s(%j)', (op, args, problem) => {
    expect(checkArgs(op, args)).toEqual(problem);
  });
});

describe('checkSession', () => {
  it('accepts a session and copies it', () => {
    const value = valid();
    const checked = checkSession(value);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.session).toEqual(value);
  });

  it.each<[string, (v: Record<string, unknown>) => void, SessionProblem]>([
    ['another format', (v) => { v.format = 'something-else'; }, { code: 'notSession' }],
    ['another version', (v) => { v.version = 2; }, { code: 'version', version: '2', supported: SESSION_VERSION }],
    ['no settings', (v) => { v.settings = 'x'; }, { code: 'noSettings' }],
    ['a negative seed', (v) => { v.settings = { ...DEFAULT_SETTINGS, seed: -1 }; }, { code: 'seed', max: MAX_SEED }],
    ['too many Nodes', (v) => { v.settings = { ...DEFAULT_SETTINGS, nodes: 500 }; }, { code: 'nodes', max: MAX_NODES }],
    ['an unknown proxy mode', (v) => { v.settings = { ...DEFAULT_SETTINGS, proxyMode: 'nftables' }; }, { code: 'proxyMode' }],
    ['no journal', (v) => { delete v.journal; }, { code: 'noJournal' }],
    ['an entry that is no call', (v) => { v.journal = [3]; }, { code: 'entryNotCall', n: 1 }],
    ['an unknown call', (v) => { v.journal = [{ op: 'eval', at: 0, args: [] }]; }, { code: 'entryUnknown', n: 1, op: 'eval' }],
    ['an inherited name as call', (v) => { v.journal = [{ op: 'toString', at: 0, args: [] }]; }, { code: 'entryUnknown', n: 1, op: 'toString' }],
    ['a call without Step index', (v) => { v.journal = [{ op: 'apply', args: ['x'] }]; }, { code: 'entryNoIndex', n: 1, op: 'apply' }],
    ['a call without arguments', (v) => { v.journal = [{ op: 'apply', at: 0 }]; }, { code: 'entryNoArgs', n: 1, op: 'apply' }],
    ['a zero step count', (v) => { v.journal = [{ op: 'step', count: 0 }]; }, { code: 'entryNoCount', n: 1 }],
    ['bad arguments', (v) => { v.journal = [{ op: 'step', count: 1 }, { op: 'scale', at: 0, args: ['Deployment'] }]; },
      { code: 'entryArgs', n: 2, problem: { code: 'missing', op: 'scale', i: 2 } }],
    ['no cursor', (v) => { v.cursor = -2; }, { code: 'noPosition' }],
    ['too much to replay', (v) => { v.journal = [{ op: 'step', count: MAX_REPLAY_CALLS + 1 }]; }, { code: 'tooLong', max: MAX_REPLAY_CALLS }],
  ])('refuses %s', (_name, spoil, problem) => {
    const value = valid();
    spoil(value);
    expect(checkSession(value)).toEqual({ ok: false, problem });
  });

  it('refuses what is not an object', () => {
    for (const v of [null, 3, 'text', []]) expect(checkSession(v).ok).toBe(false);
  });
});
