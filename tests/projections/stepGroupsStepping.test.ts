/** Stepping through the store with the real engine: by unit, through matching Steps, along one object. */
import { describe, expect, it } from 'vitest';
import { DEMO_MANIFEST } from '../../src/demo/demoManifest';
import { createCluster } from '../../src/engine/index';
import { partsText } from '../../src/i18n/textParts';
import { createPlaygroundStore } from '../../src/store/createStore';
import type { TimelineNotice } from '../../src/store/timelineSlice';
import { timelineNoticeParts } from '../../src/ui/timeline/filters/filterText';

const memory = () => {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
};

/** The notice as the status line reads it in English. */
const noticeText = (notice: TimelineNotice | null) => (notice ? partsText(timelineNoticeParts(notice)) : null);

function start() {
  const store = createPlaygroundStore({ createCluster, demoText: DEMO_MANIFEST, storage: memory() });
  store.getState().setCursor(0);
  return store;
}

describe('stepping by the chosen unit', () => {
  it('per virtual second: each press lands on the last Step of the next second, asking the engine for it', () => {
    const store = start();
    store.getState().setStepGrouping('second');
    const s = () => store.getState();
    s().stepForward();
    const steps = s().cluster.steps;
    const end = s().cursor;
    expect(Math.floor(steps[end].time / 1000)).toBe(0);
    // the whole first second was played: the next Step (if any yet) is in a later second
    const next = s().cluster.nextActionTime();
    expect(end === steps.length - 1 ? (next ?? Infinity) >= 1000 : steps[end + 1].time >= 1000).toBe(true);
    s().stepForward();
    const second = s().cursor;
    expect(Math.floor(steps[second].time / 1000)).toBeGreaterThan(0);
    s().stepBack();
    expect(s().cursor).toBe(end);
  });

  it('per reconcile: a run of Steps by one actor at one moment is one press', () => {
    const store = start();
    const s = () => store.getState();
    while (s().cluster.steps.length < 40 && s().cluster.step()) { /* let the demo run a little */ }
    s().setStepGrouping('reconcile');
    const steps = s().cluster.steps;
    // find a reconcile of several Steps that is already recorded
    const i = steps.findIndex((st, k) => k > 0 && steps[k + 1] && st.actor === steps[k + 1].actor && st.time === steps[k + 1].time &&
      (steps[k - 1].actor !== st.actor || steps[k - 1].time !== st.time));
    expect(i).toBeGreaterThan(0);
    s().setCursor(i - 1);
    s().stepForward();
    let end = i;
    while (steps[end + 1] && steps[end + 1].actor === steps[i].actor && steps[end + 1].time === steps[i].time) end++;
    expect(s().cursor).toBe(end);
  });

  it('with a filter and "matching Steps only", Step forward goes to the next scheduler Step', () => {
    const store = start();
    const s = () => store.getState();
    s().setStepFilter({ actor: 'kind:scheduler' });
    expect(s().stepMatchingOnly).toBe(true);
    s().stepForward();
    const first = s().cursor;
    expect(s().cluster.steps[first].actor).toBe('kube-scheduler');
    s().stepForward();
    const second = s().cursor;
    expect(second).toBeGreaterThan(first);
    expect(s().cluster.steps[second].actor).toBe('kube-scheduler');
    s().stepBack();
    expect(s().cursor).toBe(first);
    // the option off: stepping moves through every Step again
    s().setStepMatchingOnly(false);
    s().stepForward();
    expect(s().cursor).toBe(first + 1);
  });

  it('a filter nothing matches leaves the cursor and says why', () => {
    const store = start();
    const s = () => store.getState();
    s().setStepFilter({ actor: 'actor:nobody' });
    s().stepForward();
    expect(s().cursor).toBe(0);
    expect(s().timelineNotice).toEqual({ code: 'noMatch', direction: 'later' });
    expect(noticeText(s().timelineNotice)).toBe('No later Step matches the filter.');
    s().stepBack();
    expect(s().cursor).toBe(0);
    expect(noticeText(s().timelineNotice)).toBe('No earlier Step matches the filter.');
    s().clearStepFilter();
    expect(s().timelineNotice).toBeNull();
  });

  it('Next / Previous Step of this object follow one Pod, Event-only Steps included', () => {
    const store = start();
    const s = () => store.getState();
    while (s().cluster.list('Pod').length === 0 && s().cluster.step()) { /* until a Pod exists */ }
    const pod = s().cluster.list('Pod')[0];
    const ref = { kind: 'Pod', name: pod.metadata.name, namespace: 'default' };
    s().setCursor(0);
    const visited: number[] = [];
    for (let k = 0; k < 30 && s().stepToObject(1, ref); k++) visited.push(s().cursor);
    expect(visited.length).toBeGreaterThan(5);
    expect([...visited].sort((a, b) => a - b)).toEqual(visited);
    const actors = visited.map((i) => s().cluster.steps[i].actor);
    expect(actors).toContain('replicaset-controller');
    expect(actors).toContain('kube-scheduler');
    expect(actors.some((a) => a.startsWith('kubelet/'))).toBe(true);
    // a Step that wrote nothing but emitted the Pod's Pulling Event is one of them
    expect(visited.some((i) => s().cluster.steps[i].changes.length === 0 && s().cluster.steps[i].events.some((e) => e.startsWith('Pulling:')))).toBe(true);
    // the search past the Pod's last Step ran the engine on, yet the cursor stayed and says why
    const last = s().cursor;
    expect(last).toBe(visited[visited.length - 1]);
    expect(s().timelineNotice).toEqual({ code: 'untouched', direction: 'later', object: `pod/${pod.metadata.name}` });
    expect(noticeText(s().timelineNotice)).toBe(`No later Step touches pod/${pod.metadata.name}.`);
    expect(s().stepToObject(-1, ref)).toBe(true);
    expect(s().cursor).toBe(visited[visited.length - 2]);
    expect(s().cursor).toBeLessThan(last);
  });
});
