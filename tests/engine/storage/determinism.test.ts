import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine';
import { docs, podWithClaim, pvcYaml, pvYaml } from './storageFixtures';

const scenario = docs(pvYaml({ name: 'static', storage: '2Gi' }), pvcYaml({ name: 'fixed', className: '' }),
  pvcYaml({ name: 'data' }), podWithClaim('web', 'data'));

describe('storage and the timeline', () => {
  it('same seed, same Steps', () => {
    const run = () => {
      const c = createCluster({ seed: 3 });
      c.apply(scenario);
      c.advance(40_000);
      c.delete('Pod', 'web');
      c.delete('PersistentVolumeClaim', 'data');
      c.advance(60_000);
      return c.steps.map((s) => [s.time, s.actor, s.message, s.events]);
    };
    expect(run()).toEqual(run());
  });

  const STORAGE_ACTORS = ['persistentvolume-controller', 'pvc-protection-controller', 'pv-protection-controller',
    'rancher.io/local-path', 'attachdetach-controller', 'ephemeral-volume-controller'];

  it('storage falls quiet once claims are bound and Pods run', () => {
    const c = createCluster();
    c.apply(scenario);
    c.advance(60_000);
    const later = c.advance(10 * 60_000);
    expect(later.filter((s) => STORAGE_ACTORS.includes(s.actor) || s.actor.startsWith('kubelet/'))).toEqual([]);
    expect(c.list('PersistentVolume')).toHaveLength(2);
  });

  it('a Pending WaitForFirstConsumer claim alone leaves nothing to do', () => {
    const c = createCluster();
    c.apply(pvcYaml({ name: 'data' }));
    const first = c.advance(1_000);
    expect(first.filter((s) => STORAGE_ACTORS.includes(s.actor)).map((s) => s.events)).toEqual([
      ['WaitForFirstConsumer: waiting for first consumer to be created before binding'],
    ]);
    expect(c.advance(10 * 60_000).filter((s) => STORAGE_ACTORS.includes(s.actor))).toEqual([]);
  });
});
