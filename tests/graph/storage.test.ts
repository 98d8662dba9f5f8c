/** Storage in the graph: mount lines inside a Pod, claims → volumes → classes, ConfigMaps and Secrets. */
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster } from '../../src/engine/index';
import { createGraphProjector, projectGraph } from '../../src/graph/projectGraph';
import { podData } from '../../src/graph/podView';
import { accessModesText, claimData, classData, volumeData } from '../../src/graph/storage';
import { containerRowTop, podMounts, volumeRowCount } from '../../src/graph/storageMounts';
import type { ConfigData, StorageData } from '../../src/graph/storageTypes';
import type { ClusterGraph, GraphEdge } from '../../src/graph/types';
import { CONTAINER_ROW, VOLUME_ROW } from '../../src/graph/layout';
import { partsText } from '../../src/i18n/textParts';
import { makePod, storageManifest } from './fixtures';

const shared = makePod('shared', {
  node: 'node-1',
  containers: [
    { name: 'writer', volumeMounts: [{ name: 'scratch', mountPath: '/out' }, { name: 'cfg', mountPath: '/etc/app', readOnly: true }] },
    { name: 'reader', volumeMounts: [{ name: 'scratch', mountPath: '/in', readOnly: true }] },
  ],
});
shared.spec!.volumes = [
  { name: 'scratch', emptyDir: {} },
  { name: 'cfg', configMap: { name: 'app-config' } },
  { name: 'unused', emptyDir: {} },
  { name: 'kube-api-access-abcde', projected: { sources: [] } },
];

describe('podMounts', () => {
  const mounts = podMounts(podData(shared, undefined, true));
  const [scratch, cfg, unused] = mounts.volumes;

  it('names each volume with its source and how many containers mount it', () => {
    expect(mounts.volumes.map((v) => v.ariaLabel)).toEqual([
      'volume scratch (emptyDir), mounted by 2 containers',
      'volume cfg (configMap app-config), mounted by 1 container',
      'volume unused (emptyDir), not mounted',
    ]);
    expect(mounts.volumes.map((v) => [v.type, v.target, v.shared])).toEqual([['emptyDir', '', true], ['configMap', 'app-config', false], ['emptyDir', '', false]]);
  });

  it('draws one line per mount, from the volume to the container, labelled with the path (ro marked)', () => {
    expect(mounts.lines.map((l) => [l.volume, l.container, l.label, l.ariaLabel])).toEqual([
      ['scratch', 'writer', '/out', 'volume scratch mounted by container writer at /out'],
      ['scratch', 'reader', '/in (ro)', 'volume scratch mounted by container reader at /in, read-only'],
      ['cfg', 'writer', '/etc/app (ro)', 'volume cfg mounted by container writer at /etc/app, read-only'],
    ]);
    expect(mounts.lanes).toBe(3);
    expect(mounts.lines.map((l) => l.lane)).toEqual([0, 1, 2]);
  });

  it('gives a shared volume a row per mount, so the sharing shows; a single mount shares the volume row', () => {
    expect(volumeRowCount(podData(shared, undefined, true).volumes)).toBe(3 + 1 + 1);
    expect(scratch.rows).toBe(3);
    expect(scratch.mountRows).toHaveLength(2);
    expect(cfg.rows).toBe(1);
    expect(cfg.mountRows).toEqual([]);
    expect(cfg.lines[0].fromY).toBe(cfg.centerY);
    expect(unused.top).toBe(cfg.top + VOLUME_ROW);
    // lines start at their own rows and end at their container's row
    expect(scratch.lines.map((l) => l.fromY)).toEqual([scratch.top + 1.5 * VOLUME_ROW, scratch.top + 2.5 * VOLUME_ROW]);
    const writerRow = containerRowTop(0) + CONTAINER_ROW / 2;
    const readerRow = containerRowTop(1) + CONTAINER_ROW / 2;
    expect(mounts.lines.filter((l) => l.container === 'writer').every((l) => Math.abs(l.toY - writerRow) <= CONTAINER_ROW / 2 - 5)).toBe(true);
    expect(scratch.lines[1].toY).toBe(readerRow);
  });

  it('spreads lines arriving at one container so each arrow shows', () => {
    const toWriter = mounts.lines.filter((l) => l.container === 'writer').map((l) => l.toY);
    expect(new Set(toWriter).size).toBe(2);
  });
});

describe('storage element data', () => {
  it.each([
    [['ReadWriteOnce'], 'RWO'],
    [['ReadWriteMany', 'ReadWriteOnce'], 'RWO,RWX'],
    [['ReadWriteOncePod', 'ReadOnlyMany'], 'ROX,RWOP'],
    [[], ''],
  ])('access modes %j read %s', (modes, text) => expect(accessModesText(modes)).toBe(text));

  const pvc = (extra: object) => ({
    apiVersion: 'v1', kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', namespace: 'default', uid: 'c1' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard' },
    ...extra,
  }) as never;

  it.each([
    [{ status: { phase: 'Pending' } }, 'PersistentVolumeClaim data, Pending', 'Pending'],
    [{ spec: { volumeName: 'pvc-1', storageClassName: 'standard', accessModes: ['ReadWriteOnce'] }, status: { phase: 'Bound', capacity: { storage: '2Gi' } } }, 'PersistentVolumeClaim data, Bound to pvc-1', 'Bound'],
    [{ status: { phase: 'Lost' } }, 'PersistentVolumeClaim data, Lost', 'Lost'],
    [{ metadata: { name: 'data', namespace: 'default', uid: 'c1', deletionTimestamp: '2025-01-01T00:00:00Z' }, status: { phase: 'Bound' } }, 'PersistentVolumeClaim data, Terminating', 'Terminating'],
  ])('a claim %j', (extra, aria, status) => {
    const d = claimData(pvc(extra), 'waiting for first consumer to be created before binding');
    expect([d.ariaLabel, d.status]).toEqual([aria, status]);
    expect(d.reason !== undefined).toBe(status === 'Pending');
  });

  it('says a volume is Bound with its size and modes, a class whether it is the default', () => {
    const pv = volumeData({
      apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pvc-1', uid: 'v1' },
      spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'standard',
        claimRef: { name: 'data', namespace: 'default' } },
      status: { phase: 'Bound' },
    });
    expect(pv.ariaLabel).toBe('PersistentVolume pvc-1, Bound, 1Gi RWO');
    expect(pv.details.map(partsText)).toEqual(['1Gi · RWO · Delete', 'claim default/data', 'class standard']);
    // the words are the UI's, the names and values data
    expect(pv.details).toEqual([
      [{ text: '1Gi · RWO · Delete', kind: 'data' }], [{ text: 'claim ', kind: 'text' }, { text: 'default/data', kind: 'data' }], [{ text: 'class ', kind: 'text' }, { text: 'standard', kind: 'data' }],
    ]);
    const sc = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', provisioner: 'rancher.io/local-path', metadata: { name: 'standard', uid: 's' } } as const;
    expect(classData({ ...sc, metadata: { ...sc.metadata, annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } }).ariaLabel).toBe('StorageClass standard (default)');
    expect(classData(sc).ariaLabel).toBe('StorageClass standard');
  });
});

const MANIFEST = storageManifest();

const labels = (g: ClusterGraph, kind: string) => g.nodes.filter((n) => n.data.kind === kind).map((n) => n.ariaLabel);
const edgeLabels = (g: ClusterGraph, relation: string) => g.edges.filter((e: GraphEdge) => e.data?.relation === relation).map((e) => e.ariaLabel);

describe('claims, volumes and classes from the engine', () => {
  it('shows a waiting claim pointing at the default class, then claim → volume → class once bound', () => {
    const cluster = createCluster({ seed: 3 });
    expect(cluster.apply(MANIFEST).ok).toBe(true);
    const projector = createGraphProjector();
    const early = projector.project(cluster.at(cluster.steps.length - 1));
    expect(labels(early, 'PersistentVolumeClaim')).toEqual(['PersistentVolumeClaim data, Pending']);
    expect(labels(early, 'StorageClass')).toEqual(['StorageClass standard (default)']);
    expect(edgeLabels(early, 'storage')).toContain('PersistentVolumeClaim data waits for StorageClass standard');
    expect(edgeLabels(early, 'storage')).toContain('Pod web uses PersistentVolumeClaim data (volume data)');

    cluster.advance(30_000);
    const late = projector.project(cluster.at(cluster.steps.length - 1));
    const pv = cluster.list('PersistentVolume')[0].metadata.name;
    expect(pv).toMatch(/^pvc-[0-9a-f-]{36}$/);
    expect(labels(late, 'PersistentVolumeClaim')).toEqual([`PersistentVolumeClaim data, Bound to ${pv}`]);
    expect(labels(late, 'PersistentVolume')).toEqual([`PersistentVolume ${pv}, Bound, 1Gi RWO`]);
    expect(edgeLabels(late, 'storage').sort()).toEqual([
      `PersistentVolume ${pv} has StorageClass standard`,
      `PersistentVolumeClaim data is bound to PersistentVolume ${pv}`,
      'Pod web uses PersistentVolumeClaim data (volume data)',
    ]);
    // the bound edge is a new edge (it draws in), and goes claim → volume
    const bound = late.edges.find((e) => e.data?.relation === 'storage' && e.data.link === 'bound')!;
    expect(bound.id).toMatch(/:bound$/);
    const byId = new Map(late.nodes.map((n) => [n.id, n]));
    expect([byId.get(bound.source)!.data.kind, byId.get(bound.target)!.data.kind]).toEqual(['PersistentVolumeClaim', 'PersistentVolume']);
    // claim → volume → class read left to right on one row
    const [claim, volume, cls] = ['PersistentVolumeClaim', 'PersistentVolume', 'StorageClass'].map((k) => late.nodes.find((n) => n.data.kind === k)!);
    expect(claim.position.x).toBeLessThan(volume.position.x);
    expect(volume.position.x).toBeLessThan(cls.position.x);
    expect(claim.position.y).toBe(volume.position.y);
  });

  it('links a ConfigMap to the container whose env reads it, and shows an optional missing Secret as not found', () => {
    const cluster = createCluster({ seed: 3 });
    cluster.apply(MANIFEST);
    cluster.advance(5_000);
    const g = projectGraph(cluster.at(cluster.steps.length - 1));
    expect(labels(g, 'ConfigMap')).toEqual(['ConfigMap app-config']);
    expect(labels(g, 'Secret')).toEqual(['Secret missing-secret, not found']);
    expect(edgeLabels(g, 'config').sort()).toEqual([
      'ConfigMap app-config provides env MODE to container app of Pod web',
      'Secret missing-secret is missing for env TOKEN to container app of Pod web',
    ]);
    const cm = g.nodes.find((n) => n.data.kind === 'ConfigMap')!.data as ConfigData;
    expect([cm.keys, cm.usedBy, cm.missing]).toEqual([['MODE'], 1, false]);
    // system ConfigMaps (kube-root-ca.crt, kube-proxy) are not drawn
    expect(g.nodes.some((n) => n.ariaLabel.includes('kube-root-ca.crt') || n.ariaLabel.includes('kube-proxy'))).toBe(false);
  });

  it('draws no storage at all for a cluster without claims or volumes, only what the learner made', () => {
    const g = projectGraph(createCluster({ seed: 1 }).at(0));
    expect(g.nodes.filter((n) => n.type === 'storage' || n.type === 'config')).toEqual([]);
  });

  it('keeps unchanged storage elements as the same objects between Steps', () => {
    const cluster = createCluster({ seed: 3 });
    cluster.apply(MANIFEST);
    cluster.advance(30_000);
    const projector = createGraphProjector();
    const a = projector.project(cluster.at(cluster.steps.length - 2));
    const b = projector.project(cluster.at(cluster.steps.length - 1));
    const cls = (g: ClusterGraph) => g.nodes.find((n) => n.data.kind === 'StorageClass')!;
    expect(cls(b)).toBe(cls(a));
    expect((cls(b).data as StorageData).isDefault).toBe(true);
  });
});

describe('a Pod that names a missing claim', () => {
  it('shows the claim as not found, linked from the Pod volume', () => {
    const pod: Pod = makePod('lonely', { node: 'node-1' });
    pod.spec!.volumes = [{ name: 'data', persistentVolumeClaim: { claimName: 'nope' } }];
    pod.spec!.containers[0].volumeMounts = [{ name: 'data', mountPath: '/data' }];
    const view = {
      now: 0, stepIndex: 0,
      get: () => undefined,
      list: (kind: string) => (kind === 'Pod' ? [pod] : []) as never[],
      events: () => [], runtime: () => ({ sandboxes: [], containers: [] }), table: () => [],
    };
    const g = projectGraph(view);
    expect(labels(g, 'PersistentVolumeClaim')).toEqual(['PersistentVolumeClaim nope, not found']);
    expect(edgeLabels(g, 'storage')).toEqual(['Pod lonely uses PersistentVolumeClaim nope (volume data)']);
    expect(g.edges.find((e) => e.data?.relation === 'storage')!.data).toEqual({ relation: 'storage', link: 'uses', missing: true });
  });
});

describe('a static volume: Available, Bound, then Released', () => {
  const STATIC = `apiVersion: v1
kind: PersistentVolume
metadata: { name: pv-1 }
spec:
  capacity: { storage: 5Gi }
  accessModes: [ReadWriteOnce, ReadWriteMany]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: ""
  hostPath: { path: /mnt/pv-1 }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: manual }
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 1Gi } }
`;

  it('shows each phase in the elements, and the claim → volume edge only while bound', () => {
    const cluster = createCluster({ seed: 9 });
    expect(cluster.apply(STATIC).ok).toBe(true);
    const projector = createGraphProjector();
    const at = () => projector.project(cluster.at(cluster.steps.length - 1));
    const firstPv = projector.project(cluster.at(cluster.steps.findIndex((s) => s.changes.some((c) => c.kind === 'PersistentVolume'))));
    expect(labels(firstPv, 'PersistentVolume')[0]).toMatch(/^PersistentVolume pv-1, (Pending|Available), 5Gi RWO,RWX$/);

    cluster.advance(20_000);
    expect(labels(at(), 'PersistentVolume')).toEqual(['PersistentVolume pv-1, Bound, 5Gi RWO,RWX']);
    expect(labels(at(), 'PersistentVolumeClaim')).toEqual(['PersistentVolumeClaim manual, Bound to pv-1']);
    expect(edgeLabels(at(), 'storage')).toEqual(['PersistentVolumeClaim manual is bound to PersistentVolume pv-1']);
    // no class: none drawn but the default one, and no class edge
    expect(labels(at(), 'StorageClass')).toEqual(['StorageClass standard (default)']);

    expect(cluster.delete('PersistentVolumeClaim', 'manual', 'default').ok).toBe(true);
    cluster.advance(30_000);
    expect(labels(at(), 'PersistentVolumeClaim')).toEqual([]);
    expect(labels(at(), 'PersistentVolume')).toEqual(['PersistentVolume pv-1, Released, 5Gi RWO,RWX']);
    expect(edgeLabels(at(), 'storage')).toEqual([]);
  });
});
