import { describe, expect, it } from 'vitest';
import { STEP_HORIZON_MS } from '../../src/engine/api';
import { createCluster } from '../../src/engine/index';
import { Journal, journalOf } from '../../src/share/recorder';
import { replayJournal } from '../../src/share/replay';
import { makeSession, DEFAULT_SETTINGS, SESSION_FORMAT, SESSION_VERSION } from '../../src/share/session';
import { freshCluster } from '../../src/share/sessionCluster';
import { checkSession } from '../../src/share/validate';
import { HPA_STEADY, MINUTE } from '../store/quietFixtures';

describe('step entries and their window', () => {
  it.each([
    ['default calls merge', [undefined, undefined], [{ op: 'step', count: 2 }]],
    ['equal windows merge', [900_000, 900_000, 900_000], [{ op: 'step', count: 3, withinMs: 900_000 }]],
    ['a change of window starts an entry', [undefined, 900_000, 900_000, undefined],
      [{ op: 'step', count: 1 }, { op: 'step', count: 2, withinMs: 900_000 }, { op: 'step', count: 1 }]],
    ['different windows do not merge', [1_000, 2_000], [{ op: 'step', count: 1, withinMs: 1_000 }, { op: 'step', count: 1, withinMs: 2_000 }]],
  ] as const)('%s', (_name, windows, expected) => {
    const journal = new Journal();
    for (const w of windows) journal.recordStep(w);
    expect(journal.entries).toEqual(expected);
  });

  it('a recording cluster records a non-default window and omits the default, even when given', () => {
    const cluster = freshCluster(createCluster, DEFAULT_SETTINGS);
    cluster.step();
    cluster.step({ withinMs: STEP_HORIZON_MS });
    cluster.step({});
    cluster.step({ withinMs: 15 * MINUTE });
    cluster.step({ withinMs: 0 });
    expect(journalOf(cluster)!.entries).toEqual([
      { op: 'step', count: 3 }, { op: 'step', count: 1, withinMs: 15 * MINUTE }, { op: 'step', count: 1, withinMs: 0 },
    ]);
  });

  it('replay passes the window: the same Steps and clock, which the default would not give', () => {
    const record = () => {
      const c = freshCluster(createCluster, DEFAULT_SETTINGS);
      c.apply(HPA_STEADY);
      while (c.step({ withinMs: 15 * MINUTE }));
      c.scale('Deployment', 'web', 3);
      for (let i = 0; i < 30; i++) c.step({ withinMs: 15 * MINUTE });
      return c;
    };
    const original = record();
    const session = makeSession(DEFAULT_SETTINGS, journalOf(original)!.entries, 0, original.steps.length);
    const replayed = freshCluster(createCluster, DEFAULT_SETTINGS);
    expect(replayJournal(replayed, session)).toEqual({});
    expect(replayed.steps.map((s) => [s.time, s.actor, s.message])).toEqual(original.steps.map((s) => [s.time, s.actor, s.message]));
    expect(replayed.now).toBe(original.now);

    // the same journal without its windows replays differently (a day per quiet step): the field matters
    const withoutWindows = { ...session, journal: session.journal.map((e) => (e.op === 'step' ? { op: 'step' as const, count: e.count } : e)) };
    const other = freshCluster(createCluster, DEFAULT_SETTINGS);
    replayJournal(other, withoutWindows);
    const scale = session.journal.find((e) => e.op === 'scale');
    const scaledAt = (c: typeof other) => c.steps[scale && 'at' in scale ? scale.at : -1].time;
    expect(scaledAt(original)).toBeLessThan(60 * MINUTE);
    expect(scaledAt(other)).toBeGreaterThan(24 * 60 * MINUTE);
  });

  const sessionWith = (entry: unknown) => ({
    format: SESSION_FORMAT, version: SESSION_VERSION, settings: DEFAULT_SETTINGS, journal: [entry], cursor: 0, steps: 1,
  });

  it.each([
    [{ op: 'step', count: 2 }, { op: 'step', count: 2 }],
    [{ op: 'step', count: 2, withinMs: 900_000 }, { op: 'step', count: 2, withinMs: 900_000 }],
    [{ op: 'step', count: 1, withinMs: 0 }, { op: 'step', count: 1, withinMs: 0 }],
  ])('accepts %j', (entry, expected) => {
    const checked = checkSession(sessionWith(entry));
    expect(checked.ok && checked.session.journal).toEqual([expected]);
  });

  it.each([-1, '900000', null, Number.POSITIVE_INFINITY])('refuses withinMs %s', (withinMs) => {
    expect(checkSession(sessionWith({ op: 'step', count: 1, withinMs }))).toEqual({
      ok: false, problem: { code: 'entryArgs', n: 1, problem: { code: 'type', op: 'step', i: 1, type: 'n' } },
    });
  });
});
