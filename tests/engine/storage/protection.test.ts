import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine';
import { phaseOf, runUntil } from '../helpers';
import { applyOk, docs, podWithClaim, pv, pvc, pvcYaml, pvYaml, statusOf } from './storageFixtures';

describe('storage object in-use protection', () => {
  it('a claim in use by a Pod stays Terminating until the Pod is gone', () => {
    const c = createCluster();
    applyOk(c, docs(pvcYaml({ name: 'data' }), podWithClaim('web', 'data')));
    runUntil(c, () => phaseOf(c.get('Pod', 'web')) === 'Running', 30_000);
    expect(c.delete('PersistentVolumeClaim', 'data').ok).toBe(true);
    c.advance(30_000);
    const claim = pvc(c, 'data')!;
    expect(claim.metadata.deletionTimestamp).toBeDefined();
    expect(claim.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(statusOf(claim).phase).toBe('Bound');
    expect(phaseOf(c.get('Pod', 'web'))).toBe('Running');
    c.delete('Pod', 'web');
    runUntil(c, () => !pvc(c, 'data'), 60_000);
    expect(c.get('Pod', 'web')).toBeUndefined();
    expect(c.steps.some((s) => s.actor === 'pvc-protection-controller' && s.message.includes('no Pod uses it'))).toBe(true);
  });

  it('a Pod that is not scheduled does not hold its claim', () => {
    const c = createCluster();
    applyOk(c, docs(pvcYaml({ name: 'data', className: 'missing' }), podWithClaim('web', 'data')));
    c.advance(1_000);
    c.delete('PersistentVolumeClaim', 'data');
    c.advance(1_000);
    expect(pvc(c, 'data')).toBeUndefined();
  });

  it('a new Pod cannot use a claim that is being deleted', () => {
    const c = createCluster();
    applyOk(c, docs(pvcYaml({ name: 'data' }), podWithClaim('web', 'data')));
    runUntil(c, () => phaseOf(c.get('Pod', 'web')) === 'Running', 30_000);
    c.delete('PersistentVolumeClaim', 'data');
    applyOk(c, podWithClaim('late', 'data'));
    c.advance(3_000);
    expect((c.get('Pod', 'late')!.status as { conditions?: { message?: string }[] }).conditions?.[0]?.message)
      .toContain('persistentvolumeclaim "data" is being deleted');
  });

  it('a Bound volume stays Terminating until it is released', () => {
    const c = createCluster();
    applyOk(c, docs(pvYaml({ name: 'vol', storage: '1Gi' }), pvcYaml({ name: 'data', className: '' })));
    c.advance(1_000);
    expect(pv(c, 'vol')!.metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
    c.delete('PersistentVolume', 'vol');
    c.advance(10_000);
    expect(pv(c, 'vol')!.metadata.deletionTimestamp).toBeDefined();
    c.delete('PersistentVolumeClaim', 'data');
    runUntil(c, () => !pv(c, 'vol'), 10_000);
  });
});
