import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { expectFailure, expectSuccess, makeNode, makePod, podWith, run } from './fixtures';

const antiAffinity = (app: string, topologyKey = 'kubernetes.io/hostname') => ({
  podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app } }, topologyKey }] },
});
const affinity = (app: string, topologyKey = 'kubernetes.io/hostname') => ({
  podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app } }, topologyKey }] },
});
const nodeAffinityTerm = (expr: { key: string; operator: string; values?: string[] }) => ({
  nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [expr] }] } },
});

interface Case {
  name: string;
  node: Node;
  pod: Pod;
  existing?: Pod[];
  /** the node's reasons; [] when the pod fits */
  reasons: string[];
}

const n1 = (o: Parameters<typeof makeNode>[1] = {}) => makeNode('node-1', o);
const bound = (pod: Pod): Pod => ({ ...pod, spec: { ...pod.spec!, nodeName: 'node-1' } });

const cases: Case[] = [
  { name: 'cordoned node', node: n1({ unschedulable: true }), pod: makePod('p'), reasons: ['node(s) were unschedulable'] },
  {
    name: 'cordoned node, tolerated',
    node: n1({ unschedulable: true }),
    pod: makePod('p', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }),
    reasons: [],
  },
  {
    name: 'cordon is reported before taints (first failing plugin only)',
    node: n1({ unschedulable: true, taints: [{ key: 'a', value: 'b', effect: 'NoSchedule' }] }),
    pod: makePod('p'),
    reasons: ['node(s) were unschedulable'],
  },
  { name: 'another node named', node: n1(), pod: makePod('p', { nodeName: 'node-2' }), reasons: ["node(s) didn't match the requested node name"] },
  {
    name: 'NoSchedule taint with a value',
    node: n1({ taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }),
    pod: makePod('p'),
    reasons: ['node(s) had untolerated taint {dedicated: gpu}'],
  },
  {
    name: 'NoExecute taint without a value',
    node: n1({ taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }] }),
    pod: makePod('p'),
    reasons: ['node(s) had untolerated taint {node.kubernetes.io/not-ready: }'],
  },
  {
    name: 'the first untolerated taint is reported',
    node: n1({ taints: [{ key: 'a', value: '1', effect: 'NoSchedule' }, { key: 'b', value: '2', effect: 'NoSchedule' }] }),
    pod: makePod('p', { tolerations: [{ key: 'a', operator: 'Equal', value: '1' }] }),
    reasons: ['node(s) had untolerated taint {b: 2}'],
  },
  { name: 'PreferNoSchedule does not filter', node: n1({ taints: [{ key: 'x', effect: 'PreferNoSchedule' }] }), pod: makePod('p'), reasons: [] },
  {
    name: 'a toleration with the wrong value',
    node: n1({ taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }),
    pod: makePod('p', { tolerations: [{ key: 'dedicated', value: 'cpu', effect: 'NoSchedule' }] }),
    reasons: ['node(s) had untolerated taint {dedicated: gpu}'],
  },
  {
    name: 'an empty-key Exists toleration tolerates everything',
    node: n1({ taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }] }),
    pod: makePod('p', { tolerations: [{ operator: 'Exists' }] }),
    reasons: [],
  },
  { name: 'nodeSelector mismatch', node: n1(), pod: makePod('p', { nodeSelector: { disktype: 'ssd' } }), reasons: ["node(s) didn't match Pod's node affinity/selector"] },
  { name: 'nodeSelector match', node: n1({ labels: { disktype: 'ssd' } }), pod: makePod('p', { nodeSelector: { disktype: 'ssd' } }), reasons: [] },
  { name: 'affinity In', node: n1({ labels: { zone: 'a' } }), pod: makePod('p', { affinity: nodeAffinityTerm({ key: 'zone', operator: 'In', values: ['b', 'c'] }) }), reasons: ["node(s) didn't match Pod's node affinity/selector"] },
  { name: 'affinity NotIn with the label absent', node: n1(), pod: makePod('p', { affinity: nodeAffinityTerm({ key: 'zone', operator: 'NotIn', values: ['a'] }) }), reasons: [] },
  { name: 'affinity Exists', node: n1(), pod: makePod('p', { affinity: nodeAffinityTerm({ key: 'gpu', operator: 'Exists' }) }), reasons: ["node(s) didn't match Pod's node affinity/selector"] },
  { name: 'affinity DoesNotExist', node: n1({ labels: { gpu: 'true' } }), pod: makePod('p', { affinity: nodeAffinityTerm({ key: 'gpu', operator: 'DoesNotExist' }) }), reasons: ["node(s) didn't match Pod's node affinity/selector"] },
  { name: 'affinity Gt', node: n1({ labels: { cores: '16' } }), pod: makePod('p', { affinity: nodeAffinityTerm({ key: 'cores', operator: 'Gt', values: ['8'] }) }), reasons: [] },
  { name: 'affinity Lt', node: n1({ labels: { cores: '16' } }), pod: makePod('p', { affinity: nodeAffinityTerm({ key: 'cores', operator: 'Lt', values: ['8'] }) }), reasons: ["node(s) didn't match Pod's node affinity/selector"] },
  {
    name: 'affinity matchFields metadata.name',
    node: n1(),
    pod: makePod('p', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['node-1'] }] }] } } } }),
    reasons: ["node(s) didn't match Pod's node affinity/selector"],
  },
  {
    name: 'host port taken',
    node: n1(),
    pod: makePod('p', { containers: [{ name: 'a', ports: [{ containerPort: 80, hostPort: 8080 }] }] }),
    existing: [bound(makePod('q', { containers: [{ name: 'a', ports: [{ containerPort: 80, hostPort: 8080 }] }] }))],
    reasons: ["node(s) didn't have free ports for the requested pod ports"],
  },
  {
    name: 'same host port, other protocol',
    node: n1(),
    pod: makePod('p', { containers: [{ name: 'a', ports: [{ containerPort: 53, hostPort: 53, protocol: 'UDP' }] }] }),
    existing: [bound(makePod('q', { containers: [{ name: 'a', ports: [{ containerPort: 53, hostPort: 53 }] }] }))],
    reasons: [],
  },
  {
    name: 'a specific host IP conflicts with 0.0.0.0',
    node: n1(),
    pod: makePod('p', { containers: [{ name: 'a', ports: [{ containerPort: 80, hostPort: 80, hostIP: '10.0.0.1' }] }] }),
    existing: [bound(makePod('q', { containers: [{ name: 'a', ports: [{ containerPort: 80, hostPort: 80 }] }] }))],
    reasons: ["node(s) didn't have free ports for the requested pod ports"],
  },
  {
    name: 'two different host IPs do not conflict',
    node: n1(),
    pod: makePod('p', { containers: [{ name: 'a', ports: [{ containerPort: 80, hostPort: 80, hostIP: '10.0.0.1' }] }] }),
    existing: [bound(makePod('q', { containers: [{ name: 'a', ports: [{ containerPort: 80, hostPort: 80, hostIP: '10.0.0.2' }] }] }))],
    reasons: [],
  },
  { name: 'cpu and memory both short', node: n1({ cpu: '1', memory: '1Gi' }), pod: podWith('p', { cpu: '2', memory: '2Gi' }), reasons: ['Insufficient cpu', 'Insufficient memory'] },
  {
    name: 'requests of bound pods count, terminating ones too',
    node: n1({ cpu: '2' }),
    pod: podWith('p', { cpu: '1' }),
    existing: [
      bound(podWith('a', { cpu: '600m' })),
      { ...bound(podWith('b', { cpu: '600m' })), metadata: { name: 'b', namespace: 'default', deletionTimestamp: '2024-01-01T00:00:00Z' } },
    ],
    reasons: ['Insufficient cpu'],
  },
  {
    name: 'finished pods free their requests',
    node: n1({ cpu: '2' }),
    pod: podWith('p', { cpu: '1500m' }),
    existing: [{ ...bound(podWith('done', { cpu: '1' })), status: { phase: 'Succeeded' } }],
    reasons: [],
  },
  { name: 'ephemeral-storage', node: n1(), pod: podWith('p', { 'ephemeral-storage': '1Gi' }), reasons: ['Insufficient ephemeral-storage'] },
  { name: 'an extended resource', node: n1(), pod: podWith('p', { 'example.com/gpu': '1' }), reasons: ['Insufficient example.com/gpu'] },
  { name: 'Too many pods', node: n1({ pods: '1' }), pod: makePod('p'), existing: [bound(makePod('q'))], reasons: ['Too many pods'] },
  {
    name: 'pod affinity with no matching pod elsewhere but matching itself',
    node: n1(),
    pod: makePod('p', { affinity: affinity('web') }, { app: 'web' }),
    reasons: [],
  },
  {
    name: 'pod affinity to pods that are not there',
    node: n1(),
    pod: makePod('p', { affinity: affinity('db') }, { app: 'web' }),
    reasons: ["node(s) didn't match pod affinity rules"],
  },
  {
    name: 'pod anti-affinity to a pod on the node',
    node: n1(),
    pod: makePod('p', { affinity: antiAffinity('web') }, { app: 'web' }),
    existing: [bound(makePod('q', {}, { app: 'web' }))],
    reasons: ["node(s) didn't match pod anti-affinity rules"],
  },
  {
    name: "an existing pod's anti-affinity",
    node: n1(),
    pod: makePod('p', {}, { app: 'web' }),
    existing: [bound(makePod('q', { affinity: antiAffinity('web') }, { app: 'cache' }))],
    reasons: ["node(s) didn't satisfy existing pods anti-affinity rules"],
  },
  {
    name: 'anti-affinity in another namespace does not apply',
    node: n1(),
    pod: makePod('p', { affinity: antiAffinity('web') }, { app: 'web' }),
    existing: [{ ...bound(makePod('q', {}, { app: 'web' })), metadata: { name: 'q', namespace: 'other', labels: { app: 'web' } } }],
    reasons: [],
  },
  {
    name: 'anti-affinity with an empty namespaceSelector applies to every namespace',
    node: n1(),
    pod: makePod('p', { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [
      { labelSelector: { matchLabels: { app: 'web' } }, namespaceSelector: {}, topologyKey: 'kubernetes.io/hostname' }] } } }, { app: 'web' }),
    existing: [{ ...bound(makePod('q', {}, { app: 'web' })), metadata: { name: 'q', namespace: 'other', labels: { app: 'web' } } }],
    reasons: ["node(s) didn't match pod anti-affinity rules"],
  },
  {
    name: 'affinity by namespace labels (kubernetes.io/metadata.name)',
    node: n1(),
    pod: makePod('p', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{
      labelSelector: { matchLabels: { app: 'db' } },
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'data' } },
      topologyKey: 'kubernetes.io/hostname',
    }] } } }),
    existing: [{ ...bound(makePod('db', {}, { app: 'db' })), metadata: { name: 'db', namespace: 'data', labels: { app: 'db' } } }],
    reasons: [],
  },
  {
    name: 'spread constraint on a node without the topology label',
    node: n1(),
    pod: makePod('p', { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] }, { app: 'web' }),
    reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"],
  },
];

describe('filter reasons', () => {
  it.each(cases)('$name', ({ node, pod, existing, reasons }) => {
    const result = run(pod, [node], existing ?? []);
    if (!reasons.length) {
      expect(expectSuccess(result).node).toBe('node-1');
    } else {
      expect(expectFailure(result).reasons).toEqual({ 'node-1': reasons });
    }
  });
});

describe('PodTopologySpread filter', () => {
  const zoned = ['a', 'a', 'b'].map((z, i) => makeNode(`node-${i + 1}`, { labels: { 'topology.kubernetes.io/zone': z } }));
  const spread = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] };
  const web = (name: string, nodeName: string) => makePod(name, { nodeName }, { app: 'web' });

  it('keeps the skew between zones within maxSkew', () => {
    // zone a holds 2 matching pods, zone b 1: a third in zone a would make the skew 2
    const result = run(makePod('new', spread, { app: 'web' }), zoned, [web('w1', 'node-1'), web('w2', 'node-2'), web('w3', 'node-3')]);
    expect(expectSuccess(result).node).toBe('node-3');
    const blocked = run(makePod('new', spread, { app: 'web' }), zoned, [web('w1', 'node-1'), web('w2', 'node-2')]);
    expect(expectSuccess(blocked).node).toBe('node-3');
  });

  it('counts only the nodes the pod may use (nodeAffinityPolicy Honor), unless told to Ignore', () => {
    const zoneA = { nodeSelector: { 'topology.kubernetes.io/zone': 'a' } };
    // Honor (default): zone b is not an eligible domain, so zone a is the minimum itself
    const honored = run(makePod('new', { ...spread, ...zoneA }, { app: 'web' }), zoned, [web('w1', 'node-1')]);
    expect(['node-1', 'node-2']).toContain(expectSuccess(honored).node);
    // Ignore: empty zone b (0 pods) is the global minimum, so zone a (1 pod) would reach skew 2
    const ignoring = { topologySpreadConstraints: [{ ...spread.topologySpreadConstraints[0], nodeAffinityPolicy: 'Ignore' }] };
    const result = expectFailure(run(makePod('new', { ...ignoring, ...zoneA }, { app: 'web' }), zoned, [web('w1', 'node-1')]));
    expect(result.message).toBe("0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 node(s) didn't match pod topology spread constraints. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.");
  });

  it('treats the global minimum as 0 while there are fewer domains than minDomains', () => {
    const twoZones = { topologySpreadConstraints: [{ ...spread.topologySpreadConstraints[0], minDomains: 3 }] };
    // zones a (1 pod) and b (1 pod): with minDomains 3 the minimum is 0, so a second pod anywhere makes skew 2
    const result = expectFailure(run(makePod('new', twoZones, { app: 'web' }), zoned, [web('w1', 'node-1'), web('w3', 'node-3')]));
    expect(result.reasons['node-2']).toEqual(["node(s) didn't match pod topology spread constraints"]);
  });
});
