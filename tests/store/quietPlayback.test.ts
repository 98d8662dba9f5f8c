import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCluster } from '../../src/engine/index';
import { decodeSession, encodeSession } from '../../src/share/encode';
import { replaySession } from '../../src/share/sessionCluster';
import { createPlaygroundStore } from '../../src/store/createStore';
import { QUIET_WINDOW_MS } from '../../src/store/lookAhead';
import type { PlaygroundStore } from '../../src/store/types';
import { partsText } from '../../src/i18n/textParts';
import { timelineNoticeParts } from '../../src/ui/timeline/filters/filterText';
import { memoryStorage } from './fakeCluster';
import { HOURLY_CRONJOB, HPA_STEADY, MINUTE } from './quietFixtures';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const start = (text: string) => createPlaygroundStore({ createCluster, demoText: text, storage: memoryStorage() });

/** Presses Play and lets the wall-clock timers run until playback stops by itself (bounded). */
function playUntilStopped(store: PlaygroundStore): void {
  store.getState().setSpeed(20);
  store.getState().play();
  for (let i = 0; i < 500 && store.getState().playing; i++) vi.advanceTimersByTime(50);
  expect(store.getState().playing).toBe(false);
}

const lastStepTime = (store: PlaygroundStore) => store.getState().cluster.steps.at(-1)!.time;
const noticeText = (store: PlaygroundStore) => {
  const n = store.getState().timelineNotice;
  return n && partsText(timelineNoticeParts(n));
};

describe('playback at a quiet moment looks a quiet window ahead', () => {
  it('Play at a steady-state HPA stops within 15 virtual minutes with the quiet notice', () => {
    const store = start(HPA_STEADY);
    playUntilStopped(store);
    const s = store.getState();
    expect(s.cursor).toBe(s.cluster.steps.length - 1);
    expect(s.cluster.nextActionTime()).toBeDefined(); // the HPA still syncs
    expect(s.cluster.now - lastStepTime(store)).toBeLessThanOrEqual(QUIET_WINDOW_MS);
    expect(s.cluster.now).toBeLessThan(60 * MINUTE);
    expect(s.timelineNotice).toEqual({ code: 'quiet', withinMs: 15 * MINUTE, seeking: 'step' });
    expect(noticeText(store)).toBe('Nothing happens in the next 15 virtual minutes.');

    // Play again: another window at most, never a day
    const before = s.cluster.now;
    playUntilStopped(store);
    expect(store.getState().cluster.now - before).toBeLessThanOrEqual(QUIET_WINDOW_MS);
    expect(store.getState().timelineNotice).toMatchObject({ code: 'quiet' });
  });

  it('Step forward at the newest Step says the same; skipping finds no Step within a day: idle', () => {
    const store = start(HPA_STEADY);
    playUntilStopped(store);
    const steps = store.getState().cluster.steps.length;
    store.getState().stepForward();
    expect(store.getState().timelineNotice).toMatchObject({ code: 'quiet', seeking: 'step' });
    const before = store.getState().cluster.now;
    store.getState().skipToNextChange();
    expect(store.getState().cluster.steps).toHaveLength(steps);
    expect(store.getState().cluster.now - before).toBeGreaterThan(QUIET_WINDOW_MS);
    expect(store.getState().timelineNotice).toEqual({ code: 'idle' });
    expect(noticeText(store)).toBe('Nothing more happens: the cluster is idle.');
  });

  it('"Skip to the next change" reaches an hourly CronJob run', () => {
    const store = start(HOURLY_CRONJOB);
    playUntilStopped(store);
    expect(store.getState().timelineNotice).toMatchObject({ code: 'quiet' });
    expect(store.getState().cluster.now).toBeLessThan(60 * MINUTE);
    store.getState().skipToNextChange();
    const s = store.getState();
    const shown = s.cluster.steps[s.cursor];
    expect(shown.actor).toBe('cronjob-controller');
    expect(Math.floor(shown.time / MINUTE)).toBe(60);
    expect(s.timelineNotice).toBeNull();
    // Play goes on from there: the run's Job and Pod, then quiet again well before the next hour
    playUntilStopped(store);
    expect(store.getState().cluster.steps.some((st) => st.actor === 'job-controller' && st.time >= 60 * MINUTE)).toBe(true);
    expect(store.getState().cluster.now).toBeLessThan(120 * MINUTE);
  });

  it('an engine change clears the notice', () => {
    const store = start(HPA_STEADY);
    playUntilStopped(store);
    expect(store.getState().timelineNotice).not.toBeNull();
    store.getState().setEditorText(HPA_STEADY.replace('replicas: 1', 'replicas: 2'));
    store.getState().applyText();
    expect(store.getState().timelineNotice).toBeNull();
  });

  it('grouped stepping, filtered stepping and "Next Step of this object" look the quiet window ahead too', () => {
    const store = start(HPA_STEADY);
    playUntilStopped(store);
    const at = () => store.getState().cluster.now;

    store.getState().setStepGrouping('second');
    let before = at();
    store.getState().stepForward();
    expect(store.getState().timelineNotice).toMatchObject({ code: 'quiet', seeking: 'step' });
    expect(at() - before).toBeLessThanOrEqual(QUIET_WINDOW_MS);

    store.getState().setStepGrouping('write');
    store.getState().setStepFilter({ actor: 'kind:kubelet' });
    before = at();
    store.getState().stepForward();
    expect(store.getState().timelineNotice).toEqual({ code: 'quiet', withinMs: QUIET_WINDOW_MS, seeking: 'match' });
    expect(noticeText(store)).toBe('No Step matches the filter in the next 15 virtual minutes.');
    expect(at() - before).toBeLessThanOrEqual(QUIET_WINDOW_MS);
    store.getState().clearStepFilter();

    before = at();
    expect(store.getState().stepToObject(1, { kind: 'Deployment', name: 'web' })).toBe(false);
    expect(store.getState().timelineNotice).toEqual({
      code: 'quiet', withinMs: QUIET_WINDOW_MS, seeking: 'object', object: 'deployment/web', ref: { kind: 'Deployment', name: 'web', namespace: 'default' },
    });
    expect(noticeText(store)).toBe('No Step touches deployment/web in the next 15 virtual minutes.');
    expect(at() - before).toBeLessThanOrEqual(QUIET_WINDOW_MS);
  });

  it('skipping after "Next Step of this object" found nothing moves to that object\'s next Step', () => {
    const store = start(HOURLY_CRONJOB);
    playUntilStopped(store);
    expect(store.getState().stepToObject(1, { kind: 'CronJob', name: 'hourly' })).toBe(false);
    expect(store.getState().timelineNotice).toMatchObject({ code: 'quiet', seeking: 'object' });
    store.getState().skipToNextChange();
    const s = store.getState();
    expect(s.cluster.steps[s.cursor]).toMatchObject({ actor: 'cronjob-controller' });
    expect(s.cluster.steps[s.cursor].message).toContain('CronJob hourly');
  });
});

describe('the session journal records the quiet window', () => {
  it('records withinMs on Play\'s steps, none on the skip, and replays to identical Steps', () => {
    const store = start(HOURLY_CRONJOB);
    playUntilStopped(store);
    store.getState().skipToNextChange();
    playUntilStopped(store);
    const session = store.getState().captureSession();
    const steps = session.journal.filter((e) => e.op === 'step');
    expect(steps.some((e) => e.withinMs === QUIET_WINDOW_MS)).toBe(true);
    expect(steps.some((e) => !('withinMs' in e))).toBe(true); // the skip: the engine's default
    expect(steps.every((e) => e.withinMs === undefined || e.withinMs === QUIET_WINDOW_MS)).toBe(true);

    const decoded = decodeSession(encodeSession(session));
    if (!decoded.ok) throw new Error(decoded.problem.code);
    expect(decoded.session).toEqual(session);
    const replayed = replaySession(createCluster, decoded.session);
    expect(replayed.mismatch).toBeUndefined();
    const line = (c: { steps: readonly { time: number; actor: string; message: string }[] }) => c.steps.map((st) => `${st.time} ${st.actor} ${st.message}`);
    expect(line(replayed.cluster)).toEqual(line(store.getState().cluster));
    expect(replayed.cluster.now).toBe(store.getState().cluster.now);
  });
});
