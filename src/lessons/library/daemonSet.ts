import type { Condition, Lesson } from '../types';

const DAEMONSET = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  selector:
    matchLabels:
      app: node-agent
  template:
    metadata:
      labels:
        app: node-agent
    spec:
      containers:
        - name: agent
          image: fluent/fluent-bit:3.2
          resources:
            requests:
              cpu: 50m
              memory: 64Mi
`;

const NEW_NODE = `apiVersion: v1
kind: Node
metadata:
  name: node-4
  labels:
    kubernetes.io/hostname: node-4
`;

const TAINTED_NODE = `apiVersion: v1
kind: Node
metadata:
  name: gpu-1
  labels:
    kubernetes.io/hostname: gpu-1
spec:
  taints:
    - key: dedicated
      value: gpu
      effect: NoSchedule
`;

const agents = { kind: 'Pod', selector: { app: 'node-agent' }, terminating: false };
const on = (node: string, n: number): Condition => ({ count: { ...agents, fields: { 'spec.nodeName': node } }, equals: n });
const ds = { kind: 'DaemonSet', name: 'node-agent' };

export const daemonSet: Lesson = {
  id: 'daemonset',
  chapter: 10,
  title: { en: 'DaemonSet: one Pod per Node', zh: 'DaemonSet：每个 Node 一个 Pod' },
  summary: {
    en: 'A DaemonSet runs one copy of a Pod on every eligible Node — log shippers, node agents, kube-proxy itself — and follows Nodes as they join.',
    zh: 'DaemonSet 在每个符合条件的 Node 上运行一份 Pod——日志收集器、节点代理，甚至 kube-proxy 本身——并随 Node 的加入自动跟进。',
  },
  stages: [
    {
      text: {
        en: 'Some software belongs on every machine: a log shipper, a monitoring agent. A DaemonSet has no replicas field; the Nodes decide how many Pods it runs.\n\nThis one runs fluent-bit.',
        zh: '有些软件每台机器上都该有：日志收集器、监控代理。DaemonSet 没有 replicas 字段；运行多少个 Pod 由 Node 决定。\n\n这个 DaemonSet 运行 fluent-bit。',
      },
      apply: DAEMONSET,
      runUntil: { object: ds, path: 'status.numberReady', equals: 3 },
      pause: true,
      predict: {
        question: { en: 'The cluster has 3 Nodes. Where do the Pods run?', zh: '集群有 3 个 Node。这些 Pod 运行在哪里？' },
        choices: [
          { en: 'One Pod, on the least loaded Node', zh: '一个 Pod，在负载最低的 Node 上' },
          { en: 'Exactly one on each Node', zh: '每个 Node 上正好一个' },
          { en: 'Three Pods wherever the scheduler likes, possibly two on one Node', zh: '三个 Pod，调度器想放哪就放哪，可能一个 Node 上有两个' },
        ],
        answer: 1,
        check: [
          { count: agents, equals: 1 },
          { allOf: [on('node-1', 1), on('node-2', 1), on('node-3', 1)] },
          { allOf: [{ count: agents, equals: 3 }, { not: { allOf: [on('node-1', 1), on('node-2', 1), on('node-3', 1)] } }] },
        ],
        why: {
          en: 'The DaemonSet controller creates one Pod per eligible Node, pinned there with required node affinity on metadata.name; the default scheduler binds it.',
          zh: 'DaemonSet 控制器为每个符合条件的 Node 创建一个 Pod，并用针对 metadata.name 的必需节点亲和性把它固定在那里；由默认调度器完成绑定。',
        },
      },
    },
    {
      text: {
        en: 'A fourth Node, node-4, joins the cluster. A new Node carries the taint node.kubernetes.io/not-ready until its kubelet reports Ready.',
        zh: '第四个 Node node-4 加入集群。新 Node 在其 kubelet 报告 Ready 之前带有污点 node.kubernetes.io/not-ready。',
      },
      apply: NEW_NODE,
      runUntil: { ms: 60_000 },
      pause: true,
      predict: {
        question: { en: 'What does the DaemonSet do about node-4?', zh: 'DaemonSet 会对 node-4 做什么？' },
        choices: [
          { en: 'Nothing until you apply the DaemonSet again', zh: '什么都不做，除非你再 apply 一次 DaemonSet' },
          { en: 'It moves one of its three Pods there', zh: '把三个 Pod 中的一个挪过去' },
          { en: 'It creates a fourth Pod on node-4 by itself', zh: '自动在 node-4 上创建第四个 Pod' },
        ],
        answer: 2,
        check: [
          { allOf: [{ count: agents, equals: 3 }, on('node-4', 0), on('node-1', 1), on('node-2', 1), on('node-3', 1)] },
          { allOf: [{ count: agents, equals: 3 }, on('node-4', 1)] },
          { allOf: [{ count: agents, equals: 4 }, on('node-4', 1), { object: ds, path: 'status.numberReady', equals: 4 }] },
        ],
        why: {
          en: 'The controller watches Nodes: once node-4 is Ready (its not-ready taint gone), it is eligible and gets its Pod — nobody re-applies anything.',
          zh: '控制器监视 Node：一旦 node-4 变为 Ready（not-ready 污点被移除），它就符合条件并得到自己的 Pod——无需任何人重新 apply。',
        },
      },
    },
    {
      text: {
        en: 'Another Node, gpu-1, joins — reserved for GPU work with the taint dedicated=gpu:NoSchedule. The DaemonSet has no toleration for it.',
        zh: '又一个 Node gpu-1 加入——它专门留给 GPU 任务，带有污点 dedicated=gpu:NoSchedule。DaemonSet 没有对应的容忍。',
      },
      apply: TAINTED_NODE,
      runUntil: { ms: 60_000 },
      pause: true,
      predict: {
        question: { en: 'Does node-agent run on gpu-1?', zh: 'node-agent 会在 gpu-1 上运行吗？' },
        choices: [
          { en: 'Yes: DaemonSets ignore taints', zh: '会：DaemonSet 无视污点' },
          { en: 'No: a DaemonSet only runs where its Pods tolerate the Node\'s taints', zh: '不会：DaemonSet 只在其 Pod 能容忍 Node 污点的地方运行' },
        ],
        answer: 1,
        check: [
          on('gpu-1', 1),
          { allOf: [on('gpu-1', 0), { count: agents, equals: 4 }, { object: ds, path: 'status.desiredNumberScheduled', equals: 4 }] },
        ],
        why: {
          en: 'Daemon Pods get tolerations only for node conditions (not-ready, unreachable, pressure, unschedulable); any other NoSchedule taint makes the Node ineligible.',
          zh: '守护进程 Pod 只自动获得针对节点状况的容忍（not-ready、unreachable、各种 pressure、unschedulable）；其他 NoSchedule 污点会让该 Node 不符合条件。',
        },
      },
    },
  ],
};
