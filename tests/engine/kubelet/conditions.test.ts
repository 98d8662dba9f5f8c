import type { ContainerStatus, PodSpec } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { podConditions } from '../../../src/engine/kubelet/conditions';

const st = (name: string, ready: boolean, started = ready, extra: Partial<ContainerStatus> = {}): ContainerStatus =>
  ({ name, image: 'x', imageID: '', ready, started, restartCount: 0, state: { running: {} }, ...extra });
const spec = (containers: string[], init: string[] = [], sidecars: string[] = [], gates: string[] = []): PodSpec => ({
  containers: containers.map((name) => ({ name })),
  initContainers: [...sidecars.map((name) => ({ name, restartPolicy: 'Always' })), ...init.map((name) => ({ name }))],
  readinessGates: gates.map((conditionType) => ({ conditionType })),
});
const brief = (c: { type: string; status: string; reason?: string; message?: string }) =>
  [c.type, c.status, c.reason ?? '', c.message ?? ''].join('|');

describe('pod conditions (status/generate.go)', () => {
  it('lists the kubelet conditions in upstream order with their reasons', () => {
    const conditions = podConditions({
      spec: spec(['app', 'web'], ['setup']), old: [], phase: 'Pending', sandboxReady: false, now: 't1',
      statuses: [st('setup', false, false), ...['app', 'web'].map((n) => st(n, false, false, { state: { waiting: { reason: 'PodInitializing' } } }))],
    });
    expect(conditions.map(brief)).toEqual([
      'PodReadyToStartContainers|False||',
      'Initialized|False|ContainersNotInitialized|containers with incomplete status: [setup]',
      'Ready|False|ContainersNotReady|containers with unready status: [app web]',
      'ContainersReady|False|ContainersNotReady|containers with unready status: [app web]',
      'PodScheduled|True||',
    ]);
  });

  it('is all True for a running, ready pod and keeps transition times of unchanged conditions', () => {
    const old = [{ type: 'PodScheduled', status: 'True', lastTransitionTime: 't0' }, { type: 'Ready', status: 'False', lastTransitionTime: 't0' }];
    const conditions = podConditions({
      spec: spec(['app']), old, phase: 'Running', sandboxReady: true, now: 't2', statuses: [st('app', true)],
    });
    expect(conditions.map(brief)).toEqual(['PodReadyToStartContainers|True||', 'Initialized|True||', 'Ready|True||',
      'ContainersReady|True||', 'PodScheduled|True||']);
    expect(conditions.find((c) => c.type === 'PodScheduled')?.lastTransitionTime).toBe('t0');
    expect(conditions.find((c) => c.type === 'Ready')?.lastTransitionTime).toBe('t2');
  });

  it('counts sidecars for readiness and started-ness for initialization', () => {
    const conditions = podConditions({
      spec: spec(['app'], [], ['proxy']), old: [], phase: 'Pending', sandboxReady: true, now: 't',
      statuses: [st('proxy', false, false), { ...st('app', false), state: { waiting: { reason: 'PodInitializing' } } }],
    });
    expect(conditions.map(brief).slice(1, 3)).toEqual([
      'Initialized|False|ContainersNotInitialized|containers with incomplete status: [proxy]',
      'Ready|False|ContainersNotReady|containers with unready status: [proxy app]',
    ]);
  });

  it('marks terminal pods PodCompleted / PodFailed', () => {
    const done = (phase: 'Succeeded' | 'Failed') => podConditions({
      spec: spec(['app']), old: [], phase, sandboxReady: false, now: 't',
      statuses: [{ ...st('app', false), state: { terminated: { exitCode: phase === 'Failed' ? 1 : 0 } } }],
    }).map(brief);
    expect(done('Succeeded')).toEqual(['PodReadyToStartContainers|False||', 'Initialized|True|PodCompleted|',
      'Ready|False|PodCompleted|', 'ContainersReady|False|PodCompleted|', 'PodScheduled|True||']);
    expect(done('Failed').slice(1, 4)).toEqual(['Initialized|True||', 'Ready|False|PodFailed|', 'ContainersReady|False|PodFailed|']);
  });

  it('holds Ready on readiness gates and keeps conditions it does not own first', () => {
    const old = [{ type: 'example.com/lb', status: 'False', lastTransitionTime: 't0' }];
    const conditions = podConditions({
      spec: spec(['app'], [], [], ['example.com/lb', 'example.com/missing']), old, phase: 'Running', sandboxReady: true,
      now: 't', statuses: [st('app', true)],
    });
    expect(conditions[0].type).toBe('example.com/lb');
    expect(brief(conditions.find((c) => c.type === 'Ready')!)).toBe('Ready|False|ReadinessGatesNotReady|' +
      'the status of pod readiness gate "example.com/lb" is not "True", but False, ' +
      'corresponding condition of pod readiness gate "example.com/missing" does not exist.');
    expect(brief(conditions.find((c) => c.type === 'ContainersReady')!)).toBe('ContainersReady|True||');
  });
});
