import { describe, expect, it } from 'vitest';
import type { RuntimeContainer } from '../../../src/engine/api';
import type { Program } from '../../../src/engine/kubelet/program';
import type { KillPlan } from '../../../src/engine/kubelet/podMemo';
import { exitOf } from '../../../src/engine/kubelet/termination';

const program = (p: Partial<Program>): Program =>
  ({ exitCode: 0, output: [], listens: [], files: [], handlesSigterm: false, sigtermExitCode: 143, stopDelayMs: 0, ...p });
const record = (limits: RuntimeContainer['limits'] = {}): RuntimeContainer => ({
  id: 'c', sandboxId: 's', pod: 'p', namespace: 'default', name: 'app', image: 'i', type: 'regular',
  state: 'CONTAINER_RUNNING', attempt: 0, createdAt: 1_000, startedAt: 1_000, limits,
});
const kill: KillPlan = { reason: 'delete', startedAt: 5_000, sigtermAt: 5_000, sigkillAt: 35_000 };

describe('exitOf: when and how a running container ends', () => {
  it.each<[string, Program, KillPlan | undefined, ReturnType<typeof exitOf>]>([
    ['runs forever', program({}), undefined, undefined],
    ['exits on its own', program({ exitAfterMs: 2_000, exitCode: 3 }), undefined, { at: 3_000, exitCode: 3, cause: 'exited' }],
    ['ignores SIGTERM: SIGKILL at the end of the grace period', program({}), kill, { at: 35_000, exitCode: 137, cause: 'sigkill' }],
    ['handles SIGTERM: stops after its stop delay', program({ handlesSigterm: true, sigtermExitCode: 0, stopDelayMs: 100 }), kill,
      { at: 5_100, exitCode: 0, cause: 'sigterm' }],
    ['handles SIGTERM too slowly: SIGKILL', program({ handlesSigterm: true, stopDelayMs: 60_000 }), kill, { at: 35_000, exitCode: 137, cause: 'sigkill' }],
    ['exits on its own before the kill lands', program({ exitAfterMs: 10_000, exitCode: 0 }), kill, { at: 11_000, exitCode: 0, cause: 'exited' }],
  ])('%s', (_name, p, plan, expected) => expect(exitOf(p, record(), plan)).toEqual(expected));

  it('OOM-kills a process allocating past its memory limit', () => {
    expect(exitOf(program({ memoryBytes: 300 * 2 ** 20 }), record({ memory: '100Mi' }), undefined))
      .toEqual({ at: 2_000, exitCode: 137, cause: 'oom' });
    expect(exitOf(program({ memoryBytes: 50 * 2 ** 20 }), record({ memory: '100Mi' }), undefined)).toBeUndefined();
  });
});
