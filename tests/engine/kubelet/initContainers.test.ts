import { describe, expect, it } from 'vitest';
import { podReadyColumn, podStatusColumn } from '../../../src/engine/kubelet/columns';
import { apply, cluster, containerStatus, eventObjects, runUntil, status, type Obj } from './kubeletHelpers';
import type { Cluster } from '../../../src/engine';

const withInit = (name: string, setup: string, restartPolicy = 'Always') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  restartPolicy: ${restartPolicy}
  initContainers:
  - name: setup
    image: busybox:1.36
    command: ["sh", "-c", "${setup}"]
  - name: migrate
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3"]
  containers:
  - name: app
    image: nginx:1.25
`;

const column = (c: Cluster, name: string) => podStatusColumn(c.get('Pod', name) as Obj);

describe('kubelet: init containers', () => {
  it('runs init containers one at a time, each to completion, before the app containers', () => {
    const c = cluster();
    apply(c, withInit('web', 'sleep 2'));
    runUntil(c, () => containerStatus(c, 'web', 'setup')?.state?.running !== undefined);
    expect(column(c, 'web')).toBe('Init:0/2');
    expect(status(c, 'web').phase).toBe('Pending');
    const initialized = status(c, 'web').conditions.find((x: Obj) => x.type === 'Initialized');
    expect(initialized).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [setup migrate]' });
    expect(containerStatus(c, 'web', 'migrate').state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(containerStatus(c, 'web', 'app').state).toEqual({ waiting: { reason: 'PodInitializing' } });

    runUntil(c, () => containerStatus(c, 'web', 'migrate')?.state?.running !== undefined);
    expect(column(c, 'web')).toBe('Init:1/2');
    expect(containerStatus(c, 'web', 'setup')).toMatchObject({ ready: true, state: { terminated: { exitCode: 0, reason: 'Completed' } } });

    runUntil(c, () => containerStatus(c, 'web', 'migrate')?.state?.terminated !== undefined);
    expect(column(c, 'web')).toBe('PodInitializing');
    runUntil(c, () => status(c, 'web').phase === 'Running');
    expect(column(c, 'web')).toBe('Running');
    expect(podReadyColumn(c.get('Pod', 'web') as Obj)).toBe('1/1');

    const started = eventObjects(c, 'web').filter((e) => e.reason === 'Started');
    expect(started.map((e) => e.involvedObject.fieldPath)).toEqual([
      'spec.initContainers{setup}', 'spec.initContainers{migrate}', 'spec.containers{app}']);
    const setupEnd = c.steps.find((s) => s.message === 'Container setup completed (exit code 0)')!.time;
    const migrateStart = c.steps.find((s) => s.message === 'Started container migrate')!.time;
    expect(migrateStart).toBe(setupEnd);
  });

  it('fails the pod when an init container fails under restartPolicy Never', () => {
    const c = cluster();
    apply(c, withInit('job', 'exit 3', 'Never'));
    runUntil(c, () => status(c, 'job').phase === 'Failed');
    expect(column(c, 'job')).toBe('Init:Error');
    expect(containerStatus(c, 'job', 'setup').state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(containerStatus(c, 'job', 'migrate').state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(eventObjects(c, 'job').some((e) => e.message === 'Started container migrate')).toBe(false);
    expect(c.runtime('node-1').sandboxes[0].state).toBe('SANDBOX_NOTREADY');
    const conditions = status(c, 'job').conditions.map((x: Obj) => `${x.type}=${x.status}${x.reason ? `/${x.reason}` : ''}`);
    expect(conditions).toEqual(['PodReadyToStartContainers=False', 'Initialized=False/ContainersNotInitialized',
      'Ready=False/PodFailed', 'ContainersReady=False/PodFailed', 'PodScheduled=True']);
  });

  it('retries a failing init container with back-off under restartPolicy Always', () => {
    const c = cluster();
    apply(c, withInit('retry', 'sleep 1; exit 1'));
    runUntil(c, () => containerStatus(c, 'retry', 'setup')?.state?.waiting?.reason === 'CrashLoopBackOff');
    expect(column(c, 'retry')).toBe('Init:CrashLoopBackOff');
    expect(status(c, 'retry').phase).toBe('Pending');
    expect(containerStatus(c, 'retry', 'setup')).toMatchObject({ restartCount: 1, lastState: { terminated: { exitCode: 1 } } });
  });
});
