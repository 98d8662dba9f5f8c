/** The store's lesson slice over the real engine: what the lesson panel does with a lesson. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_MANIFEST } from '../../src/demo/demoManifest';
import { createCluster } from '../../src/engine/index';
import { lessonById } from '../../src/lessons/library';
import { predictionTruth } from '../../src/lessons/runner';
import { createPlaygroundStore } from '../../src/store/createStore';
import { selectStageReached } from '../../src/store/lessonSlice';
import { memoryStorage } from '../store/fakeCluster';

const lesson = lessonById('pod-pause-container')!;

function start() {
  return createPlaygroundStore({ createCluster, demoText: DEMO_MANIFEST, storage: memoryStorage() });
}

const fingerprint = (store: ReturnType<typeof start>) => store.getState().cluster.steps.map((s) => `${s.time} ${s.actor} ${s.message}`);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the lesson slice', () => {
  it('opens and closes the library', () => {
    const store = start();
    expect(store.getState().lessonsOpen).toBe(false);
    store.getState().openLessons();
    expect(store.getState().lessonsOpen).toBe(true);
    store.getState().closeLessons();
    expect(store.getState().lessonsOpen).toBe(false);
  });

  it('starts a lesson on a fresh cluster, its manifests in the editor and applied', () => {
    const store = start();
    const demoCluster = store.getState().cluster;
    store.getState().openLessons();
    store.getState().startLesson(lesson);
    const s = store.getState();
    expect(s.cluster).not.toBe(demoCluster);
    expect(s.lessonsOpen).toBe(false);
    expect(s.lessonProgress).toMatchObject({ stage: 0, finished: false });
    expect(s.editorText).toBe(lesson.stages[0].apply);
    expect(s.lastApplied).toEqual([{ kind: 'Pod', name: 'shared', namespace: 'default', action: 'created' }]);
    expect(s.cluster.get('Deployment', 'web')).toBeUndefined();
    expect(s.cursor).toBe(s.cluster.steps.length - 1);
    expect(selectStageReached(s)).toBe(false);
  });

  it('runs to the pause point, where the engine agrees with the answer', () => {
    const store = start();
    store.getState().startLesson(lesson);
    store.getState().runToPause();
    const s = store.getState();
    expect(selectStageReached(s)).toBe(true);
    expect(s.cursor).toBe(s.cluster.steps.length - 1);
    expect(predictionTruth(s.cluster, lesson.stages[0], s.lessonProgress!.entry)).toEqual([lesson.stages[0].predict!.answer]);
  });

  it('plays to the pause point Step by Step at the timeline speed, then stops', () => {
    const store = start();
    store.getState().startLesson(lesson);
    store.getState().setSpeed(50);
    store.getState().playToPause();
    expect(store.getState().lessonPlaying).toBe(true);
    const first = store.getState().cursor;
    vi.advanceTimersByTime(20);
    expect(store.getState().cursor).toBeGreaterThan(first);
    vi.advanceTimersByTime(60_000);
    const s = store.getState();
    expect(s.lessonPlaying).toBe(false);
    expect(selectStageReached(s)).toBe(true);
    expect(s.cursor).toBe(s.cluster.steps.length - 1);
  });

  it('goes forward and back through the stages, replaying the same cluster when going back', () => {
    const store = start();
    store.getState().startLesson(lesson);
    store.getState().nextStage();
    store.getState().nextStage();
    const atThird = fingerprint(store);
    expect(store.getState().lessonProgress?.stage).toBe(2);
    expect(store.getState().editorText).toBe(lesson.stages[2].apply);
    store.getState().nextStage();
    store.getState().previousStage();
    expect(store.getState().lessonProgress?.stage).toBe(2);
    expect(fingerprint(store)).toEqual(atThird);
  });

  it('finishes after the last stage, and can leave the lesson', () => {
    const store = start();
    store.getState().startLesson(lesson);
    for (let i = 0; i < lesson.stages.length; i++) store.getState().nextStage();
    expect(store.getState().lessonProgress).toMatchObject({ stage: lesson.stages.length - 1, finished: true });
    store.getState().previousStage();
    expect(store.getState().lessonProgress?.finished).toBe(false);
    store.getState().exitLesson();
    expect(store.getState().lessonProgress).toBeNull();
  });

  it('notices a reset from elsewhere, and restarts the stage by replaying', () => {
    const store = start();
    store.getState().startLesson(lesson);
    store.getState().nextStage();
    const before = fingerprint(store);
    store.getState().resetCluster();
    expect(selectStageReached(store.getState())).toBe(false);
    store.getState().runToPause(); // refused: the stage was entered on another cluster
    expect(store.getState().cluster.steps.length).toBeLessThan(before.length);
    store.getState().goToStage(1);
    expect(fingerprint(store)).toEqual(before);
  });

  it('uses the standard cluster even when the learner chose other settings', () => {
    const store = start();
    store.getState().resetWithSettings({ seed: 7, nodes: 5, proxyMode: 'ipvs' });
    store.getState().startLesson(lesson);
    const s = store.getState();
    expect(s.clusterSettings).toEqual({ seed: 1, nodes: 3, proxyMode: 'iptables' });
    expect(s.cluster.list('Node').length).toBe(3);
  });
});
