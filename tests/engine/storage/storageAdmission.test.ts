import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine';
import { admitStorageCreate, storageUpdateProblem } from '../../../src/engine/controllers/volume/storageAdmission';
import { defaultClass } from '../../../src/engine/controllers/volume/storageClasses';

const sc = (name: string, created: string, isDefault: boolean, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', provisioner: 'rancher.io/local-path',
  metadata: { name, uid: name, resourceVersion: '1', creationTimestamp: created,
    ...(isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}) },
  ...extra,
});

const store = (classes: KubeObject[]) => ({
  get: (kind: string, name: string) => classes.find((c) => kind === 'StorageClass' && c.metadata.name === name),
  list: (kind: string) => (kind === 'StorageClass' ? classes : []),
});

const claim = (spec: Record<string, unknown>, annotations?: Record<string, string>, status?: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1', kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: '', ...(annotations ? { annotations } : {}) },
  spec: { accessModes: ['ReadWriteOnce'], ...spec }, ...(status ? { status } : {}),
});

describe('defaultClass', () => {
  it.each([
    ['no default', [sc('a', '2025-01-01T09:00:00Z', false)], undefined],
    ['the one default', [sc('a', '2025-01-01T09:00:00Z', false), sc('b', '2025-01-01T09:00:00Z', true)], 'b'],
    ['the newest of several', [sc('old', '2025-01-01T09:00:00Z', true), sc('new', '2025-01-01T10:00:00Z', true)], 'new'],
    ['same age: the lowest name', [sc('zeta', '2025-01-01T09:00:00Z', true), sc('alpha', '2025-01-01T09:00:00Z', true)], 'alpha'],
  ])('%s', (_name, classes, want) => expect(defaultClass(classes)?.metadata.name).toBe(want));
});

describe('DefaultStorageClass and StorageObjectInUseProtection admission', () => {
  const classes = store([sc('standard', '2025-01-01T09:00:00Z', true)]);
  it.each([
    ['no class: the default', {}, undefined, 'standard'],
    ['an explicit class is kept', { storageClassName: 'fast' }, undefined, 'fast'],
    ['"" asks for no class', { storageClassName: '' }, undefined, ''],
    ['the beta annotation counts as a class', {}, { 'volume.beta.kubernetes.io/storage-class': 'old' }, undefined],
  ])('%s', (_name, spec, annotations, want) => {
    const obj = claim(spec, annotations);
    admitStorageCreate(obj, classes);
    expect((obj.spec as { storageClassName?: string }).storageClassName).toBe(want);
    expect(obj.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
  });

  it('volumes get the pv-protection finalizer, once', () => {
    const pv: KubeObject = { apiVersion: 'v1', kind: 'PersistentVolume',
      metadata: { name: 'v', uid: 'v', resourceVersion: '1', creationTimestamp: '', finalizers: ['kubernetes.io/pv-protection'] } };
    admitStorageCreate(pv, classes);
    expect(pv.metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
  });
});

describe('PersistentVolumeClaimResize admission', () => {
  const classes = store([sc('grow', '', false, { allowVolumeExpansion: true }), sc('fixed', '', false)]);
  const bound = { phase: 'Bound' };
  const req = (storage: string) => ({ resources: { requests: { storage } } });
  it.each([
    ['shrinking or equal is not its business', 'grow', '2Gi', '2Gi', bound, undefined],
    ['growing with allowVolumeExpansion', 'grow', '1Gi', '2Gi', bound, undefined],
    ['growing without it', 'fixed', '1Gi', '2Gi', bound,
      'persistentvolumeclaims "data" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize'],
    ['growing an unbound claim', 'grow', '1Gi', '2Gi', { phase: 'Pending' },
      'persistentvolumeclaims "data" is forbidden: Only bound persistent volume claims can be expanded'],
  ])('%s', (_name, cls, before, after, status, want) => {
    const old = claim({ storageClassName: cls, ...req(before) }, undefined, status);
    const next = claim({ storageClassName: cls, ...req(after) }, undefined, status);
    expect(storageUpdateProblem(next, old, classes)).toBe(want);
  });
});
