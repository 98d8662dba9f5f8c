import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { podPhase } from '../../../src/engine/kubelet/phase';

const running = (name: string, started = true): ContainerStatus =>
  ({ name, image: 'x', imageID: '', ready: false, restartCount: 0, started, state: { running: {} } });
const waiting = (name: string, lastExit?: number): ContainerStatus => ({
  name, image: 'x', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } },
  ...(lastExit !== undefined ? { lastState: { terminated: { exitCode: lastExit } } } : {}),
});
const exited = (name: string, exitCode: number): ContainerStatus =>
  ({ name, image: 'x', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode } } });

function pod(restartPolicy: string, containers: string[], init: string[] = [], sidecars: string[] = []): Pod {
  return {
    spec: {
      restartPolicy,
      containers: containers.map((name) => ({ name })),
      initContainers: [...sidecars.map((name) => ({ name, restartPolicy: 'Always' })), ...init.map((name) => ({ name }))],
    },
  };
}

describe('podPhase (kubelet getPhase)', () => {
  it.each<[string, Pod, ContainerStatus[], boolean, string]>([
    ['container waiting to be created', pod('Always', ['app']), [waiting('app')], false, 'Pending'],
    ['container running', pod('Always', ['app']), [running('app')], false, 'Running'],
    ['one running, one waiting', pod('Always', ['a', 'b']), [running('a'), waiting('b')], false, 'Pending'],
    ['init container still running', pod('Always', ['app'], ['init']), [running('init'), waiting('app')], false, 'Pending'],
    ['init container failed under Never', pod('Never', ['app'], ['init']), [exited('init', 1), waiting('app')], false, 'Failed'],
    ['init container failed, will be retried', pod('Always', ['app'], ['init']), [waiting('init', 1), waiting('app')], false, 'Pending'],
    ['all exited 0 under Never', pod('Never', ['a', 'b']), [exited('a', 0), exited('b', 0)], false, 'Succeeded'],
    ['one failed under Never', pod('Never', ['a', 'b']), [exited('a', 0), exited('b', 2)], false, 'Failed'],
    ['exited 0 under OnFailure', pod('OnFailure', ['a']), [exited('a', 0)], false, 'Succeeded'],
    ['failed under OnFailure (restarting)', pod('OnFailure', ['a']), [exited('a', 1)], false, 'Running'],
    ['everything stopped under Always (restarting)', pod('Always', ['a']), [exited('a', 0)], false, 'Running'],
    ['crash-looping under Always', pod('Always', ['a']), [waiting('a', 1)], false, 'Running'],
    ['stopped for good (deleted), all exit 0', pod('Always', ['a']), [exited('a', 0)], true, 'Succeeded'],
    ['stopped for good (deleted), SIGKILLed', pod('Always', ['a']), [exited('a', 137)], true, 'Failed'],
    ['sidecar running but not started', pod('Always', ['app'], [], ['proxy']), [running('proxy', false), waiting('app')], false, 'Pending'],
    ['sidecar and app running', pod('Always', ['app'], [], ['proxy']), [running('proxy'), running('app')], false, 'Running'],
    ['job done, sidecar stopped', pod('Never', ['app'], [], ['proxy']), [exited('proxy', 137), exited('app', 0)], false, 'Succeeded'],
    ['job done, sidecar still running', pod('Never', ['app'], [], ['proxy']), [running('proxy'), exited('app', 0)], false, 'Running'],
    ['no status yet', pod('Always', ['app']), [], false, 'Pending'],
  ])('%s', (_name, p, statuses, terminal, expected) => expect(podPhase(p, statuses, terminal)).toBe(expected));
});
