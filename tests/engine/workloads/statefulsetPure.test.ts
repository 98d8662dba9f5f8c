import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine';
import { goJson } from '../../../src/engine/controllers/history/goJson';
import {
  controllerRevisionName, fnv32, hashControllerRevision, nextRevision, sortControllerRevisions, type ControllerRevisionObject,
} from '../../../src/engine/controllers/history/revisions';
import { applyRevision, revisionTemplate, templatePatch } from '../../../src/engine/controllers/history/templatePatch';
import { claimOwnerMatches, claimOwnerReferences, wantedOwners } from '../../../src/engine/controllers/statefulset/claimRetention';
import { claimsFor, identityMatches, parentAndOrdinal, storageMatches } from '../../../src/engine/controllers/statefulset/identity';
import { newVersionedStatefulSetPod } from '../../../src/engine/controllers/statefulset/newPod';
import type { StatefulSetObject } from '../../../src/engine/controllers/statefulset/statefulSetSpec';
import { completeRollingUpdate, countReplicas } from '../../../src/engine/controllers/statefulset/status';

const set = (spec: Partial<StatefulSetObject['spec']> = {}): StatefulSetObject => ({
  apiVersion: 'apps/v1', kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'default', uid: 'set-uid', resourceVersion: '1', creationTimestamp: '2025-01-01T09:00:00Z' },
  spec: {
    replicas: 3, serviceName: 'nginx', selector: { matchLabels: { app: 'nginx' } },
    template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
    volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'] } }],
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
    ...spec,
  },
});

const pod = (name: string, extra: Partial<KubeObject['metadata']> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace: 'default', uid: `${name}-uid`, resourceVersion: '1', creationTimestamp: '', ...extra },
});

describe('parentAndOrdinal (upstream getParentNameAndOrdinal)', () => {
  it.each([
    ['web-0', 'web', 0],
    ['web-12', 'web', 12],
    ['my-db-3', 'my-db', 3],
    ['web', '', -1],
    ['web-x', '', -1],
    ['web-', '', -1],
    ['web-99999999999', 'web', -1],
  ])('%s → parent %j, ordinal %i', (name, parent, ordinal) => {
    expect(parentAndOrdinal(name)).toEqual({ parent, ordinal });
  });
});

describe('claims and identity', () => {
  it('names claims <template>-<set>-<ordinal> with the selector labels', () => {
    const claims = claimsFor(set({ volumeClaimTemplates: [{ metadata: { name: 'www', labels: { tier: 'db' } } }, { metadata: { name: 'logs' } }] }), pod('web-4'));
    expect(claims.map((c) => [c.template, c.claim.metadata.name, c.claim.metadata.labels])).toEqual([
      ['www', 'www-web-4', { tier: 'db', app: 'nginx' }], ['logs', 'logs-web-4', { app: 'nginx' }]]);
  });

  it('checks identity labels and claim volumes', () => {
    const ok = pod('web-1', { labels: { 'statefulset.kubernetes.io/pod-name': 'web-1' } });
    expect(identityMatches(set(), ok)).toBe(true);
    expect(identityMatches(set(), pod('web-1'))).toBe(false);
    expect(identityMatches(set(), pod('db-1', { labels: { 'statefulset.kubernetes.io/pod-name': 'db-1' } }))).toBe(false);
    expect(storageMatches(set(), { ...ok, spec: { volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } }] } })).toBe(true);
    expect(storageMatches(set(), { ...ok, spec: { volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }] } })).toBe(false);
    expect(storageMatches(set(), { ...ok, spec: {} })).toBe(false);
  });
});

describe('newVersionedStatefulSetPod (partition)', () => {
  const current = set({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
  const update = { ...current, spec: { ...current.spec, template: { ...current.spec.template, spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } } } };
  it.each([[0, 'old', 'nginx:1.27'], [1, 'old', 'nginx:1.27'], [2, 'new', 'nginx:1.28'], [3, 'new', 'nginx:1.28']])(
    'ordinal %i gets the %s revision', (ordinal, revision, image) => {
      const p = newVersionedStatefulSetPod(current, update, 'old', 'new', ordinal);
      expect(p.metadata.name).toBe(`web-${ordinal}`);
      expect(p.metadata.labels?.['controller-revision-hash']).toBe(revision);
      expect((p.spec as { containers: { image: string }[] }).containers[0].image).toBe(image);
      expect(p.spec).toMatchObject({ hostname: `web-${ordinal}`, subdomain: 'nginx',
        volumes: [{ name: 'www', persistentVolumeClaim: { claimName: `www-web-${ordinal}` } }] });
    });
});

describe('claim retention (upstream 1.31 claimOwnerMatchesSetAndPod)', () => {
  // web has 3 replicas: web-1 is in range, web-5 is condemned
  it.each([
    ['Retain', 'Retain', 'web-1', { set: false, pod: false }],
    ['Delete', 'Retain', 'web-1', { set: true, pod: false }],
    ['Delete', 'Retain', 'web-5', { set: true, pod: false }],
    ['Retain', 'Delete', 'web-1', { set: false, pod: false }],
    ['Retain', 'Delete', 'web-5', { set: false, pod: true }],
    ['Delete', 'Delete', 'web-1', { set: true, pod: false }],
    ['Delete', 'Delete', 'web-5', { set: false, pod: true }],
  ] as const)('whenDeleted %s, whenScaled %s, %s → owners %j', (whenDeleted, whenScaled, name, want) => {
    const s = set({ persistentVolumeClaimRetentionPolicy: { whenDeleted, whenScaled } });
    expect(wantedOwners(s, pod(name))).toEqual(want);
    const claim = pod('www-x');
    expect(claimOwnerMatches(claim, s, pod(name))).toBe(!want.set && !want.pod);
    const refs = claimOwnerReferences(claim, s, pod(name)) ?? [];
    expect(refs.map((r) => r.kind).sort()).toEqual([...(want.pod ? ['Pod'] : []), ...(want.set ? ['StatefulSet'] : [])]);
    expect(claimOwnerMatches({ ...claim, metadata: { ...claim.metadata, ownerReferences: refs } }, s, pod(name))).toBe(true);
  });
});

describe('status (upstream computeReplicaStatus, completeRollingUpdate)', () => {
  const running = (name: string, revision: string, ready: boolean, deleting = false): KubeObject => ({
    ...pod(name, { labels: { 'controller-revision-hash': revision }, ...(deleting ? { deletionTimestamp: 'x' } : {}) }),
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: '2025-01-01T09:00:00Z' }] },
  });
  it('counts created, ready, available and per-revision Pods (terminating ones not by revision)', () => {
    const counts = countReplicas([[running('web-0', 'a', true), running('web-1', 'b', true), running('web-2', 'b', false, true)],
      [pod('web-3')]], 0, 1000, 'a', 'b');
    expect(counts).toEqual({ replicas: 3, readyReplicas: 2, availableReplicas: 2, currentReplicas: 1, updatedReplicas: 1 });
  });
  it('completes a rolling update only when every replica is updated and ready', () => {
    const status = { replicas: 2, readyReplicas: 2, updatedReplicas: 2, currentReplicas: 0, currentRevision: 'a', updateRevision: 'b', availableReplicas: 2 };
    completeRollingUpdate(set(), status);
    expect(status).toMatchObject({ currentRevision: 'b', currentReplicas: 2 });
    const partial = { replicas: 2, readyReplicas: 2, updatedReplicas: 1, currentReplicas: 1, currentRevision: 'a', updateRevision: 'b', availableReplicas: 2 };
    completeRollingUpdate(set(), partial);
    expect(partial.currentRevision).toBe('a');
    const onDelete = { ...status, currentReplicas: 0, currentRevision: 'a' };
    completeRollingUpdate(set({ updateStrategy: { type: 'OnDelete' } }), onDelete);
    expect(onDelete.currentRevision).toBe('a');
  });
});

describe('ControllerRevision helpers (upstream history package)', () => {
  it('FNV-1 32 matches Go hash/fnv.New32', () => {
    const enc = new TextEncoder();
    expect(fnv32(enc.encode(''))).toBe(0x811c9dc5);
    expect(fnv32(enc.encode('a'))).toBe(0x050c5d7e);
    expect(fnv32(enc.encode('foobar'))).toBe(0x31f0b262);
  });

  it('marshals like Go: sorted keys, HTML-safe escapes', () => {
    expect(goJson({ b: 1, a: { d: [1, 'x<y&z>'], c: null } })).toBe('{"a":{"c":null,"d":[1,"x\\u003cy\\u0026z\\u003e"]},"b":1}');
  });

  it('hashes to 9–10 safe characters, changed by the data and by the collision count', () => {
    const data = templatePatch(set());
    const h0 = hashControllerRevision(data, 0);
    expect(h0).toMatch(/^[456789bcdf]{9,10}$/);
    expect(hashControllerRevision(data, 0)).toBe(h0);
    expect(hashControllerRevision(data, 1)).not.toBe(h0);
    expect(hashControllerRevision(templatePatch(set({ template: { metadata: { labels: { app: 'x' } } } })), 0)).not.toBe(h0);
    expect(controllerRevisionName('web', h0)).toBe(`web-${h0}`);
    expect(controllerRevisionName('x'.repeat(300), 'h')).toHaveLength(225);
  });

  it('records the template as a $patch: replace patch and applies it back', () => {
    const data = templatePatch(set());
    expect(data.spec.template.$patch).toBe('replace');
    const revision = { data } as unknown as ControllerRevisionObject;
    expect(revisionTemplate(revision)).toEqual(set().spec.template);
    const other = set({ template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'x', image: 'busybox' }] } } });
    expect(applyRevision(other, revision).spec.template).toEqual(set().spec.template);
  });

  it('sorts by revision, then creation time, then name; next revision is one past the last', () => {
    const r = (name: string, revision: number, t: string) =>
      ({ metadata: { name, creationTimestamp: t }, revision }) as unknown as ControllerRevisionObject;
    const sorted = sortControllerRevisions([r('c', 2, '2025-01-01T09:00:00Z'), r('b', 1, '2025-01-01T09:00:05Z'),
      r('a', 1, '2025-01-01T09:00:05Z'), r('d', 1, '2025-01-01T09:00:01Z')]);
    expect(sorted.map((x) => x.metadata.name)).toEqual(['d', 'a', 'b', 'c']);
    expect(nextRevision(sorted)).toBe(3);
    expect(nextRevision([])).toBe(1);
  });
});
