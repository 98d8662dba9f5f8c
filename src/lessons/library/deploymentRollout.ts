import type { Condition, Lesson } from '../types';

const deployment = (image: string, strategy = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4${strategy}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: ${image}
`;

const NO_SURGE = `
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 0
      maxUnavailable: 2`;

const web = { kind: 'Deployment', name: 'web' };
const livePods = (n: number, cmp: 'equals' | 'atMost' | 'atLeast' = 'equals'): Condition =>
  ({ count: { kind: 'Pod', selector: { app: 'web' }, terminating: false }, [cmp]: n });
const available = (cmp: 'equals' | 'atMost' | 'atLeast', n: number): Condition => ({ object: web, path: 'status.availableReplicas', [cmp]: n });

/** `kubectl rollout status` says "successfully rolled out". */
const rolledOut: Condition = {
  allOf: [
    { object: web, path: 'status.observedGeneration', sameAs: { object: web, path: 'metadata.generation' } },
    { object: web, path: 'status.updatedReplicas', equals: 4 },
    { object: web, path: 'status.replicas', equals: 4 },
    available('equals', 4),
  ],
};

const rsOfImage = (image: string) => ({ kind: 'ReplicaSet', selector: { app: 'web' }, fields: { 'spec.template.spec.containers[0].image': image } });
const REVISION = 'metadata.annotations["deployment.kubernetes.io/revision"]';

export const deploymentRollout: Lesson = {
  id: 'deployment-rollout',
  chapter: 4,
  title: { en: 'Deployment: rolling update, maxSurge/maxUnavailable, rollback', zh: 'Deployment：滚动更新、maxSurge/maxUnavailable 与回滚' },
  summary: {
    en: 'A Deployment changes Pods by moving replicas from an old ReplicaSet to a new one, within the bounds maxSurge and maxUnavailable set; a rollback reuses an old ReplicaSet.',
    zh: 'Deployment 通过把副本从旧 ReplicaSet 挪到新 ReplicaSet 来更新 Pod，过程受 maxSurge 和 maxUnavailable 约束；回滚会复用旧的 ReplicaSet。',
  },
  stages: [
    {
      text: {
        en: 'A Deployment with 4 replicas of nginx:1.26. It does not create Pods itself.',
        zh: '一个有 4 个 nginx:1.26 副本的 Deployment。它自己并不直接创建 Pod。',
      },
      apply: deployment('nginx:1.26'),
      runUntil: rolledOut,
      pause: true,
      predict: {
        question: { en: 'Who owns the four Pods?', zh: '这四个 Pod 的属主是谁？' },
        choices: [
          { en: 'The Deployment web, directly', zh: 'Deployment web，直接拥有' },
          { en: 'A ReplicaSet named web-<template hash>, which the Deployment owns', zh: '一个名为 web-<模板哈希> 的 ReplicaSet，它又属于 Deployment' },
        ],
        answer: 1,
        check: [
          { count: { kind: 'Pod', ownedBy: { kind: 'Deployment', name: 'web' } }, equals: 4 },
          {
            allOf: [
              { count: { kind: 'Pod', selector: { app: 'web' }, ownedBy: { kind: 'ReplicaSet' } }, equals: 4 },
              { count: { kind: 'ReplicaSet', namePrefix: 'web-', ownedBy: { kind: 'Deployment', name: 'web' } }, equals: 1 },
            ],
          },
        ],
        why: {
          en: 'Deployment → ReplicaSet → Pod: the ReplicaSet name carries the pod-template-hash, one ReplicaSet per version of the template.',
          zh: 'Deployment → ReplicaSet → Pod：ReplicaSet 的名字带着 pod-template-hash，每个模板版本对应一个 ReplicaSet。',
        },
      },
    },
    {
      text: {
        en: 'Now the image changes to nginx:1.27. The strategy is the default RollingUpdate with maxSurge 25% and maxUnavailable 25%.\n\nFor 4 replicas: maxSurge rounds up to 1 extra Pod; maxUnavailable rounds down to 1.',
        zh: '现在把镜像改为 nginx:1.27。策略是默认的 RollingUpdate：maxSurge 25%，maxUnavailable 25%。\n\n对 4 个副本而言：maxSurge 向上取整为多出 1 个 Pod；maxUnavailable 向下取整为 1 个。',
      },
      apply: deployment('nginx:1.27'),
      runUntil: rolledOut,
      pause: true,
      predict: {
        question: { en: 'During the rollout, at most how many Pods (not counting terminating ones) exist at once?', zh: '滚动更新过程中，同时存在的 Pod（不计正在终止的）最多有几个？' },
        choices: [
          { en: '4: an old Pod must go before each new one starts', zh: '4 个：每启动一个新 Pod 之前必须先删一个旧的' },
          { en: '8: all new Pods start before any old one stops', zh: '8 个：所有新 Pod 启动后才停止旧的' },
          { en: '5: replicas + maxSurge', zh: '5 个：replicas + maxSurge' },
        ],
        answer: 2,
        check: [
          { always: livePods(4, 'atMost') },
          { ever: livePods(8) },
          { allOf: [{ ever: livePods(5) }, { always: livePods(5, 'atMost') }] },
        ],
        why: {
          en: 'The new ReplicaSet may grow while the total stays ≤ replicas + maxSurge = 5; old Pods go only while ≥ replicas − maxUnavailable = 3 stay available.',
          zh: '新 ReplicaSet 可以扩容，只要总数 ≤ replicas + maxSurge = 5；旧 Pod 只在可用数 ≥ replicas − maxUnavailable = 3 时才被删除。',
        },
      },
    },
    {
      text: {
        en: 'Next version, nginx:1.28, with a different strategy: maxSurge 0 (never more than 4 Pods) and maxUnavailable 2.',
        zh: '下一个版本 nginx:1.28，换一种策略：maxSurge 0（Pod 永远不超过 4 个），maxUnavailable 2。',
      },
      apply: deployment('nginx:1.28', NO_SURGE),
      runUntil: rolledOut,
      pause: true,
      predict: {
        question: { en: 'What is the lowest number of available Pods during this rollout?', zh: '这次滚动更新中，可用 Pod 最少降到几个？' },
        choices: [
          { en: '4: a rolling update never lowers availability', zh: '4 个：滚动更新从不降低可用性' },
          { en: '2: replicas − maxUnavailable', zh: '2 个：replicas − maxUnavailable' },
          { en: '0: with no surge, all old Pods stop first', zh: '0 个：不允许超额时，旧 Pod 会先全部停止' },
        ],
        answer: 1,
        check: [
          { always: available('atLeast', 4) },
          { allOf: [{ ever: available('equals', 2) }, { always: available('atLeast', 2) }] },
          { ever: available('equals', 0) },
        ],
        why: {
          en: 'With no room to surge, the controller first scales the old ReplicaSet down by maxUnavailable (2), then fills up with new Pods.',
          zh: '没有超额空间时，控制器先把旧 ReplicaSet 缩掉 maxUnavailable（2）个，再用新 Pod 补齐。',
        },
      },
    },
    {
      text: {
        en: 'nginx:1.28 turns out to be a mistake. `kubectl rollout undo` returns to the previous revision.\n\nThree ReplicaSets exist now, one per image; the old ones are kept at 0 replicas as history (revisionHistoryLimit 10).',
        zh: '结果发现 nginx:1.28 有问题。`kubectl rollout undo` 回到上一个版本。\n\n现在有三个 ReplicaSet，每个镜像一个；旧的保持 0 副本，作为历史记录保留（revisionHistoryLimit 10）。',
      },
      commands: [{ type: 'rollout', action: 'undo', kind: 'Deployment', name: 'web' }],
      runUntil: rolledOut,
      pause: true,
      predict: {
        question: { en: 'What does the undo do?', zh: 'undo 做了什么？' },
        choices: [
          { en: 'Creates a fourth ReplicaSet with nginx:1.27', zh: '为 nginx:1.27 新建第四个 ReplicaSet' },
          { en: 'Goes back to revision 1 (nginx:1.26)', zh: '回到修订版本 1（nginx:1.26）' },
          { en: 'Scales the nginx:1.27 ReplicaSet back up; it becomes revision 4', zh: '把 nginx:1.27 的 ReplicaSet 重新扩容，它成为修订版本 4' },
        ],
        answer: 2,
        check: [
          { count: { kind: 'ReplicaSet', selector: { app: 'web' } }, atLeast: 4 },
          { object: web, path: 'spec.template.spec.containers[0].image', equals: 'nginx:1.26' },
          {
            allOf: [
              { count: { kind: 'ReplicaSet', selector: { app: 'web' } }, equals: 3 },
              { values: rsOfImage('nginx:1.27'), path: REVISION, equals: ['4'] },
              { values: rsOfImage('nginx:1.27'), path: 'status.availableReplicas', equals: [4] },
            ],
          },
        ],
        why: {
          en: 'Undo copies revision 2\'s template back into the Deployment; the controller finds the ReplicaSet with that template, renumbers it and rolls to it.',
          zh: 'undo 把修订版本 2 的模板写回 Deployment；控制器找到具有该模板的 ReplicaSet，重新编号并滚动到它。',
        },
      },
    },
  ],
};
