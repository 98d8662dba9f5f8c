import type { ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { podReadyColumn, podRestartsColumn, podStatusColumn } from '../../../src/engine/kubelet/columns';
import { timestamp } from '../../../src/engine/core/time';

type Spec = { init?: string[]; sidecars?: string[]; containers: string[] };
const cs = (name: string, state: ContainerStatus['state'], extra: Partial<ContainerStatus> = {}): ContainerStatus =>
  ({ name, image: 'x', imageID: '', ready: false, restartCount: 0, state, ...extra });
const cond = (type: string, status: string, reason?: string): PodCondition => ({ type, status, ...(reason ? { reason } : {}) });

function pod(spec: Spec, status: Pod['status'], deleting = false): Pod {
  return {
    metadata: { name: 'p', ...(deleting ? { deletionTimestamp: timestamp(60_000) } : {}) },
    spec: {
      containers: spec.containers.map((name) => ({ name })),
      initContainers: [...(spec.sidecars ?? []).map((name) => ({ name, restartPolicy: 'Always' })), ...(spec.init ?? []).map((name) => ({ name }))],
    },
    status,
  };
}
const runningReady = (name: string) => cs(name, { running: {} }, { ready: true, started: true });
const crash = (name: string, restarts: number, finishedAt = 30_000) => cs(name,
  { waiting: { reason: 'CrashLoopBackOff' } },
  { restartCount: restarts, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: timestamp(finishedAt) } } });

describe('kubectl get pods columns (printPod)', () => {
  it.each<[string, Pod, string, string]>([
    ['pending, nothing yet', pod({ containers: ['app'] }, { phase: 'Pending' }), 'Pending', '0/1'],
    ['creating', pod({ containers: ['app'] }, { phase: 'Pending', containerStatuses: [cs('app', { waiting: { reason: 'ContainerCreating' } })] }), 'ContainerCreating', '0/1'],
    ['running and ready', pod({ containers: ['app', 'b'] }, { phase: 'Running', containerStatuses: [runningReady('app'), cs('b', { running: {} })] }), 'Running', '1/2'],
    ['crash loop', pod({ containers: ['app'] }, { phase: 'Running', containerStatuses: [crash('app', 3)] }), 'CrashLoopBackOff', '0/1'],
    ['completed', pod({ containers: ['app'] }, { phase: 'Succeeded', containerStatuses: [cs('app', { terminated: { exitCode: 0, reason: 'Completed' } })] }), 'Completed', '0/1'],
    ['terminated without a reason', pod({ containers: ['app'] }, { phase: 'Failed', containerStatuses: [cs('app', { terminated: { exitCode: 3 } })] }), 'ExitCode:3', '0/1'],
    ['completed beside a running one, pod ready', pod({ containers: ['a', 'b'] }, {
      phase: 'Running', conditions: [cond('Ready', 'True')],
      containerStatuses: [runningReady('a'), cs('b', { terminated: { exitCode: 0, reason: 'Completed' } })],
    }), 'Running', '1/2'],
    ['completed beside a running one, pod not ready', pod({ containers: ['a', 'b'] }, {
      phase: 'Running', conditions: [cond('Ready', 'False')],
      containerStatuses: [runningReady('a'), cs('b', { terminated: { exitCode: 0, reason: 'Completed' } })],
    }), 'NotReady', '1/2'],
    ['first init container running', pod({ init: ['a', 'b'], containers: ['app'] }, {
      phase: 'Pending', initContainerStatuses: [cs('a', { running: {} }), cs('b', { waiting: { reason: 'PodInitializing' } })],
      containerStatuses: [cs('app', { waiting: { reason: 'PodInitializing' } })],
    }), 'Init:0/2', '0/1'],
    ['second init container running', pod({ init: ['a', 'b'], containers: ['app'] }, {
      phase: 'Pending', initContainerStatuses: [cs('a', { terminated: { exitCode: 0, reason: 'Completed' } }), cs('b', { running: {} })],
    }), 'Init:1/2', '0/1'],
    ['init container failed', pod({ init: ['a'], containers: ['app'] }, {
      phase: 'Failed', initContainerStatuses: [cs('a', { terminated: { exitCode: 1, reason: 'Error' } })],
    }), 'Init:Error', '0/1'],
    ['init container crash-looping', pod({ init: ['a'], containers: ['app'] }, { phase: 'Pending', initContainerStatuses: [crash('a', 2)] }), 'Init:CrashLoopBackOff', '0/1'],
    ['init container pulling an image', pod({ init: ['a'], containers: ['app'] }, {
      phase: 'Pending', initContainerStatuses: [cs('a', { waiting: { reason: 'ImagePullBackOff' } })],
    }), 'Init:ImagePullBackOff', '0/1'],
    ['init exit code without a reason', pod({ init: ['a'], containers: ['app'] }, {
      phase: 'Pending', initContainerStatuses: [cs('a', { terminated: { exitCode: 2 } })],
    }), 'Init:ExitCode:2', '0/1'],
    ['sidecar started and ready, app running', pod({ sidecars: ['proxy'], containers: ['app'] }, {
      phase: 'Running', conditions: [cond('Initialized', 'True')],
      initContainerStatuses: [runningReady('proxy')], containerStatuses: [runningReady('app')],
    }), 'Running', '2/2'],
    ['deleting a running pod', pod({ containers: ['app'] }, { phase: 'Running', containerStatuses: [runningReady('app')] }, true), 'Terminating', '1/1'],
    ['deleting a finished pod', pod({ containers: ['app'] }, {
      phase: 'Succeeded', containerStatuses: [cs('app', { terminated: { exitCode: 0, reason: 'Completed' } })],
    }, true), 'Completed', '0/1'],
    ['evicted', pod({ containers: ['app'] }, { phase: 'Failed', reason: 'Evicted' }), 'Evicted', '0/1'],
    ['rejected by the kubelet', pod({ containers: ['app'] }, { phase: 'Failed', reason: 'OutOfcpu' }), 'OutOfcpu', '0/1'],
    ['scheduling gated', pod({ containers: ['app'] }, { phase: 'Pending', conditions: [cond('PodScheduled', 'False', 'SchedulingGated')] }), 'SchedulingGated', '0/1'],
  ])('%s', (_name, p, status, ready) => {
    expect(podStatusColumn(p)).toBe(status);
    expect(podReadyColumn(p)).toBe(ready);
  });

  it('prints restarts with the time since the last one', () => {
    const p = pod({ containers: ['app', 'b'] }, { phase: 'Running', containerStatuses: [crash('app', 3, 30_000), crash('b', 1, 20_000)] });
    expect(podRestartsColumn(p, 55_000)).toBe('4 (25s ago)');
    expect(podRestartsColumn(p, 30_000 + 185_000)).toBe('4 (3m5s ago)');
    expect(podRestartsColumn(pod({ containers: ['app'] }, { phase: 'Running', containerStatuses: [runningReady('app')] }), 1)).toBe('0');
  });

  it('counts only sidecar restarts from init containers once the pod is initialized', () => {
    const p = pod({ init: ['setup'], sidecars: ['proxy'], containers: ['app'] }, {
      phase: 'Running', conditions: [cond('Initialized', 'True')],
      initContainerStatuses: [cs('proxy', { running: {} }, { restartCount: 2, started: true, ready: true }),
        cs('setup', { terminated: { exitCode: 0, reason: 'Completed' } }, { restartCount: 5 })],
      containerStatuses: [cs('app', { running: {} }, { restartCount: 1, ready: true })],
    });
    expect(podRestartsColumn(p, 0)).toBe('3');
    expect(podReadyColumn(p)).toBe('2/2');
  });
});
