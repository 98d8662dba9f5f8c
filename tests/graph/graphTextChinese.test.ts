/**
 * The graph projection worded in Chinese: storage and config cards and edges, namespaces, Services,
 * the traffic layer. Names, phases and other Kubernetes values stay as they are; English is the
 * default and stays exactly as before (the other graph tests check it).
 */
import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { createCluster } from '../../src/engine/index';
import type { KubeObject } from '../../src/engine/api';
import { configData } from '../../src/graph/config';
import { namespaceBoxData, namespaceOptions } from '../../src/graph/namespaces';
import { createGraphProjector, projectGraph } from '../../src/graph/projectGraph';
import { serviceData } from '../../src/graph/services';
import { claimData, classData, missingClaimData, volumeData } from '../../src/graph/storage';
import { partsText, type TextPart } from '../../src/i18n/textParts';
import { trafficOverlay } from '../../src/graph/traffic';
import type { ClusterGraph } from '../../src/graph/types';
import { englishT, translator } from '../../src/i18n/translate';
import { join, runUntil, servedCluster, trafficSteps, webDeployment, webService } from '../projections/networkFixtures';
import { storageManifest } from './fixtures';

const zhT = translator('zh-CN');
const CHINESE = /[\u4e00-\u9fff]/;
const data = (lines: TextPart[][]) => lines.flatMap((l) => l.filter((p) => p.kind === 'data').map((p) => p.text));

const pvc = (extra: Partial<PersistentVolumeClaim> = {}): PersistentVolumeClaim => ({
  apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default', uid: 'c1' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard' }, ...extra,
});
const pv: PersistentVolume = {
  apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pvc-1', uid: 'v1' },
  spec: {
    capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'standard',
    claimRef: { name: 'data', namespace: 'default' },
    nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1'] }] }] } },
  },
  status: { phase: 'Bound' },
};
const sc: StorageClass = {
  apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer',
  metadata: { name: 'standard', uid: 's', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
};

describe('storage cards', () => {
  it.each<[string, () => { ariaLabel: string; details: TextPart[][] }, string, string[], string[]]>([
    ['a Pending claim', () => claimData(pvc({ status: { phase: 'Pending' } }), undefined, zhT),
      'PersistentVolumeClaim data，阶段 Pending', ['1Gi · RWO', '存储类 standard'], ['1Gi · RWO', 'standard']],
    ['a claim without a class naming its volume', () => claimData(pvc({ spec: { volumeName: 'pv-9' }, status: { phase: 'Pending' } }), undefined, zhT),
      'PersistentVolumeClaim data，阶段 Pending', ['', '无存储类', '卷 pv-9'], ['pv-9']],
    ['a Bound claim', () => claimData(pvc({ spec: { volumeName: 'pvc-1' }, status: { phase: 'Bound', capacity: { storage: '2Gi' }, accessModes: ['ReadWriteOnce'] } }), undefined, zhT),
      'PersistentVolumeClaim data，已绑定到 pvc-1', ['2Gi · RWO', '无存储类'], ['2Gi · RWO']],
    ['a volume pinned to a Node', () => volumeData(pv, zhT),
      'PersistentVolume pvc-1，阶段 Bound，1Gi RWO', ['1Gi · RWO · Delete', '申领 default/data · 位于 node-1', '存储类 standard'],
      ['1Gi · RWO · Delete', 'default/data', 'node-1', 'standard']],
    ['a volume without a claim', () => volumeData({ ...pv, spec: { ...pv.spec, claimRef: undefined, nodeAffinity: undefined, capacity: {}, accessModes: [] } }, zhT),
      'PersistentVolume pvc-1，阶段 Bound', ['Delete', '无申领', '存储类 standard'], ['Delete', 'standard']],
    ['the default class', () => classData(sc, zhT),
      'StorageClass standard（默认）', ['rancher.io/local-path', 'WaitForFirstConsumer · 回收策略 Delete'], ['rancher.io/local-path', 'WaitForFirstConsumer', 'Delete']],
    ['a claim a Pod names that does not exist', () => missingClaimData('nope', 'default', zhT),
      'PersistentVolumeClaim nope，未找到', ['此命名空间中没有该申领'], []],
  ])('%s', (_, make, ariaLabel, lines, values) => {
    const d = make();
    expect(d.ariaLabel).toBe(ariaLabel);
    expect(d.details.map(partsText)).toEqual(lines);
    expect(data(d.details)).toEqual(values);
  });

  it('keeps the English of a class that is not the default', () => {
    const plain = { ...sc, metadata: { name: 'fast', uid: 'f' } };
    expect(classData(plain, zhT).ariaLabel).toBe('StorageClass 对象 fast');
    expect(classData(plain).ariaLabel).toBe('StorageClass fast');
    expect(classData(plain, englishT).details.map(partsText)).toEqual(['rancher.io/local-path', 'WaitForFirstConsumer · reclaim Delete']);
  });
});

describe('ConfigMaps, Secrets and namespaces', () => {
  it.each([
    [undefined, 'Secret creds，未找到', 'Secret creds, not found'],
    [{ metadata: { name: 'creds', uid: 'x' } } as KubeObject, 'Secret 对象 creds', 'Secret creds'],
  ])('a Secret %#', (obj, chinese, english) => {
    expect(configData('Secret', 'creds', 'default', obj, 1, zhT).ariaLabel).toBe(chinese);
    expect(configData('Secret', 'creds', 'default', obj, 1).ariaLabel).toBe(english);
  });

  it.each([
    [{ metadata: { name: 'team-a' }, status: { phase: 'Active' } } as unknown as KubeObject, 'Namespace team-a，阶段 Active', 'Namespace team-a, Active'],
    [{ metadata: { name: 'team-a', deletionTimestamp: 'x' } } as unknown as KubeObject, 'Namespace team-a，阶段 Terminating', 'Namespace team-a, Terminating'],
    [undefined, 'Namespace team-a，未找到', 'Namespace team-a, not found'],
  ])('a namespace box %#', (ns, chinese, english) => {
    expect(namespaceBoxData('team-a', ns, 0, zhT).ariaLabel).toBe(chinese);
    expect(namespaceBoxData('team-a', ns, 0).ariaLabel).toBe(english);
  });

  it('words only "not found" of the picker choices', () => {
    const list = () => [
      { metadata: { name: 'default' }, status: { phase: 'Active' } },
      { metadata: { name: 'team-b' }, status: { phase: 'Terminating' } },
    ] as unknown as KubeObject[];
    expect(namespaceOptions({ list }, 'team-a', zhT).map((o) => o.label)).toEqual(['default', 'team-a（未找到）', 'team-b（Terminating）']);
    expect(namespaceOptions({ list }, 'team-a').map((o) => o.label)).toEqual(['default', 'team-a (not found)', 'team-b (Terminating)']);
  });

  it('words a Service\'s type and address', () => {
    const svc = {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', uid: 's' }, spec: { type: 'ClusterIP', clusterIP: '10.96.0.9' },
    } as unknown as KubeObject;
    const none = { source: 'none' as const, endpoints: [] };
    expect(serviceData(svc, none, zhT).ariaLabel).toBe('Service web，类型 ClusterIP，IP 10.96.0.9');
    expect(serviceData(svc, none).ariaLabel).toBe('Service web, ClusterIP 10.96.0.9');
    const alias = { ...svc, spec: { type: 'ExternalName', externalName: 'db.example.com' } } as KubeObject;
    expect(serviceData(alias, none, zhT).ariaLabel).toBe('Service web，类型 ExternalName，指向 db.example.com');
    expect(serviceData(alias, none).ariaLabel).toBe('Service web, ExternalName db.example.com');
  });
});

const MANIFEST = storageManifest({ configVolume: true });

const edgeText = (g: ClusterGraph, relation: string) =>
  g.edges.filter((e) => e.data?.relation === relation).map((e) => [e.ariaLabel, e.label ?? '']).sort();

describe('storage and config edges from the engine', () => {
  it('words the edges and their labels in Chinese, keeping every name', () => {
    const cluster = createCluster({ seed: 3 });
    expect(cluster.apply(MANIFEST).ok).toBe(true);
    const zh = createGraphProjector({ t: zhT });
    const en = createGraphProjector();
    const early = cluster.at(cluster.steps.length - 1);
    expect(edgeText(zh.project(early), 'storage')).toEqual([
      ['PersistentVolumeClaim data 正在等待 StorageClass standard', '等待中'],
      ['Pod web 使用 PersistentVolumeClaim data（卷 data）', ''],
    ]);
    expect(edgeText(en.project(early), 'storage')).toEqual([
      ['PersistentVolumeClaim data waits for StorageClass standard', 'waits'],
      ['Pod web uses PersistentVolumeClaim data (volume data)', ''],
    ]);

    cluster.advance(30_000);
    const late = cluster.at(cluster.steps.length - 1);
    const pv = cluster.list('PersistentVolume')[0].metadata.name;
    expect(edgeText(zh.project(late), 'storage')).toEqual([
      [`PersistentVolume ${pv} 属于 StorageClass standard`, ''],
      [`PersistentVolumeClaim data 已绑定到 PersistentVolume ${pv}`, '已绑定'],
      ['Pod web 使用 PersistentVolumeClaim data（卷 data）', ''],
    ]);
    expect(edgeText(zh.project(late), 'config')).toEqual([
      ['ConfigMap app-config 为 Pod web 的卷 cfg 提供数据', ''],
      ['ConfigMap app-config 为 Pod web 的容器 app 提供 env MODE', 'env MODE'],
      ['Pod web 的容器 app 的 env TOKEN 所需的 Secret missing-secret 不存在', 'env TOKEN'],
    ]);
    expect(edgeText(en.project(late), 'config')).toEqual([
      ['ConfigMap app-config provides env MODE to container app of Pod web', 'env MODE'],
      ['ConfigMap app-config provides volume cfg of Pod web', ''],
      ['Secret missing-secret is missing for env TOKEN to container app of Pod web', 'env TOKEN'],
    ]);
    const cards = projectGraph(late, {}, { t: zhT }).nodes.filter((n) => n.type === 'storage' || n.type === 'config').map((n) => n.ariaLabel);
    expect(cards).toContain('Secret missing-secret，未找到');
    expect(cards).toContain(`PersistentVolumeClaim data，已绑定到 ${pv}`);
  });
});

describe('the traffic layer in Chinese', () => {
  it('words the rate badges and the failures around the engine\'s reason', () => {
    const served = servedCluster(join(webDeployment(1), webService()), 1);
    const first = served.steps.length;
    served.startTraffic({ service: 'web', ratePerSecond: 4 });
    served.advance(2000);
    const tick = trafficSteps(served, first).at(-1)!;
    const overlay = trafficOverlay(projectGraph(served.at(tick)), served.at(tick), served.steps[tick], zhT);
    expect(overlay.badges.map((b) => b.text)).toEqual(['4 请求/秒']);

    const c = servedCluster(join(webDeployment(1), webService()), 1);
    c.scale('Deployment', 'web', 0);
    runUntil(c, () => c.list('Pod').length === 0 && c.steps.at(-1)!.actor.startsWith('kube-proxy'), 60_000);
    c.advance(2000);
    const later = c.steps.length;
    c.startTraffic({ service: 'web', ratePerSecond: 4, from: { node: 'node-1' } });
    c.advance(2000);
    const t2 = trafficSteps(c, later).at(-1)!;
    const failures = trafficOverlay(projectGraph(c.at(t2)), c.at(t2), c.steps[t2], zhT).failures.map((m) => m.text);
    expect(failures).toEqual(['在 KUBE-SERVICES 处被拒绝：default/web has no endpoints']);
    expect(trafficOverlay(projectGraph(c.at(t2)), c.at(t2), c.steps[t2]).failures.map((m) => m.text))
      .toEqual(['refused at KUBE-SERVICES: default/web has no endpoints']);
  });
});

describe('what the cards show as Kubernetes values', () => {
  it('marks a Job\'s STATUS and a Terminating workload as values, a translated state not', () => {
    const cluster = createCluster({ seed: 2 });
    expect(cluster.apply(`apiVersion: batch/v1
kind: Job
metadata: { name: pi }
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: pi, image: busybox:1.36, command: [sh, -c, 'exit 0'] }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: app, image: nginx:1.27 }] }
`).ok).toBe(true);
    cluster.advance(20_000);
    const g = projectGraph(cluster.at(cluster.steps.length - 1), {}, { t: zhT });
    const job = g.nodes.find((n) => n.data.kind === 'Job')!.data as { status: string; statusIsValue?: boolean };
    const deploy = g.nodes.find((n) => n.data.kind === 'Deployment')!.data as { status: string; statusIsValue?: boolean };
    expect(job).toMatchObject({ status: 'Complete', statusIsValue: true });
    expect(deploy.status).toMatch(CHINESE);
    expect(deploy.statusIsValue).toBeUndefined();
  });

  it('marks a Pod\'s pending reason that the scheduler wrote, not one the UI words', () => {
    const cluster = createCluster({ seed: 4 });
    expect(cluster.apply(`apiVersion: v1
kind: Pod
metadata: { name: big }
spec: { containers: [{ name: app, image: nginx:1.27, resources: { requests: { cpu: '64' } } }] }
---
apiVersion: v1
kind: Pod
metadata: { name: gated }
spec:
  schedulingGates: [{ name: example.com/wait }]
  containers: [{ name: app, image: nginx:1.27 }]
`).ok).toBe(true);
    cluster.advance(5_000);
    const pods = projectGraph(cluster.at(cluster.steps.length - 1), {}, { t: zhT }).nodes.filter((n) => n.type === 'pod');
    const big = pods.find((n) => n.data.kind === 'Pod' && n.data.name === 'big')!.data as { pendingReason?: string; pendingReasonFromCluster?: boolean };
    const gated = pods.find((n) => n.data.kind === 'Pod' && n.data.name === 'gated')!.data as { pendingReason?: string; pendingReasonFromCluster?: boolean };
    expect(big.pendingReason).toMatch(/^0\/\d+ nodes are available/);
    expect(big.pendingReasonFromCluster).toBe(true);
    expect(gated.pendingReason).toBe('正在等待调度门控（scheduling gates）');
    expect(gated.pendingReasonFromCluster).toBeUndefined();
  });
});
