import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine';
import { phaseOf, runUntil } from '../helpers';
import { applyOk, docs, eventsFor, podWithClaim, pvcYaml, pvYaml } from './storageFixtures';

const ebs = 'csi: {driver: ebs.csi.aws.com, volumeHandle: vol-0123456789}';
const waiting = (c: ReturnType<typeof createCluster>, pod: string) =>
  ((c.get('Pod', pod)!.status as { containerStatuses?: { state: { waiting?: { reason: string } } }[] }).containerStatuses ?? [])[0]?.state.waiting?.reason;

describe('attaching ReadWriteOnce volumes', () => {
  it('a Pod on another node waits with Multi-Attach until the first Pod is gone', () => {
    const c = createCluster();
    applyOk(c, docs(pvYaml({ name: 'pvc-0f3a', storage: '5Gi', source: ebs }), pvcYaml({ name: 'data', className: '' }),
      podWithClaim('web-0', 'data', { nodeName: 'node-1' })));
    runUntil(c, () => phaseOf(c.get('Pod', 'web-0')) === 'Running', 30_000);
    expect(eventsFor(c, 'Pod', 'web-0')).toContain('SuccessfulAttachVolume: AttachVolume.Attach succeeded for volume "pvc-0f3a" ');
    expect(c.list('VolumeAttachment').map((v) => (v.spec as { nodeName: string }).nodeName)).toEqual(['node-1']);

    applyOk(c, podWithClaim('web-1', 'data', { nodeName: 'node-2' }));
    c.advance(150_000);
    expect(phaseOf(c.get('Pod', 'web-1'))).toBe('Pending');
    expect(waiting(c, 'web-1')).toBe('ContainerCreating');
    expect(eventsFor(c, 'Pod', 'web-1')).toEqual(['FailedAttachVolume: Multi-Attach error for volume "pvc-0f3a" Volume is already used by pod(s) web-0']);

    c.delete('Pod', 'web-0');
    runUntil(c, () => phaseOf(c.get('Pod', 'web-1')) === 'Running', 90_000);
    expect(c.list('VolumeAttachment').map((v) => (v.spec as { nodeName: string }).nodeName)).toEqual(['node-2']);
  });

  it('Pods on the same node share an attached ReadWriteOnce volume; ReadWriteMany attaches anywhere', () => {
    const c = createCluster();
    applyOk(c, docs(pvYaml({ name: 'rwo', storage: '5Gi', source: ebs }), pvcYaml({ name: 'data', className: '' }),
      pvYaml({ name: 'rwx', storage: '5Gi', className: 'x', modes: ['ReadWriteMany'], source: 'csi: {driver: efs.csi.aws.com, volumeHandle: fs-1}' }),
      pvcYaml({ name: 'shared', className: 'x', modes: ['ReadWriteMany'] }),
      podWithClaim('a', 'data', { nodeName: 'node-1' }), podWithClaim('b', 'data', { nodeName: 'node-1' }),
      podWithClaim('c', 'shared', { nodeName: 'node-1' }), podWithClaim('d', 'shared', { nodeName: 'node-2' })));
    runUntil(c, () => ['a', 'b', 'c', 'd'].every((p) => phaseOf(c.get('Pod', p)) === 'Running'), 60_000);
    expect(c.events().some((e) => (e as { reason?: string }).reason === 'FailedAttachVolume')).toBe(false);
  });

  it('volumes that need no attach (hostPath, local-path) get no VolumeAttachment', () => {
    const c = createCluster();
    applyOk(c, docs(pvcYaml({ name: 'data' }), podWithClaim('web', 'data')));
    runUntil(c, () => phaseOf(c.get('Pod', 'web')) === 'Running', 30_000);
    expect(c.list('VolumeAttachment')).toEqual([]);
  });
});
