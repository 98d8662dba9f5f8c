import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine';
import { phaseOf, runUntil } from '../helpers';
import { applyOk, docs, eventsFor, podWithClaim, pv, pvc, pvcYaml, pvYaml, statusOf } from './storageFixtures';

const NOT_HELPFUL = 'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
const localClass = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: WaitForFirstConsumer
`;
const failedScheduling = (c: ReturnType<typeof createCluster>, pod: string) =>
  eventsFor(c, 'Pod', pod).filter((e) => e.startsWith('FailedScheduling: '))[0]?.slice('FailedScheduling: '.length);

describe('VolumeBinding, VolumeRestrictions and VolumeZone', () => {
  it('a missing claim is a PreFilter rejection', () => {
    const c = createCluster();
    applyOk(c, podWithClaim('web', 'data'));
    c.advance(500);
    expect(failedScheduling(c, 'web')).toBe(`0/3 nodes are available: persistentvolumeclaim "data" not found. ${NOT_HELPFUL}`);
    applyOk(c, pvcYaml({ name: 'data' }));
    runUntil(c, () => phaseOf(c.get('Pod', 'web')) === 'Running', 30_000);
  });

  it('bound volumes whose node affinity no node meets: volume node affinity conflict', () => {
    const c = createCluster();
    applyOk(c, docs(pvYaml({ name: 'ssd', storage: '1Gi', source: `hostPath: {path: /tmp/ssd}
  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - {key: disk, operator: In, values: [ssd]}` }), pvcYaml({ name: 'data', className: '' }), podWithClaim('web', 'data')));
    c.advance(1_000);
    expect(statusOf(pvc(c, 'data')).phase).toBe('Bound');
    expect(failedScheduling(c, 'web')).toBe(`0/3 nodes are available: 3 node(s) had volume node affinity conflict. ${NOT_HELPFUL}`);
  });

  it('a volume pinned to one hostname narrows the nodes to that one', () => {
    const c = createCluster();
    applyOk(c, docs(pvYaml({ name: 'on-1', storage: '1Gi', node: 'node-1' }), pvcYaml({ name: 'data', className: '' }),
      podWithClaim('web', 'data').replace('spec:\n', 'spec:\n  nodeSelector: {kubernetes.io/hostname: node-2}\n')));
    c.advance(1_000);
    expect(failedScheduling(c, 'web')).toBe("0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, " +
      `2 node(s) didn't satisfy plugin(s) [VolumeBinding]. ${NOT_HELPFUL}`);
  });

  it('WaitForFirstConsumer with static local volumes: the scheduler picks a node with a fitting volume and reserves it', () => {
    const c = createCluster();
    applyOk(c, docs(localClass, pvYaml({ name: 'local-2', storage: '10Gi', className: 'local', node: 'node-2' }),
      pvYaml({ name: 'small-3', storage: '100Mi', className: 'local', node: 'node-3' }),
      pvcYaml({ name: 'data', className: 'local' }), podWithClaim('web', 'data')));
    runUntil(c, () => phaseOf(c.get('Pod', 'web')) === 'Running', 30_000);
    expect((c.get('Pod', 'web')!.spec as { nodeName: string }).nodeName).toBe('node-2');
    expect(pvc(c, 'data')!.spec.volumeName).toBe('local-2');
    expect(pv(c, 'local-2')!.metadata.annotations?.['pv.kubernetes.io/bound-by-controller']).toBe('yes');
    expect(c.steps.some((s) => s.actor === 'kube-scheduler' && s.message.startsWith('Scheduler reserves PersistentVolume local-2'))).toBe(true);
  });

  it('a ReadWriteOncePod claim admits one Pod in the cluster', () => {
    const c = createCluster();
    applyOk(c, docs(pvcYaml({ name: 'solo', modes: ['ReadWriteOncePod'] }), podWithClaim('first', 'solo')));
    runUntil(c, () => phaseOf(c.get('Pod', 'first')) === 'Running', 30_000);
    applyOk(c, podWithClaim('second', 'solo'));
    c.advance(1_000);
    // the claim's local-path volume also narrows the candidates to its node (VolumeBinding's PreFilterResult)
    expect(failedScheduling(c, 'second')).toBe('0/3 nodes are available: 1 node has pod using PersistentVolumeClaim with the same name ' +
      "and ReadWriteOncePod access mode, 2 node(s) didn't satisfy plugin(s) [VolumeBinding]. preemption: 0/3 nodes are available: " +
      '1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.');
  });

  it('zone-labelled volumes fit only nodes in their zone', () => {
    const c = createCluster();
    applyOk(c, `apiVersion: v1
kind: Node
metadata:
  name: node-1
  labels: {topology.kubernetes.io/zone: a}
---
apiVersion: v1
kind: Node
metadata:
  name: node-2
  labels: {topology.kubernetes.io/zone: b}
`);
    applyOk(c, docs(pvYaml({ name: 'zb', storage: '1Gi', labels: { 'topology.kubernetes.io/zone': 'b' } }),
      pvcYaml({ name: 'data', className: '' }), podWithClaim('web', 'data')));
    runUntil(c, () => phaseOf(c.get('Pod', 'web')) === 'Running', 30_000);
    // node-3 has no zone label (a single-zone node) and fits too; node-1 never does
    expect(['node-2', 'node-3']).toContain((c.get('Pod', 'web')!.spec as { nodeName: string }).nodeName);
    applyOk(c, podWithClaim('pinned', 'data').replace('spec:\n', 'spec:\n  nodeSelector: {topology.kubernetes.io/zone: a}\n'));
    c.advance(1_000);
    expect(failedScheduling(c, 'pinned')).toBe("0/3 nodes are available: 1 node(s) had no available volume zone, 2 node(s) didn't match " +
      `Pod's node affinity/selector. ${NOT_HELPFUL}`);
  });
});
