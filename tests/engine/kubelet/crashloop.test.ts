import { describe, expect, it } from 'vitest';
import { podRestartsColumn, podStatusColumn } from '../../../src/engine/kubelet/columns';
import { apply, cluster, containerStatus, eventObjects, runUntil, status, type Obj } from './kubeletHelpers';
import type { Cluster } from '../../../src/engine';

const crasher = (name: string, script: string, restartPolicy = 'Always') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  restartPolicy: ${restartPolicy}
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "${script}"]
`;

function times(c: Cluster, match: (message: string, events: string[]) => boolean): number[] {
  return c.steps.filter((s) => s.actor === 'kubelet/node-1' && match(s.message, s.events)).map((s) => s.time);
}

const startTimes = (c: Cluster) => times(c, (_m, e) => e.some((x) => x.startsWith('Started:')));
const exitTimes = (c: Cluster) => times(c, (m) => m.startsWith('Container app exited with code'));

describe('kubelet: CrashLoopBackOff', () => {
  it('restarts at once the first time, then after 10s, 20s, 40s, 80s, 160s, 300s, 300s', () => {
    const c = cluster();
    apply(c, crasher('crash', 'sleep 1; exit 1'));
    runUntil(c, () => startTimes(c).length >= 9, 3_600_000);
    const starts = startTimes(c);
    const exits = exitTimes(c);
    const gaps = starts.slice(1, 9).map((s, i) => s - exits[i]);
    expect(gaps).toEqual([0, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    for (let i = 0; i < 8; i++) expect(exits[i] - starts[i]).toBe(1000);
  });

  it('shows CrashLoopBackOff with upstream message, lastState and restart count while backing off', () => {
    const c = cluster();
    apply(c, crasher('crash', 'sleep 1; exit 1'));
    runUntil(c, () => containerStatus(c, 'crash', 'app')?.state?.waiting?.reason === 'CrashLoopBackOff');
    const uid = c.get('Pod', 'crash')!.metadata.uid;
    const cs = containerStatus(c, 'crash', 'app');
    expect(cs.state.waiting.message).toBe(`back-off 10s restarting failed container=app pod=crash_default(${uid})`);
    expect(cs.restartCount).toBe(1);
    expect(cs.ready).toBe(false);
    expect(cs.started).toBe(false);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(status(c, 'crash').phase).toBe('Running');
    const pod = c.get('Pod', 'crash') as Obj;
    expect(podStatusColumn(pod)).toBe('CrashLoopBackOff');
    expect(podRestartsColumn(pod, c.now + 5_000)).toBe('1 (5s ago)');
    const backoff = eventObjects(c, 'crash').filter((e) => e.reason === 'BackOff');
    expect(backoff).toHaveLength(1);
    expect(backoff[0]).toMatchObject({ type: 'Warning',
      message: `Back-off restarting failed container app in pod crash_default(${uid})`,
      involvedObject: { fieldPath: 'spec.containers{app}' } });

    runUntil(c, () => containerStatus(c, 'crash', 'app')?.restartCount === 3 &&
      containerStatus(c, 'crash', 'app')?.state?.waiting?.reason === 'CrashLoopBackOff');
    expect(containerStatus(c, 'crash', 'app').state.waiting.message).toMatch(/^back-off 40s restarting failed container=app/);
    runUntil(c, () => containerStatus(c, 'crash', 'app')?.restartCount === 5 &&
      containerStatus(c, 'crash', 'app')?.state?.waiting?.reason === 'CrashLoopBackOff', 3_600_000);
    expect(containerStatus(c, 'crash', 'app').state.waiting.message).toMatch(/^back-off 2m40s restarting failed container=app/);
  });

  it('forgets the back-off after the container ran 10 minutes', () => {
    const c = cluster();
    apply(c, crasher('slow', 'sleep 660; exit 1'));
    runUntil(c, () => startTimes(c).length >= 4, 4 * 3_600_000);
    const gaps = startTimes(c).slice(1, 4).map((s, i) => s - exitTimes(c)[i]);
    expect(gaps).toEqual([0, 0, 0]);
  });

  it('keeps only the previous run as lastState (container GC keeps one dead container)', () => {
    const c = cluster();
    apply(c, crasher('crash', 'sleep 1; exit 1'));
    runUntil(c, () => startTimes(c).length >= 4, 600_000);
    const records = c.runtime('node-1').containers.filter((x) => x.pod === 'crash');
    expect(records.map((r) => r.attempt).sort()).toEqual([2, 3]);
    expect(records.find((r) => r.attempt === 2)).toMatchObject({ state: 'CONTAINER_EXITED', exitCode: 1, reason: 'Error' });
  });
});
