import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine';
import { phaseOf, runUntil, syncErrors } from '../helpers';
import { applyOk, docs, eventSources, eventsFor, podWithClaim, pv, pvc, pvcYaml, statusOf } from './storageFixtures';

const EXTERNAL_PROVISIONING = 'ExternalProvisioning: Waiting for a volume to be created either by the external provisioner ' +
  "'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the " +
  'provisioner is running and correctly registered.';

const immediateClass = (name: string) => `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: ${name}
provisioner: rancher.io/local-path
volumeBindingMode: Immediate
`;

describe('the default StorageClass and WaitForFirstConsumer provisioning', () => {
  it('ships kind\'s default class', () => {
    const c = createCluster();
    const sc = c.get('StorageClass', 'standard') as Record<string, unknown> & { metadata: { annotations: Record<string, string> } };
    expect(sc.metadata.annotations['storageclass.kubernetes.io/is-default-class']).toBe('true');
    expect(sc).toMatchObject({ provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer' });
  });

  it('a claim without a class gets the default class and its protection finalizer on create', () => {
    const c = createCluster();
    applyOk(c, docs(pvcYaml({ name: 'data' }), pvcYaml({ name: 'none', className: '' })));
    expect(pvc(c, 'data')!.spec.storageClassName).toBe('standard');
    expect(pvc(c, 'data')!.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(pvc(c, 'none')!.spec.storageClassName).toBe('');
  });

  it('the claim stays Pending until a Pod using it is scheduled, then is provisioned on that Pod\'s node', () => {
    const c = createCluster();
    applyOk(c, pvcYaml({ name: 'data' }));
    c.advance(60_000);
    expect(statusOf(pvc(c, 'data')).phase).toBe('Pending');
    expect(c.list('PersistentVolume')).toEqual([]);
    expect(eventsFor(c, 'PersistentVolumeClaim', 'data')).toEqual(['WaitForFirstConsumer: waiting for first consumer to be created before binding']);

    applyOk(c, podWithClaim('web', 'data'));
    runUntil(c, () => phaseOf(c.get('Pod', 'web')) === 'Running', 60_000);
    const claim = pvc(c, 'data')!;
    const node = (c.get('Pod', 'web')!.spec as { nodeName: string }).nodeName;
    expect(claim.metadata.annotations).toMatchObject({
      'volume.kubernetes.io/selected-node': node,
      'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
      'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
    });
    const volume = pv(c, `pvc-${claim.metadata.uid}`)!;
    expect(claim.spec.volumeName).toBe(volume.metadata.name);
    expect(volume.metadata.annotations).toMatchObject({ 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' });
    expect(volume.spec).toMatchObject({
      capacity: { storage: '1Gi' }, persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'standard',
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
    });
    expect(eventsFor(c, 'PersistentVolumeClaim', 'data')).toEqual([
      'WaitForFirstConsumer: waiting for first consumer to be created before binding',
      EXTERNAL_PROVISIONING,
      'Provisioning: External provisioner is provisioning volume for claim "default/data"',
      `ProvisioningSucceeded: Successfully provisioned volume ${volume.metadata.name}`,
    ]);
    expect(eventSources(c, 'PersistentVolumeClaim', 'data', 'Provisioning')[0]).toMatch(/^rancher\.io\/local-path_local-path-provisioner-/);
    expect(syncErrors(c)).toEqual([]);
  });

  it('the Pod is bound to its node only after its claim is bound', () => {
    const c = createCluster();
    applyOk(c, docs(pvcYaml({ name: 'data' }), podWithClaim('web', 'data')));
    const bindStep = () => c.steps.findIndex((s) => s.actor === 'kube-scheduler' && s.message.startsWith('Bound Pod default/web'));
    const claimBoundStep = () => c.steps.findIndex((s) => s.message.startsWith('PersistentVolumeClaim default/data is Bound'));
    runUntil(c, () => bindStep() >= 0, 30_000);
    expect(claimBoundStep()).toBeGreaterThan(0);
    expect(claimBoundStep()).toBeLessThan(bindStep());
    expect(c.steps[bindStep()].time).toBeGreaterThan(0);
  });

  it('an Immediate class with local-path fails: no node is chosen for the volume', () => {
    const c = createCluster();
    applyOk(c, docs(immediateClass('fast'), pvcYaml({ name: 'data', className: 'fast' })));
    c.advance(20_000);
    expect(statusOf(pvc(c, 'data')).phase).toBe('Pending');
    const events = eventsFor(c, 'PersistentVolumeClaim', 'data');
    expect(events).toContain(EXTERNAL_PROVISIONING);
    expect(events).toContain('ProvisioningFailed: failed to provision volume with StorageClass "fast": configuration error, no node was specified');
    // a Pod using it cannot be scheduled while the Immediate claim is unbound
    applyOk(c, podWithClaim('web', 'data'));
    c.advance(2_000);
    expect(eventsFor(c, 'Pod', 'web')[0]).toBe('FailedScheduling: 0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. ' +
      'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.');
  });

  it('local-path refuses ReadWriteMany and Block claims; the Pod stays Pending', () => {
    const c = createCluster();
    applyOk(c, docs(pvcYaml({ name: 'rwx', modes: ['ReadWriteMany'] }), podWithClaim('a', 'rwx'),
      pvcYaml({ name: 'blk', volumeMode: 'Block' })));
    c.advance(10_000);
    expect(eventsFor(c, 'PersistentVolumeClaim', 'rwx')).toContain('ProvisioningFailed: failed to provision volume with StorageClass ' +
      '"standard": NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes');
    expect(phaseOf(c.get('Pod', 'a'))).toBe('Pending');
    expect((c.get('Pod', 'a')!.spec as { nodeName?: string }).nodeName).toBeUndefined();
  });

  it('a class that does not exist is reported, and provisioning starts once it does', () => {
    const c = createCluster();
    applyOk(c, pvcYaml({ name: 'data', className: 'later' }));
    c.advance(1_000);
    expect(eventsFor(c, 'PersistentVolumeClaim', 'data')).toContain('ProvisioningFailed: storageclass.storage.k8s.io "later" not found');
    applyOk(c, immediateClass('later'));
    runUntil(c, () => eventsFor(c, 'PersistentVolumeClaim', 'data').includes(EXTERNAL_PROVISIONING), 20_000);
    expect(c.now).toBe(15_000);
  });

  it('a claim made while no default class existed gets the default later (retroactive)', () => {
    const c = createCluster();
    c.delete('StorageClass', 'standard');
    applyOk(c, pvcYaml({ name: 'data' }));
    c.advance(1_000);
    expect(pvc(c, 'data')!.spec.storageClassName).toBeUndefined();
    applyOk(c, `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: newdefault
  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
provisioner: rancher.io/local-path
volumeBindingMode: WaitForFirstConsumer
`);
    runUntil(c, () => pvc(c, 'data')!.spec.storageClassName === 'newdefault', 20_000);
  });

  it('no-provisioner classes never provision: Pods wait with the bind conflict', () => {
    const c = createCluster();
    applyOk(c, docs(`apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: WaitForFirstConsumer
`, pvcYaml({ name: 'data', className: 'local' }), podWithClaim('web', 'data')));
    c.advance(2_000);
    expect(eventsFor(c, 'Pod', 'web')[0]).toBe("FailedScheduling: 0/3 nodes are available: 3 node(s) didn't find available persistent " +
      'volumes to bind. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.');
  });
});
