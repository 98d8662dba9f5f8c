import type { Node, PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import {
  accessModesKey, findBestMatchForClaim, findMatchingVolume, volumeMismatch,
} from '../../../src/engine/controllers/volume/volumeMatch';

function volume(name: string, storage: string, extra: Partial<PersistentVolume['spec']> & { labels?: Record<string, string>; phase?: string } = {}): PersistentVolume {
  const { labels, phase, ...spec } = extra;
  return {
    metadata: { name, labels },
    spec: { capacity: { storage }, accessModes: ['ReadWriteOnce'], storageClassName: '', ...spec },
    status: { phase: phase ?? 'Available' },
  };
}

function claim(storage: string, extra: Partial<PersistentVolumeClaim['spec']> = {}): PersistentVolumeClaim {
  return {
    metadata: { name: 'data', namespace: 'default', uid: 'c-1' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } }, storageClassName: '', ...extra },
  };
}

const node = (name: string, labels: Record<string, string> = {}): Node =>
  ({ metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } } });

describe('findBestMatchForClaim (the PV controller)', () => {
  const cases: { name: string; claim: PersistentVolumeClaim; volumes: PersistentVolume[]; want?: string }[] = [
    { name: 'smallest volume that fits', claim: claim('3Gi'),
      volumes: [volume('big', '10Gi'), volume('small', '2Gi'), volume('fit', '5Gi'), volume('exact', '3Gi')], want: 'exact' },
    { name: 'capacity compares as quantities (1000Mi < 1Gi)', claim: claim('1000Mi'),
      volumes: [volume('gi', '1Gi'), volume('mi', '1000Mi')], want: 'mi' },
    { name: 'none big enough', claim: claim('20Gi'), volumes: [volume('a', '10Gi')] },
    { name: 'class must be equal; "" matches only class-less volumes', claim: claim('1Gi'),
      volumes: [volume('fast', '1Gi', { storageClassName: 'fast' }), volume('none', '5Gi')], want: 'none' },
    { name: 'a named class skips class-less volumes', claim: claim('1Gi', { storageClassName: 'fast' }),
      volumes: [volume('none', '1Gi'), volume('fast', '5Gi', { storageClassName: 'fast' })], want: 'fast' },
    { name: 'selector must match the volume labels', claim: claim('1Gi', { selector: { matchLabels: { tier: 'gold' } } }),
      volumes: [volume('plain', '1Gi'), volume('gold', '8Gi', { labels: { tier: 'gold' } })], want: 'gold' },
    { name: 'selector with expressions', claim: claim('1Gi', { selector: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] } }),
      volumes: [volume('a', '1Gi', { labels: { zone: 'a' } }), volume('b', '2Gi', { labels: { zone: 'b' } })], want: 'b' },
    { name: 'the volume must offer every requested access mode', claim: claim('1Gi', { accessModes: ['ReadWriteMany'] }),
      volumes: [volume('rwo', '1Gi'), volume('rwx', '9Gi', { accessModes: ['ReadWriteMany', 'ReadOnlyMany'] })], want: 'rwx' },
    { name: 'fewest access modes first, even if a volume with more modes is smaller', claim: claim('1Gi'),
      volumes: [volume('rwo', '10Gi'), volume('rwo-rox', '2Gi', { accessModes: ['ReadWriteOnce', 'ReadOnlyMany'] })], want: 'rwo' },
    { name: 'volumeMode must be equal', claim: claim('1Gi', { volumeMode: 'Block' }),
      volumes: [volume('fs', '1Gi'), volume('block', '4Gi', { volumeMode: 'Block' })], want: 'block' },
    { name: 'only Available volumes', claim: claim('1Gi'),
      volumes: [volume('released', '1Gi', { phase: 'Released' }), volume('ok', '3Gi')], want: 'ok' },
    { name: 'a volume claimed by another claim is skipped', claim: claim('1Gi'),
      volumes: [volume('taken', '1Gi', { claimRef: { name: 'other', namespace: 'default' } }), volume('free', '2Gi')], want: 'free' },
    { name: 'a volume pre-bound to this claim wins over a better fit', claim: claim('1Gi'),
      volumes: [volume('fit', '1Gi'), volume('mine', '50Gi', { claimRef: { name: 'data', namespace: 'default' }, phase: 'Available' })], want: 'mine' },
    { name: 'a volume being deleted is skipped', claim: claim('1Gi'),
      volumes: [{ ...volume('gone', '1Gi'), metadata: { name: 'gone', deletionTimestamp: '2025-01-01T09:00:00Z' } }] },
  ];
  for (const t of cases) {
    it(t.name, () => {
      expect(findBestMatchForClaim(t.claim, t.volumes, false)?.metadata?.name).toBe(t.want);
    });
  }

  it('a WaitForFirstConsumer claim takes only a volume pre-bound to it', () => {
    expect(findBestMatchForClaim(claim('1Gi'), [volume('fit', '1Gi')], true)).toBeUndefined();
    const mine = volume('mine', '1Gi', { claimRef: { name: 'data', namespace: 'default', uid: 'c-1' } });
    expect(findBestMatchForClaim(claim('1Gi'), [mine], true)?.metadata?.name).toBe('mine');
  });
});

describe('findMatchingVolume (the scheduler, for one node)', () => {
  const pinned = (name: string, storage: string, host: string) => volume(name, storage, {
    nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [host] }] }] } },
  });
  it('skips volumes whose node affinity excludes the node', () => {
    const vols = [pinned('on-1', '1Gi', 'node-1'), pinned('on-2', '5Gi', 'node-2')];
    expect(findMatchingVolume(claim('1Gi'), vols, node('node-2'), new Set(), true)?.metadata?.name).toBe('on-2');
    expect(findMatchingVolume(claim('1Gi'), vols, node('node-3'), new Set(), true)).toBeUndefined();
  });
  it('skips volumes already chosen for another claim of the Pod', () => {
    const vols = [volume('a', '1Gi'), volume('b', '2Gi')];
    expect(findMatchingVolume(claim('1Gi'), vols, node('n'), new Set(['a']), true)?.metadata?.name).toBe('b');
  });
  it('a pre-bound volume that does not fit the node means no match at all', () => {
    const mine = { ...pinned('mine', '1Gi', 'node-1'), spec: { ...pinned('mine', '1Gi', 'node-1').spec, claimRef: { name: 'data', namespace: 'default' } } };
    expect(findMatchingVolume(claim('1Gi'), [mine, volume('other', '1Gi')], node('node-2'), new Set(), true)).toBeUndefined();
  });
});

describe('volumeMismatch (a claim naming its volume)', () => {
  const cases: [string, PersistentVolume, PersistentVolumeClaim, string | undefined][] = [
    ['fits', volume('v', '2Gi'), claim('1Gi'), undefined],
    ['too small', volume('v', '1Gi'), claim('2Gi'), 'requested PV is too small'],
    ['class', volume('v', '2Gi', { storageClassName: 'x' }), claim('1Gi'), 'storageClassName does not match'],
    ['volumeMode', volume('v', '2Gi', { volumeMode: 'Block' }), claim('1Gi'), 'incompatible volumeMode'],
    ['access modes', volume('v', '2Gi'), claim('1Gi', { accessModes: ['ReadWriteMany'] }), 'incompatible accessMode'],
  ];
  for (const [name, v, c, want] of cases) it(name, () => expect(volumeMismatch(v, c)).toBe(want));
});

describe('accessModesKey', () => {
  it.each([
    [['ReadOnlyMany', 'ReadWriteOnce'], 'ReadWriteOnce,ReadOnlyMany'],
    [['ReadWriteMany', 'ReadWriteMany'], 'ReadWriteMany'],
    [[], ''],
  ])('%j → %s', (modes, key) => expect(accessModesKey(modes)).toBe(key));
});
