import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlaygroundStore } from '../../src/store/createStore';
import { EDITOR_TEXT_KEY } from '../../src/store/persistence';
import { selectCanStepBack, selectCanStepForward } from '../../src/store/selectors';
import { FakeCluster, memoryStorage } from './fakeCluster';

const DEMO = 'kind: Deployment # demo';

function setup(saved?: string, followUps = 3, batch = 1) {
  const clusters: FakeCluster[] = [];
  const storage = memoryStorage(saved === undefined ? {} : { [EDITOR_TEXT_KEY]: saved });
  const store = createPlaygroundStore({
    createCluster: () => {
      const c = new FakeCluster(followUps, batch);
      clusters.push(c);
      return c;
    },
    demoText: DEMO,
    storage,
    saveDelayMs: 100,
  });
  return { store, storage, clusters, cluster: () => clusters[clusters.length - 1] };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('start-up', () => {
  it('shows and applies the demo when nothing was saved, paused at the newest Step', () => {
    const { store, cluster } = setup();
    const s = store.getState();
    expect(s.editorText).toBe(DEMO);
    expect(cluster().applied).toEqual([DEMO]);
    expect(s.cursor).toBe(cluster().steps.length - 1);
    expect(s.cursor).toBe(0);
    expect(s.following).toBe(true);
    expect(s.playing).toBe(false);
    expect(s.problems).toEqual([]);
    expect(s.lastApplied).toEqual([{ kind: 'Deployment', name: 'web', namespace: 'default', action: 'created' }]);
  });

  it('restores saved text and applies it instead of the demo', () => {
    const { store, cluster } = setup('kind: Pod # mine');
    expect(store.getState().editorText).toBe('kind: Pod # mine');
    expect(cluster().applied).toEqual(['kind: Pod # mine']);
  });

  it('shows saved text that does not apply, with its problems, and changes nothing', () => {
    const { store, cluster } = setup('BROKEN');
    const s = store.getState();
    expect(s.editorText).toBe('BROKEN');
    expect(cluster().steps).toHaveLength(0);
    expect(s.cursor).toBe(-1);
    expect(s.problems[0].message).toMatch(/Required value/);
  });

  it('keeps an empty saved text empty and applies nothing', () => {
    const { store, cluster } = setup('');
    expect(store.getState().editorText).toBe('');
    expect(cluster().applied).toEqual([]);
    expect(store.getState().problems).toEqual([]);
  });
});

describe('editor', () => {
  it('saves the text once typing pauses (debounced)', () => {
    const { store, storage } = setup();
    store.getState().setEditorText('a');
    store.getState().setEditorText('ab');
    vi.advanceTimersByTime(99);
    expect(storage.data.has(EDITOR_TEXT_KEY)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(storage.data.get(EDITOR_TEXT_KEY)).toBe('ab');
  });

  it('applies the text: success clears problems and jumps the cursor to the newest Step', () => {
    const { store, cluster } = setup();
    store.getState().setEditorText('BROKEN');
    expect(store.getState().applyText().ok).toBe(false);
    expect(store.getState().problems).toHaveLength(1);
    store.getState().stepForward();
    store.getState().stepBack();
    store.getState().setEditorText('kind: Service');
    const result = store.getState().applyText();
    expect(result.ok).toBe(true);
    const s = store.getState();
    expect(s.problems).toEqual([]);
    expect(s.cursor).toBe(cluster().steps.length - 1);
    expect(s.following).toBe(true);
  });

  it('a failed apply changes nothing in the cluster and drops the old success summary', () => {
    const { store, cluster } = setup();
    const before = cluster().steps.length;
    const version = store.getState().version;
    store.getState().setEditorText('BROKEN');
    const result = store.getState().applyText();
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ line: 2, column: 3 })] });
    expect(cluster().steps).toHaveLength(before);
    expect(store.getState().version).toBe(version);
    expect(store.getState().lastApplied).toBeNull();
  });

  it('turns an engine exception into a visible problem', () => {
    const { store, cluster } = setup();
    cluster().apply = () => {
      throw new Error('boom');
    };
    expect(store.getState().applyText().ok).toBe(false);
    expect(store.getState().problems[0].message).toBe('internal error while applying: boom');
  });
});

describe('cursor', () => {
  it('steps forward through the engine at the newest Step, and back through snapshots', () => {
    const { store, cluster } = setup();
    const st = () => store.getState();
    st().stepForward();
    st().stepForward();
    expect(cluster().steps).toHaveLength(3);
    expect(st().cursor).toBe(2);
    st().stepBack();
    expect(st()).toMatchObject({ cursor: 1, following: false });
    st().stepForward(); // an existing Step: the engine is not asked
    expect(cluster().steps).toHaveLength(3);
    expect(st()).toMatchObject({ cursor: 2, following: true });
  });

  it('shows each Step of a reconcile that recorded several, in order, and never goes back', () => {
    const { store, cluster } = setup(undefined, 2, 3);
    const seen: number[] = [];
    for (let i = 0; i < 8; i++) {
      store.getState().stepForward();
      seen.push(store.getState().cursor);
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 6, 6]);
    expect(cluster().steps).toHaveLength(7);
    expect(store.getState().following).toBe(true);
  });

  it('after a reconcile that recorded several Steps, the cursor is on the first of them', () => {
    const { store, cluster } = setup(undefined, 1, 3);
    store.getState().stepForward();
    expect(cluster().steps).toHaveLength(4);
    expect(store.getState()).toMatchObject({ cursor: 1, following: false });
  });

  it('does nothing forward when at the newest Step with nothing pending', () => {
    const { store, cluster } = setup(undefined, 0);
    expect(selectCanStepForward(store.getState())).toBe(false);
    store.getState().stepForward();
    expect(cluster().steps).toHaveLength(1);
    expect(store.getState().cursor).toBe(0);
    expect(selectCanStepBack(store.getState())).toBe(false);
  });

  it('setCursor clamps to the Steps that exist and tracks following', () => {
    const { store } = setup();
    const st = () => store.getState();
    st().stepForward();
    st().stepForward();
    st().setCursor(-5);
    expect(st()).toMatchObject({ cursor: 0, following: false });
    st().setCursor(99);
    expect(st()).toMatchObject({ cursor: 2, following: true });
  });

  it('a following cursor moves with Steps made outside the store; a parked one stays', () => {
    const { store, cluster } = setup();
    const v = store.getState().version;
    cluster().delete('Pod', 'x');
    expect(store.getState().cursor).toBe(1);
    expect(store.getState().version).toBeGreaterThan(v);
    store.getState().setCursor(0);
    cluster().delete('Pod', 'y');
    expect(store.getState().cursor).toBe(0);
  });
});

describe('playback', () => {
  it('plays at `speed` Steps per second and stops when the engine has nothing pending', () => {
    const { store, cluster } = setup(undefined, 3);
    store.getState().setSpeed(4);
    store.getState().play();
    expect(store.getState().playing).toBe(true);
    expect(store.getState().cursor).toBe(1); // first Step at once
    vi.advanceTimersByTime(250);
    expect(store.getState().cursor).toBe(2);
    vi.advanceTimersByTime(500);
    expect(store.getState().cursor).toBe(3);
    expect(store.getState().playing).toBe(false);
    expect(cluster().pending).toBe(0);
  });

  it('replays existing Steps before asking the engine, and pause stops the timer', () => {
    const { store, cluster } = setup(undefined, 3);
    const st = () => store.getState();
    st().stepForward();
    st().setCursor(0);
    st().setSpeed(1);
    st().togglePlay();
    expect(st().cursor).toBe(1);
    expect(cluster().steps).toHaveLength(2);
    st().togglePlay();
    vi.advanceTimersByTime(5000);
    expect(st()).toMatchObject({ cursor: 1, playing: false });
  });

  it('stepBack pauses playback', () => {
    const { store } = setup(undefined, 10);
    store.getState().play();
    store.getState().stepBack();
    vi.advanceTimersByTime(5000);
    expect(store.getState()).toMatchObject({ playing: false, cursor: 0 });
  });

  it.each([
    [0.01, 0.25],
    [3, 3],
    [1000, 50],
    [Number.NaN, 2],
  ])('setSpeed(%s) keeps the speed at %s', (input, expected) => {
    const { store } = setup();
    store.getState().setSpeed(input);
    expect(store.getState().speed).toBe(expected);
  });
});

describe('selection and reset', () => {
  it('selects a copy of the ref and clears it', () => {
    const { store } = setup();
    const ref = { kind: 'Pod', name: 'web-1', namespace: 'default' };
    store.getState().select(ref);
    expect(store.getState().selection).toEqual(ref);
    expect(store.getState().selection).not.toBe(ref);
    store.getState().select(null);
    expect(store.getState().selection).toBeNull();
  });

  it('resetCluster starts a fresh cluster, keeps the text, stops playback and forgets the old cluster', () => {
    const { store, clusters } = setup();
    store.getState().select({ kind: 'Pod', name: 'a' });
    store.getState().play();
    store.getState().resetCluster();
    const s = store.getState();
    expect(clusters).toHaveLength(2);
    expect(s.cluster).toBe(clusters[1]);
    expect(s).toMatchObject({ editorText: DEMO, playing: false, selection: null, cursor: -1, following: true, problems: [], lastApplied: null });
    expect(clusters[0].listenerCount).toBe(0);
    expect(clusters[1].listenerCount).toBe(1);
    const v = s.version;
    clusters[0].delete('Pod', 'old');
    expect(store.getState().version).toBe(v);
  });
});
