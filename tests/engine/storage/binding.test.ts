import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine';
import { runUntil, syncErrors } from '../helpers';
import { applyOk, docs, eventsFor, pv, pvc, pvcYaml, pvYaml, statusOf } from './storageFixtures';

describe('persistentvolume-controller binding', () => {
  it('binds the smallest fitting volume and shows its full capacity', () => {
    const c = createCluster();
    applyOk(c, docs(pvYaml({ name: 'pv-10', storage: '10Gi' }), pvYaml({ name: 'pv-2', storage: '2Gi' }),
      pvYaml({ name: 'pv-1', storage: '512Mi' }), pvcYaml({ name: 'data', storage: '1Gi', className: '' })));
    runUntil(c, () => statusOf(pvc(c, 'data')).phase === 'Bound', 20_000);
    const claim = pvc(c, 'data')!;
    expect(claim.spec.volumeName).toBe('pv-2');
    expect(statusOf(claim).capacity).toEqual({ storage: '2Gi' });
    expect(statusOf(claim).accessModes).toEqual(['ReadWriteOnce']);
    expect(claim.metadata.annotations).toMatchObject({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    const volume = pv(c, 'pv-2')!;
    expect(statusOf(volume).phase).toBe('Bound');
    expect(volume.spec.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', name: 'data', namespace: 'default', uid: claim.metadata.uid });
    expect(volume.metadata.annotations?.['pv.kubernetes.io/bound-by-controller']).toBe('yes');
    expect(statusOf(pv(c, 'pv-10')).phase).toBe('Available');
    expect(syncErrors(c)).toEqual([]);
  });

  it('binds by class, selector and access modes', () => {
    const c = createCluster();
    applyOk(c, docs(
      pvYaml({ name: 'slow', storage: '1Gi', className: 'slow' }),
      pvYaml({ name: 'fast', storage: '5Gi', className: 'fast', labels: { tier: 'gold' } }),
      pvYaml({ name: 'fast-plain', storage: '1Gi', className: 'fast' }),
      pvYaml({ name: 'shared', storage: '3Gi', modes: ['ReadWriteMany'] }),
      pvcYaml({ name: 'gold', className: 'fast', selector: { tier: 'gold' } }),
      pvcYaml({ name: 'many', className: '', modes: ['ReadWriteMany'] }),
    ));
    c.advance(1_000);
    expect(pvc(c, 'gold')!.spec.volumeName).toBe('fast');
    expect(pvc(c, 'many')!.spec.volumeName).toBe('shared');
    expect(statusOf(pv(c, 'fast-plain')).phase).toBe('Available');
  });

  it('a claim with no class and no match stays Pending with FailedBinding', () => {
    const c = createCluster();
    applyOk(c, docs(pvYaml({ name: 'small', storage: '1Gi' }), pvcYaml({ name: 'data', storage: '5Gi', className: '' })));
    c.advance(5_000);
    expect(statusOf(pvc(c, 'data')).phase).toBe('Pending');
    expect(eventsFor(c, 'PersistentVolumeClaim', 'data')).toContain(
      'FailedBinding: no persistent volumes available for this claim and no storage class is set');
  });

  it('a volume created after the claim is bound at the next 15s resync', () => {
    const c = createCluster();
    applyOk(c, pvcYaml({ name: 'data', className: '' }));
    c.advance(3_000);
    applyOk(c, pvYaml({ name: 'late', storage: '1Gi' }));
    c.advance(2_000);
    expect(statusOf(pvc(c, 'data')).phase).toBe('Pending');
    expect(statusOf(pv(c, 'late')).phase).toBe('Available');
    runUntil(c, () => statusOf(pvc(c, 'data')).phase === 'Bound', 20_000);
    expect(c.now).toBe(15_000);
  });

  it('a claim naming its volume binds it, or reports VolumeMismatch', () => {
    const c = createCluster();
    applyOk(c, docs(pvYaml({ name: 'chosen', storage: '10Gi' }), pvYaml({ name: 'better', storage: '1Gi' }),
      pvYaml({ name: 'tiny', storage: '100Mi' }),
      pvcYaml({ name: 'data', className: '', volumeName: 'chosen' }),
      pvcYaml({ name: 'misfit', className: '', volumeName: 'tiny' })));
    c.advance(1_000);
    expect(pvc(c, 'data')!.spec.volumeName).toBe('chosen');
    expect(statusOf(pvc(c, 'data')).phase).toBe('Bound');
    // the user bound it: no bound-by-controller annotation on the claim
    expect(pvc(c, 'data')!.metadata.annotations?.['pv.kubernetes.io/bound-by-controller']).toBeUndefined();
    expect(statusOf(pvc(c, 'misfit')).phase).toBe('Pending');
    expect(eventsFor(c, 'PersistentVolumeClaim', 'misfit')).toContain('VolumeMismatch: requested PV is too small');
  });

  it('a volume pre-bound with claimRef waits for that claim only', () => {
    const c = createCluster();
    applyOk(c, docs(pvYaml({ name: 'reserved', storage: '1Gi', claimRef: { name: 'owner' } }), pvcYaml({ name: 'intruder', className: '' })));
    c.advance(1_000);
    expect(statusOf(pvc(c, 'intruder')).phase).toBe('Pending');
    expect(statusOf(pv(c, 'reserved')).phase).toBe('Available');
    applyOk(c, pvcYaml({ name: 'owner', className: '' }));
    c.advance(1_000);
    expect(pvc(c, 'owner')!.spec.volumeName).toBe('reserved');
    expect(pv(c, 'reserved')!.metadata.annotations?.['pv.kubernetes.io/bound-by-controller']).toBeUndefined();
  });

  it('a bound claim whose volume disappears is Lost', () => {
    const c = createCluster();
    applyOk(c, docs(pvYaml({ name: 'vol', storage: '1Gi' }), pvcYaml({ name: 'data', className: '' })));
    c.advance(1_000);
    c.delete('PersistentVolume', 'vol');
    c.advance(1_000);
    // pv-protection keeps a Bound volume while its claim exists
    expect(pv(c, 'vol')?.metadata.deletionTimestamp).toBeDefined();
    expect(statusOf(pvc(c, 'data')).phase).toBe('Bound');
    // an administrator strips the finalizer: the volume goes, the claim has lost it
    applyOk(c, pvYaml({ name: 'vol', storage: '1Gi' }).replace('name: vol', 'name: vol\n  finalizers: []'));
    expect(pv(c, 'vol')).toBeUndefined();
    c.advance(1_000);
    expect(statusOf(pvc(c, 'data'))).toEqual({ phase: 'Lost' });
    expect(eventsFor(c, 'PersistentVolumeClaim', 'data')).toContain(
      'ClaimLost: Bound claim has lost its PersistentVolume. Data on the volume is lost!');
  });
});
