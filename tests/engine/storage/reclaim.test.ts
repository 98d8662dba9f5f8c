import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine';
import { phaseOf, runUntil } from '../helpers';
import { applyOk, docs, eventsFor, podWithClaim, pv, pvc, pvcYaml, pvYaml, statusOf } from './storageFixtures';

describe('reclaim policies', () => {
  it('Retain: the volume is Released and not reused until its claimRef is cleared', () => {
    const c = createCluster();
    applyOk(c, docs(pvYaml({ name: 'keep', storage: '1Gi', policy: 'Retain' }), pvcYaml({ name: 'data', className: '' })));
    c.advance(1_000);
    c.delete('PersistentVolumeClaim', 'data');
    c.advance(1_000);
    expect(pvc(c, 'data')).toBeUndefined();
    expect(statusOf(pv(c, 'keep')).phase).toBe('Released');
    expect(pv(c, 'keep')!.spec.claimRef?.name).toBe('data');
    applyOk(c, pvcYaml({ name: 'again', className: '' }));
    c.advance(20_000);
    expect(statusOf(pvc(c, 'again')).phase).toBe('Pending');
  });

  it('Delete (provisioned): the volume goes once its claim is gone', () => {
    const c = createCluster();
    applyOk(c, docs(pvcYaml({ name: 'data' }), podWithClaim('web', 'data')));
    runUntil(c, () => phaseOf(c.get('Pod', 'web')) === 'Running', 30_000);
    const name = pvc(c, 'data')!.spec.volumeName!;
    c.delete('Pod', 'web');
    runUntil(c, () => !c.get('Pod', 'web'), 60_000);
    c.delete('PersistentVolumeClaim', 'data');
    runUntil(c, () => !pv(c, name), 30_000);
    expect(c.steps.some((s) => s.message.startsWith(`PersistentVolume ${name} is Released`))).toBe(true);
    expect(c.steps.some((s) => s.actor === 'rancher.io/local-path' && s.message.includes(`deleted PersistentVolume ${name}`))).toBe(true);
  });

  it('Delete (static hostPath outside /tmp): the volume fails to be deleted', () => {
    const c = createCluster();
    applyOk(c, docs(pvYaml({ name: 'web-pv', storage: '1Gi', policy: 'Delete', source: 'hostPath: {path: /mnt/web-data}' }),
      pvcYaml({ name: 'data', className: '' })));
    c.advance(1_000);
    c.delete('PersistentVolumeClaim', 'data');
    c.advance(1_000);
    expect(statusOf(pv(c, 'web-pv')).phase).toBe('Failed');
    expect((pv(c, 'web-pv')!.status as { message?: string }).message).toBe('host_path deleter only supports /tmp/.+ but received provided /mnt/web-data');
    expect(eventsFor(c, 'PersistentVolume', 'web-pv')).toEqual(['VolumeFailedDelete: host_path deleter only supports /tmp/.+ but received provided /mnt/web-data']);
  });

  it('Delete (static hostPath under /tmp): the volume is deleted; NFS has no deleter', () => {
    const c = createCluster();
    applyOk(c, docs(pvYaml({ name: 'tmp-pv', storage: '1Gi', policy: 'Delete' }),
      pvYaml({ name: 'nfs-pv', storage: '5Gi', policy: 'Delete', className: 'nfs', source: 'nfs: {server: 10.0.0.2, path: /exports}' }),
      pvcYaml({ name: 'a', className: '' }), pvcYaml({ name: 'b', className: 'nfs' })));
    c.advance(1_000);
    c.delete('PersistentVolumeClaim', 'a');
    c.delete('PersistentVolumeClaim', 'b');
    c.advance(2_000);
    expect(pv(c, 'tmp-pv')).toBeUndefined();
    expect(statusOf(pv(c, 'nfs-pv')).phase).toBe('Failed');
    expect(eventsFor(c, 'PersistentVolume', 'nfs-pv')).toEqual(
      ['VolumeFailedDelete: error getting deleter volume plugin for volume "nfs-pv": no deletable volume plugin matched']);
  });

  it('Recycle (deprecated): hostPath is scrubbed and Available again; other volumes fail', () => {
    const c = createCluster();
    applyOk(c, docs(pvYaml({ name: 'r', storage: '1Gi', policy: 'Recycle' }),
      pvYaml({ name: 'csi', storage: '1Gi', policy: 'Recycle', className: 'x', source: 'csi: {driver: ebs.csi.aws.com, volumeHandle: vol-1}' }),
      pvcYaml({ name: 'a', className: '' }), pvcYaml({ name: 'b', className: 'x' })));
    c.advance(1_000);
    c.delete('PersistentVolumeClaim', 'a');
    c.delete('PersistentVolumeClaim', 'b');
    c.advance(1_000);
    expect(statusOf(pv(c, 'r')).phase).toBe('Released');
    expect(statusOf(pv(c, 'csi')).phase).toBe('Failed');
    expect(eventsFor(c, 'PersistentVolume', 'csi')).toEqual(['VolumeFailedRecycle: No recycler plugin found for the volume!']);
    c.advance(10_000);
    expect(statusOf(pv(c, 'r')).phase).toBe('Available');
    expect(pv(c, 'r')!.spec.claimRef).toBeUndefined();
    expect(eventsFor(c, 'PersistentVolume', 'r')).toEqual(['VolumeRecycled: Volume recycled']);
  });
});
