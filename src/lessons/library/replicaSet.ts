import type { Lesson } from '../types';

const REPLICASET = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
spec:
  replicas: 3
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
        - name: php
          image: nginx:1.27
`;

const STRAY_POD = `apiVersion: v1
kind: Pod
metadata:
  name: stray
  labels:
    tier: frontend
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ["sh", "-c", "sleep 3600"]
`;

const frontend = { kind: 'Pod', selector: { tier: 'frontend' } };
const live = (extra: object = {}) => ({ ...frontend, terminating: false, ...extra });
const created = (n: number) => ({ events: { reason: 'SuccessfulCreate', kind: 'ReplicaSet', name: 'frontend' }, equals: n });
/** Three names from generateName (the owner's name, a dash, 5 characters without vowels), as a list reads. */
const GENERATED = 'frontend-[bcdfghjklmnpqrstvwxz2456789]{5}';
const THREE_GENERATED = `^${GENERATED},${GENERATED},${GENERATED}$`;

export const replicaSet: Lesson = {
  id: 'replicaset',
  chapter: 3,
  title: { en: 'ReplicaSet keeps the count', zh: 'ReplicaSet：保持 Pod 数量' },
  summary: {
    en: 'A ReplicaSet counts the Pods its label selector matches and creates or deletes Pods until the count is right — including Pods it did not create.',
    zh: 'ReplicaSet 统计标签选择器匹配到的 Pod，创建或删除 Pod 直到数量正确——包括那些并非由它创建的 Pod。',
  },
  stages: [
    {
      text: {
        en: 'A ReplicaSet has three parts: how many (`replicas`), which Pods count (`selector`), and how to make a new one (`template`).\n\nApply one asking for 3 Pods labelled tier=frontend.',
        zh: 'ReplicaSet 有三个部分：要多少个（`replicas`）、哪些 Pod 算数（`selector`），以及如何创建新 Pod（`template`）。\n\n下面 apply 一个需要 3 个 tier=frontend 标签 Pod 的 ReplicaSet。',
      },
      apply: REPLICASET,
      runUntil: { object: { kind: 'ReplicaSet', name: 'frontend' }, path: 'status.readyReplicas', equals: 3 },
      pause: true,
      predict: {
        question: { en: 'What are the new Pods called?', zh: '新 Pod 叫什么名字？' },
        choices: [
          { en: 'frontend-0, frontend-1, frontend-2', zh: 'frontend-0、frontend-1、frontend-2' },
          { en: 'frontend- followed by 5 random characters, e.g. frontend-x8kzq', zh: 'frontend- 加 5 个随机字符，例如 frontend-x8kzq' },
          { en: 'php, php-1 and php-2, after the container name', zh: '按容器名取名：php、php-1、php-2' },
        ],
        answer: 1,
        check: [
          { values: frontend, path: 'metadata.name', equals: ['frontend-0', 'frontend-1', 'frontend-2'] },
          { values: frontend, path: 'metadata.name', matches: THREE_GENERATED },
          { count: { kind: 'Pod', namePrefix: 'php' }, atLeast: 1 },
        ],
        why: {
          en: 'The ReplicaSet sets generateName: frontend-; the API server appends 5 random characters (no vowels, so no accidental words).',
          zh: 'ReplicaSet 设置了 generateName: frontend-；API server 再追加 5 个随机字符（不含元音，避免意外拼出单词）。',
        },
      },
    },
    {
      text: {
        en: 'One Pod is deleted (`kubectl delete pod` with the first Pod\'s name).\n\nA deleted Pod first shows Terminating while its containers get up to 30 seconds to stop.',
        zh: '删除一个 Pod（对第一个 Pod 执行 `kubectl delete pod`）。\n\n被删除的 Pod 先显示 Terminating，它的容器最多有 30 秒时间退出。',
      },
      commands: [{ type: 'delete', kind: 'Pod', selector: { tier: 'frontend' }, limit: 1 }],
      runUntil: { count: live({ ready: true }), equals: 3 },
      pause: true,
      predict: {
        question: { en: 'When does the ReplicaSet create the replacement?', zh: 'ReplicaSet 什么时候创建替代的 Pod？' },
        choices: [
          { en: 'Only after the old Pod is completely gone', zh: '等旧 Pod 彻底消失之后' },
          { en: 'At once: a terminating Pod no longer counts', zh: '立即创建：正在终止的 Pod 已经不算数了' },
        ],
        answer: 1,
        check: [
          { always: { not: { allOf: [{ count: { ...frontend, terminating: true }, atLeast: 1 }, created(4)] } } },
          { allOf: [created(4), { ever: { allOf: [{ count: { ...frontend, terminating: true }, atLeast: 1 }, created(4)] } }] },
        ],
        why: {
          en: 'The controller counts only active Pods (not terminating, not finished), so it creates the replacement while the old Pod is still shutting down.',
          zh: '控制器只统计活跃的 Pod（未在终止、也未结束），所以在旧 Pod 还在关闭时就创建了替代者。',
        },
      },
    },
    {
      text: {
        en: 'A ReplicaSet does not remember which Pods it created: it counts every Pod its selector matches.\n\nHere a hand-made Pod named stray arrives with the label tier=frontend.',
        zh: 'ReplicaSet 并不记得哪些 Pod 是自己创建的：它统计选择器匹配到的所有 Pod。\n\n现在来了一个手工创建的 Pod，名叫 stray，带着 tier=frontend 标签。',
      },
      apply: STRAY_POD,
      runUntil: { allOf: [{ count: live(), equals: 3 }, { count: { kind: 'Pod', name: 'stray' }, equals: 0 }] },
      pause: true,
      predict: {
        question: { en: 'What happens to stray?', zh: 'stray 会怎样？' },
        choices: [
          { en: 'Nothing: the ReplicaSet only counts Pods it created, so now there are 4', zh: '什么都不会发生：ReplicaSet 只统计自己创建的 Pod，所以现在有 4 个' },
          { en: 'The ReplicaSet adopts it, finds 4 of 3, and deletes one — stray, which is not even scheduled yet', zh: 'ReplicaSet 收养了它，发现 4 个多于 3 个，于是删掉一个——正是还没被调度的 stray' },
          { en: 'The ReplicaSet adopts it and deletes its oldest Pod to make room', zh: 'ReplicaSet 收养了它，并删掉自己最老的 Pod 腾出位置' },
        ],
        answer: 1,
        check: [
          { count: live(), equals: 4 },
          { allOf: [{ count: live(), equals: 3 }, { events: { reason: 'SuccessfulDelete', name: 'frontend', message: 'Deleted pod: stray' }, equals: 1 }] },
          { allOf: [{ count: live(), equals: 3 }, { count: { kind: 'Pod', name: 'stray', terminating: false }, equals: 1 }] },
        ],
        why: {
          en: 'Matching orphans are adopted (an ownerReference is added); to scale down, the controller deletes unscheduled and not-ready Pods first.',
          zh: '匹配的孤儿 Pod 会被收养（加上 ownerReference）；缩容时控制器优先删除未调度、未就绪的 Pod。',
        },
      },
    },
    {
      text: {
        en: 'The ReplicaSet itself is deleted with `--cascade=orphan`: the garbage collector removes the owner but strips the ownerReferences from its Pods instead of deleting them.',
        zh: '用 `--cascade=orphan` 删除 ReplicaSet 本身：垃圾收集器移除属主，但不删除它的 Pod，而是去掉这些 Pod 的 ownerReference。',
      },
      commands: [{ type: 'delete', kind: 'ReplicaSet', name: 'frontend', propagationPolicy: 'Orphan' }],
      runUntil: { count: { kind: 'ReplicaSet', name: 'frontend' }, equals: 0 },
      pause: true,
      predict: {
        question: { en: 'What about the three Pods?', zh: '那三个 Pod 呢？' },
        choices: [
          { en: 'They keep running, now without an owner', zh: '继续运行，只是不再有属主' },
          { en: 'They are deleted with their ReplicaSet', zh: '随 ReplicaSet 一起被删除' },
        ],
        answer: 0,
        check: [
          { allOf: [{ count: live({ ready: true }), equals: 3 }, { values: live(), path: 'metadata.ownerReferences', equals: [undefined, undefined, undefined] }] },
          { count: live(), equals: 0 },
        ],
        why: {
          en: 'Orphan propagation adds the orphan finalizer; the garbage collector releases the dependents, then lets the owner go.',
          zh: 'orphan 级联策略会加上 orphan finalizer；垃圾收集器先释放依赖对象，再让属主被删除。',
        },
      },
    },
    {
      text: {
        en: 'The same ReplicaSet is applied again. Three Pods with the label tier=frontend are already running.',
        zh: '再次 apply 同一个 ReplicaSet。已经有三个带 tier=frontend 标签的 Pod 在运行。',
      },
      apply: REPLICASET,
      runUntil: { object: { kind: 'ReplicaSet', name: 'frontend' }, path: 'status.readyReplicas', equals: 3 },
      pause: true,
      predict: {
        question: { en: 'How many new Pods does the new ReplicaSet create?', zh: '新的 ReplicaSet 会创建多少个新 Pod？' },
        choices: [
          { en: 'Three: a new ReplicaSet starts from zero', zh: '三个：新的 ReplicaSet 从零开始' },
          { en: 'None: it adopts the three orphans, which already match', zh: '一个都不创建：它收养了那三个已经匹配的孤儿 Pod' },
        ],
        answer: 1,
        check: [
          { count: live(), equals: 6 },
          { allOf: [{ count: live({ ownedBy: { kind: 'ReplicaSet', name: 'frontend' } }), equals: 3 }, created(4)] },
        ],
        why: {
          en: 'Ownership follows labels: the controller adopts matching Pods without a controller before it counts, so it has nothing to create.',
          zh: '归属关系由标签决定：控制器在计数前先收养匹配且没有控制者的 Pod，于是无需再创建。',
        },
      },
    },
  ],
};
