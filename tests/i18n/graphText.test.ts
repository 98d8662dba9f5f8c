/**
 * The graph projection in both languages: English exactly as before (browser tests depend on it),
 * Chinese words around the Kubernetes values, and one projector per language.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_MANIFEST } from '../../src/demo/demoManifest';
import { createCluster } from '../../src/engine/index';
import { containerStateText } from '../../src/graph/containerView';
import { podAriaLabel } from '../../src/graph/podView';
import { createGraphProjector, projectGraph } from '../../src/graph/projectGraph';
import { podMounts } from '../../src/graph/storageMounts';
import type { ClusterGraph } from '../../src/graph/types';
import { englishT, translator } from '../../src/i18n/translate';

const zhT = translator('zh-CN');

describe('accessible names of Pods', () => {
  it.each([
    ['web-x', 'Running', 'Running', '1/1', 'Pod web-x, Running, ready 1/1', 'Pod web-x，Running，就绪 1/1'],
    ['web-y', 'Pending', 'ContainerCreating', '0/1', 'Pod web-y, Pending, ContainerCreating, ready 0/1', 'Pod web-y，Pending，ContainerCreating，就绪 0/1'],
    ['job-z', 'Running', 'CrashLoopBackOff', '0/2', 'Pod job-z, Running, CrashLoopBackOff, ready 0/2', 'Pod job-z，Running，CrashLoopBackOff，就绪 0/2'],
  ])('%s %s/%s', (name, phase, status, ready, english, chinese) => {
    expect(podAriaLabel(name, phase, status, ready)).toBe(english);
    expect(podAriaLabel(name, phase, status, ready, englishT)).toBe(english);
    expect(podAriaLabel(name, phase, status, ready, zhT)).toBe(chinese);
  });

  it.each([
    ['running', undefined, 'running', '运行中'],
    ['waiting', 'ContainerCreating', 'waiting: ContainerCreating', '等待中：ContainerCreating'],
    ['terminated', 'Completed', 'terminated: Completed', '已终止：Completed'],
    ['waiting', undefined, 'waiting', '等待中'],
  ] as const)('container state %s %s', (state, reason, english, chinese) => {
    expect(containerStateText(state, reason)).toBe(english);
    expect(containerStateText(state, reason, zhT)).toBe(chinese);
  });
});

describe('volume rows', () => {
  const pod = {
    initContainers: [],
    containers: [{ name: 'app' }, { name: 'sidecar' }],
    volumes: [{ name: 'data', source: 'emptyDir', mounts: [{ container: 'app', path: '/data', readOnly: false }, { container: 'sidecar', path: '/in', readOnly: true }] }],
  } as unknown as Parameters<typeof podMounts>[0];

  it('names volumes and mounts in the language given', () => {
    expect(podMounts(pod).volumes[0].ariaLabel).toBe('volume data (emptyDir), mounted by 2 containers');
    expect(podMounts(pod).lines[1].ariaLabel).toBe('volume data mounted by container sidecar at /in, read-only');
    expect(podMounts(pod, zhT).volumes[0].ariaLabel).toBe('卷 data（emptyDir），被 2 个容器挂载');
    expect(podMounts(pod, zhT).lines[1].ariaLabel).toBe('卷 data 由容器 sidecar 挂载于 /in，只读');
  });
});

function demoView() {
  const cluster = createCluster({ seed: 3 });
  expect(cluster.apply(DEMO_MANIFEST).ok).toBe(true);
  const ready = () => (cluster.get('Deployment', 'web') as { status?: { readyReplicas?: number } } | undefined)?.status?.readyReplicas;
  for (let i = 0; i < 2000 && ready() !== 3; i++) cluster.step();
  expect(ready()).toBe(3);
  return cluster.at(cluster.steps.length - 1);
}

const labels = (g: ClusterGraph) => g.nodes.map((n) => n.ariaLabel).concat(g.edges.map((e) => e.ariaLabel ?? ''));

describe('the demo cluster, projected in each language', () => {
  const view = demoView();
  const english = projectGraph(view);
  const chinese = projectGraph(view, {}, { t: zhT });

  it('keeps the English names exactly', () => {
    expect(labels(projectGraph(view, {}, { t: englishT }))).toEqual(labels(english));
    expect(labels(english)).toContain('Deployment web, 3/3 ready');
    expect(labels(english).filter((l) => /^Pod web-\S+, Running, ready 1\/1, rev 1$/.test(l))).toHaveLength(3);
    expect(labels(english)).toContain('Unscheduled');
    expect(labels(english).some((l) => /^Deployment web owns ReplicaSet web-\S+$/.test(l))).toBe(true);
    expect(labels(english).some((l) => /^Service web routes to Pod web-\S+, ready$/.test(l))).toBe(true);
  });

  it('words the same graph in Chinese, keeping names, phases and kinds', () => {
    const zh = labels(chinese);
    expect(zh).toContain('Deployment web，3/3 就绪');
    expect(zh.filter((l) => /^Pod web-\S+，Running，就绪 1\/1，修订 1$/.test(l))).toHaveLength(3);
    expect(zh).toContain('未调度');
    expect(zh.some((l) => /^Deployment web 拥有 ReplicaSet web-\S+$/.test(l))).toBe(true);
    expect(zh.some((l) => /^Service web 将流量转发到 Pod web-\S+，就绪$/.test(l))).toBe(true);
    const rs = chinese.nodes.find((n) => n.data.kind === 'ReplicaSet');
    expect(rs?.ariaLabel).toMatch(/^ReplicaSet web-\S+，3 个中 3 个就绪$/);
  });

  it('changes only the words: the same nodes, edges and places', () => {
    expect(chinese.nodes.map((n) => [n.id, n.position, n.width, n.height])).toEqual(english.nodes.map((n) => [n.id, n.position, n.width, n.height]));
    expect(chinese.edges.map((e) => e.id)).toEqual(english.edges.map((e) => e.id));
  });

  it('a projector keeps its language across snapshots', () => {
    const projector = createGraphProjector({ t: zhT });
    projector.project(view);
    expect(labels(projector.project(view))).toEqual(labels(chinese));
  });
});
