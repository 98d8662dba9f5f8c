import type { Lesson } from '../types';

const deployment = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: hello
  template:
    metadata:
      labels:
        app: hello
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          resources:
            requests:
              cpu: 100m
              memory: 64Mi
`;

const hello = { kind: 'Pod', selector: { app: 'hello' } };
const liveReady = (n: number) => ({ count: { ...hello, ready: true, terminating: false }, equals: n });
const created = { events: { reason: 'SuccessfulCreate', kind: 'ReplicaSet' } };

export const declarativeApi: Lesson = {
  id: 'declarative-api',
  chapter: 1,
  title: { en: 'What Kubernetes solves: the declarative API', zh: 'Kubernetes 解决什么问题：声明式 API' },
  summary: {
    en: 'You declare the state you want; controllers keep comparing it with what runs and close the gap — after a failure, and after every change you apply.',
    zh: '你声明想要的状态，控制器不断把它与实际运行的状态比较并消除差距——无论是故障之后，还是你每次 apply 变更之后。',
  },
  stages: [
    {
      text: {
        en: 'Without an orchestrator you would start containers one by one on chosen machines, and restart them yourself when they die.\n\nWith Kubernetes you write down what you want — here a Deployment asking for 3 replicas of nginx — and `kubectl apply` stores it in the API server. Nothing in it says where or how.',
        zh: '没有编排系统时，你得在选定的机器上逐个启动容器，它们挂了还得自己重启。\n\n有了 Kubernetes，你只需写下想要什么——这里是一个要求 3 个 nginx 副本的 Deployment——`kubectl apply` 把它存入 API server。清单里没有写在哪里运行、怎么运行。',
      },
      apply: deployment(3),
      runUntil: { object: { kind: 'Deployment', name: 'hello' }, path: 'status.availableReplicas', equals: 3 },
      pause: true,
      predict: {
        question: { en: 'Once the cluster settles, what runs?', zh: '集群稳定下来之后，运行着什么？' },
        choices: [
          { en: 'Nothing yet: you still have to start the Pods with another command', zh: '什么都没有：还得用另一条命令启动 Pod' },
          { en: 'Three Pods, all on node-1, the first Node', zh: '三个 Pod，都在第一个 Node node-1 上' },
          { en: 'Three Pods, placed on Nodes chosen by the scheduler', zh: '三个 Pod，由调度器为它们挑选 Node' },
        ],
        answer: 2,
        check: [
          { count: hello, equals: 0 },
          { count: { ...hello, fields: { 'spec.nodeName': 'node-1' } }, equals: 3 },
          { allOf: [liveReady(3), { count: { ...hello, fields: { 'spec.nodeName': 'node-1' } }, atMost: 2 }] },
        ],
        why: {
          en: 'Controllers turned the Deployment into a ReplicaSet and three Pods; the scheduler spread them over the Nodes by its scores.',
          zh: '控制器把 Deployment 变成一个 ReplicaSet 和三个 Pod；调度器按打分把它们分散到各个 Node 上。',
        },
      },
    },
    {
      text: {
        en: 'Now something goes wrong: all three Pods are deleted (`kubectl delete pod -l app=hello`), as if their Node had failed.\n\nYou do nothing else.',
        zh: '现在出了问题：三个 Pod 全被删除（`kubectl delete pod -l app=hello`），就像它们所在的 Node 坏掉了一样。\n\n你什么别的都不做。',
      },
      commands: [{ type: 'delete', kind: 'Pod', selector: { app: 'hello' } }],
      runUntil: { allOf: [liveReady(3), { count: { ...hello, terminating: true }, equals: 0 }] },
      pause: true,
      predict: {
        question: { en: 'What do you find once things settle?', zh: '一切稳定下来后，你会看到什么？' },
        choices: [
          { en: 'Three new Pods with new names: the ReplicaSet saw 0 of 3 and created 3', zh: '三个名字不同的新 Pod：ReplicaSet 发现 3 个只剩 0 个，于是创建了 3 个' },
          { en: 'No Pods: deleting them was an order, and the cluster obeys it', zh: '没有 Pod：删除是一道命令，集群照办' },
          { en: 'The same three Pods, restarted on the same Nodes', zh: '同样的三个 Pod，在原来的 Node 上重启' },
        ],
        answer: 0,
        check: [
          { allOf: [liveReady(3), { ...created, equals: 6 }] },
          { count: { ...hello, terminating: false }, equals: 0 },
          { allOf: [liveReady(3), { ...created, equals: 3 }] },
        ],
        why: {
          en: 'The desired state still says 3; the ReplicaSet controller compares it with the Pods it finds and creates new ones — Pods are replaced, never revived.',
          zh: '期望状态仍然是 3；ReplicaSet 控制器把它与找到的 Pod 比较，创建新的 Pod——Pod 只会被替换，不会被复活。',
        },
      },
    },
    {
      text: {
        en: 'To change what runs, change the declaration. The same manifest now says `replicas: 5` and is applied again.\n\n`kubectl apply` sends only the new desired state; it does not say what to do about it.',
        zh: '要改变运行的东西，就修改声明。同一份清单现在写着 `replicas: 5`，再 apply 一次。\n\n`kubectl apply` 只发送新的期望状态，并不说该怎么做。',
      },
      apply: deployment(5),
      runUntil: { object: { kind: 'Deployment', name: 'hello' }, path: 'status.availableReplicas', equals: 5 },
      pause: true,
      predict: {
        question: { en: 'How does the cluster get from 3 to 5?', zh: '集群如何从 3 个变成 5 个？' },
        choices: [
          { en: 'It replaces all Pods: 3 deleted, 5 created in a new ReplicaSet', zh: '全部替换：删除 3 个，在新的 ReplicaSet 里创建 5 个' },
          { en: 'It keeps the 3 running Pods and adds 2 in the same ReplicaSet', zh: '保留正在运行的 3 个，在同一个 ReplicaSet 里再加 2 个' },
        ],
        answer: 1,
        check: [
          { count: { kind: 'ReplicaSet', selector: { app: 'hello' } }, atLeast: 2 },
          {
            allOf: [
              { count: { kind: 'ReplicaSet', selector: { app: 'hello' } }, equals: 1 },
              { ...created, equals: 8 },
              { events: { reason: 'SuccessfulDelete', kind: 'ReplicaSet' }, equals: 0 },
            ],
          },
        ],
        why: {
          en: 'Only the replica count changed, not the Pod template, so the Deployment scales its one ReplicaSet; controllers act on the difference.',
          zh: '只改了副本数，没改 Pod 模板，所以 Deployment 只是扩容它唯一的 ReplicaSet；控制器只针对差异采取行动。',
        },
      },
    },
  ],
};
