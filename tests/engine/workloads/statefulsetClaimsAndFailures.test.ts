import { describe, expect, it } from 'vitest';
import { newCluster, runUntil, syncErrors } from '../helpers';
import { runUntilReady, stsYaml } from './statefulsetFixtures';

const retention = (whenDeleted: string, whenScaled: string) =>
  `  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: ${whenDeleted}\n    whenScaled: ${whenScaled}\n`;
/** Deleted, or being deleted (the pvc-protection finalizer holds a claim until no Pod uses it). */
const claimGoing = (c: ReturnType<typeof newCluster>, claim: string) =>
  !c.get('PersistentVolumeClaim', claim) || !!c.get('PersistentVolumeClaim', claim)!.metadata.deletionTimestamp;
const ownerKinds = (c: ReturnType<typeof newCluster>, claim: string) =>
  (c.get('PersistentVolumeClaim', claim)?.metadata.ownerReferences ?? []).map((r) => `${r.kind}/${r.name}`);

describe('StatefulSet persistentVolumeClaimRetentionPolicy', () => {
  it('whenScaled: Delete makes the condemned Pod own its claim, so the claim goes with it', () => {
    const c = newCluster();
    c.apply(stsYaml({ replicas: 2, spec: retention('Retain', 'Delete') }));
    runUntilReady(c, 2);
    expect(ownerKinds(c, 'www-web-1')).toEqual([]);
    const podUid = c.get('Pod', 'web-1')!.metadata.uid;
    const from = c.steps.length;
    c.scale('StatefulSet', 'web', 1);
    c.advance(0);
    const owners = c.get('PersistentVolumeClaim', 'www-web-1')!.metadata.ownerReferences;
    expect(owners).toEqual([{ apiVersion: 'v1', kind: 'Pod', name: 'web-1', uid: podUid }]);
    const steps = c.steps.slice(from);
    const claimUpdate = steps.findIndex((s) => s.changes.some((ch) => ch.kind === 'PersistentVolumeClaim' && ch.name === 'www-web-1'));
    const podDelete = steps.findIndex((s) => s.message.includes('deleting web-1'));
    expect(claimUpdate).toBeGreaterThan(0);
    expect(podDelete).toBeGreaterThan(claimUpdate);
    runUntil(c, () => claimGoing(c, 'www-web-1'), 120_000);
    expect(c.get('PersistentVolumeClaim', 'www-web-0')?.metadata.deletionTimestamp).toBeUndefined();
    expect(ownerKinds(c, 'www-web-0')).toEqual([]);
    expect(syncErrors(c)).toEqual([]);
  });

  it('whenDeleted: Delete makes the StatefulSet own every claim, so deleting the set deletes them', () => {
    const c = newCluster();
    c.apply(stsYaml({ replicas: 2, spec: retention('Delete', 'Retain') }));
    runUntilReady(c, 2);
    const uid = c.get('StatefulSet', 'web')!.metadata.uid;
    for (const claim of ['www-web-0', 'www-web-1']) {
      expect(c.get('PersistentVolumeClaim', claim)!.metadata.ownerReferences).toEqual([
        { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid }]);
    }
    c.delete('StatefulSet', 'web');
    runUntil(c, () => claimGoing(c, 'www-web-0') && claimGoing(c, 'www-web-1') && c.list('Pod').length === 0, 120_000);
    expect(c.list('ControllerRevision')).toEqual([]);
  });

  it('Retain/Retain (the default) leaves the claims without owners after the set is deleted', () => {
    const c = newCluster();
    c.apply(stsYaml({ replicas: 1 }));
    runUntilReady(c, 1);
    c.delete('StatefulSet', 'web');
    runUntil(c, () => c.list('Pod').length === 0, 120_000);
    expect(c.list('PersistentVolumeClaim').map((p) => p.metadata.name)).toEqual(['www-web-0']);
  });
});

describe('StatefulSet failed Pods', () => {
  it('deletes a failed Pod and recreates it under the same name, with RecreatingFailedPod', () => {
    const c = newCluster();
    // the kubelet of node-1 rejects the Pod (OutOfcpu), which leaves it Failed
    c.apply(stsYaml({ replicas: 1, claims: false }).replace('      containers:\n',
      '      nodeName: node-1\n      containers:\n').replace('        image: nginx:1.27\n',
      '        image: nginx:1.27\n        resources:\n          requests: {cpu: "64"}\n'));
    c.advance(10_000);
    const recreating = c.events().find((e) => e.reason === 'RecreatingFailedPod');
    expect(recreating).toMatchObject({ type: 'Warning', message: 'StatefulSet default/web is recreating failed Pod web-0',
      source: { component: 'statefulset-controller' } });
    // repeated rejections back off instead of looping at one instant
    expect(recreating!.count as number).toBeGreaterThan(2);
    expect(recreating!.count as number).toBeLessThan(8);
    expect(c.get('Pod', 'web-0')).toBeDefined();
    expect(syncErrors(c)).toEqual([]);
  });
});
