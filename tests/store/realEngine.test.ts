import { describe, expect, it } from 'vitest';
import { DEMO_MANIFEST } from '../../src/demo/demoManifest';
import { createCluster } from '../../src/engine/index';
import { applySummaryLines } from '../../src/store/applySummary';
import { createPlaygroundStore } from '../../src/store/createStore';
import { viewAt } from '../../src/store/view';
import { memoryStorage } from './fakeCluster';

/** The store over the real engine: what a newcomer gets on a first visit. */
function start() {
  return createPlaygroundStore({ createCluster, demoText: DEMO_MANIFEST, storage: memoryStorage() });
}

describe('the store with the real engine', () => {
  it('starts with 3 Nodes and the demo applied, paused at the newest Step', () => {
    const store = start();
    const s = store.getState();
    expect(s.problems).toEqual([]);
    expect(applySummaryLines(s.lastApplied ?? [])).toEqual(['deployment.apps/web created', 'service/web created']);
    expect(s.cursor).toBe(s.cluster.steps.length - 1);
    expect(s.playing).toBe(false);
    const view = viewAt(s.cluster, s.cursor);
    expect(view.list('Node').map((n) => n.metadata.name)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(view.get('Deployment', 'web', 'default')).toBeDefined();
    expect(view.get('Service', 'web', 'default')).toBeDefined();
  });

  it('reads older Steps as they were: before the apply there was no Deployment', () => {
    const store = start();
    const applyStep = store.getState().cluster.steps.findIndex((st) => st.actor === 'kubectl');
    expect(applyStep).toBeGreaterThan(0);
    store.getState().setCursor(applyStep - 1);
    const s = store.getState();
    expect(s.following).toBe(false);
    expect(viewAt(s.cluster, s.cursor).get('Deployment', 'web', 'default')).toBeUndefined();
  });

  it('a failed apply reports the API message with its line and changes nothing', () => {
    const store = start();
    const steps = store.getState().cluster.steps.length;
    store.getState().setEditorText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n');
    const result = store.getState().applyText();
    expect(result.ok).toBe(false);
    const [problem] = store.getState().problems;
    expect(problem.message).toBe('The Pod "p" is invalid: spec.containers[0].image: Required value');
    expect(problem.line).toBe(7);
    expect(store.getState().cluster.steps).toHaveLength(steps);
    expect(store.getState().cluster.get('Pod', 'p', 'default')).toBeUndefined();
  });

  it('stepping forward walks every Step the engine records, one by one, in order', () => {
    const store = start();
    const { cluster } = store.getState();
    let previous = store.getState().cursor;
    for (let i = 0; i < 200; i++) {
      store.getState().stepForward();
      const { cursor } = store.getState();
      if (cursor === previous) break; // the engine has nothing more to do
      expect(cursor).toBe(previous + 1);
      previous = cursor;
    }
    expect(previous).toBeGreaterThan(0);
    expect(store.getState().cursor).toBeLessThanOrEqual(cluster.steps.length - 1);
  });
});
