import type { Condition, Lesson } from '../types';

const STATEFULSET = `apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
    - name: web
      port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - name: web
              containerPort: 80
          volumeMounts:
            - name: www
              mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
    - metadata:
        name: www
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: 1Gi
`;

const pod = (name: string, extra: object = {}) => ({ count: { kind: 'Pod', name, ...extra } });
const exists = (name: string): Condition => ({ ...pod(name), equals: 1 });
const gone = (name: string): Condition => ({ ...pod(name), equals: 0 });
const readyPod = (name: string): Condition => ({ ...pod(name, { ready: true, terminating: false }), equals: 1 });
const sts = { kind: 'StatefulSet', name: 'web' };
const claims = { kind: 'PersistentVolumeClaim', selector: { app: 'nginx' } };

export const statefulSet: Lesson = {
  id: 'statefulset',
  chapter: 9,
  title: { en: 'StatefulSet: stable names, order and storage', zh: 'StatefulSet：稳定的名字、顺序与存储' },
  summary: {
    en: 'A StatefulSet gives each Pod an ordinal, a stable DNS name and its own PersistentVolumeClaim, and creates, replaces and removes Pods in order.',
    zh: 'StatefulSet 给每个 Pod 一个序号、一个稳定的 DNS 名字和专属的 PersistentVolumeClaim，并按顺序创建、替换和删除 Pod。',
  },
  stages: [
    {
      text: {
        en: 'A StatefulSet web of 3 nginx replicas, a headless Service nginx (clusterIP: None) that governs their network identity, and a volumeClaimTemplate www of 1Gi.',
        zh: '一个有 3 个 nginx 副本的 StatefulSet web，一个管理它们网络标识的 headless Service nginx（clusterIP: None），以及一个 1Gi 的 volumeClaimTemplate www。',
      },
      apply: STATEFULSET,
      runUntil: { object: sts, path: 'status.readyReplicas', equals: 3 },
      pause: true,
      predict: {
        question: { en: 'How are the Pods created?', zh: 'Pod 是如何被创建的？' },
        choices: [
          { en: 'web-0, then web-1 only once web-0 is Running and Ready, then web-2', zh: '先 web-0，等 web-0 Running 且 Ready 后才创建 web-1，然后 web-2' },
          { en: 'All three at once, like a ReplicaSet, with random suffixes', zh: '像 ReplicaSet 一样同时创建三个，名字带随机后缀' },
          { en: 'All three at once, named web-0, web-1, web-2', zh: '同时创建三个，名为 web-0、web-1、web-2' },
        ],
        answer: 0,
        check: [
          {
            allOf: [
              readyPod('web-0'), readyPod('web-1'), readyPod('web-2'),
              { always: { not: { allOf: [exists('web-1'), { ...pod('web-0', { ready: true }), equals: 0 }] } } },
              { always: { not: { allOf: [exists('web-2'), { ...pod('web-1', { ready: true }), equals: 0 }] } } },
            ],
          },
          { not: { values: { kind: 'Pod', selector: { app: 'nginx' } }, path: 'metadata.name', equals: ['web-0', 'web-1', 'web-2'] } },
          { ever: { allOf: [exists('web-0'), exists('web-1'), exists('web-2'), { ...pod('web-0', { ready: true }), equals: 0 }] } },
        ],
        why: {
          en: 'podManagementPolicy OrderedReady (the default) creates ordinals in order and waits for each Pod to be Running and Ready before the next.',
          zh: 'podManagementPolicy 默认为 OrderedReady：按序号依次创建，每个 Pod Running 且 Ready 之后才创建下一个。',
        },
      },
    },
    {
      text: {
        en: 'Each Pod has a stable network identity: hostname web-0 and subdomain nginx, so DNS has a record per Pod under the headless Service.',
        zh: '每个 Pod 都有稳定的网络标识：主机名 web-0、子域 nginx，所以 DNS 在这个 headless Service 下为每个 Pod 都有一条记录。',
      },
      pause: true,
      predict: {
        question: { en: 'What does `web-0.nginx` resolve to from a Pod in default?', zh: '在 default 中的 Pod 里解析 `web-0.nginx` 得到什么？' },
        choices: [
          { en: 'The IP of Pod web-0', zh: 'Pod web-0 的 IP' },
          { en: 'The Service\'s ClusterIP', zh: 'Service 的 ClusterIP' },
          { en: 'Nothing: only Services have DNS names', zh: '什么都没有：只有 Service 才有 DNS 名字' },
        ],
        answer: 0,
        check: [
          { dns: { name: 'web-0.nginx' }, path: 'answers[0].data', sameAs: { object: { kind: 'Pod', name: 'web-0' }, path: 'status.podIP' } },
          { dns: { name: 'web-0.nginx' }, path: 'answers[0].data', sameAs: { object: { kind: 'Service', name: 'nginx' }, path: 'spec.clusterIP' } },
          { dns: { name: 'web-0.nginx' }, path: 'rcode', equals: 'NXDOMAIN' },
        ],
        why: {
          en: 'A Pod whose subdomain names a headless Service gets the record <hostname>.<service>.<namespace>.svc.cluster.local → its own IP.',
          zh: '子域指向 headless Service 的 Pod 会得到记录 <hostname>.<service>.<namespace>.svc.cluster.local → 它自己的 IP。',
        },
      },
    },
    {
      text: {
        en: 'Pod web-1 is deleted. Its claim www-web-1 (created from the template, one per ordinal) stays.',
        zh: '删除 Pod web-1。它的申领 www-web-1（由模板为每个序号各创建一个）仍然保留。',
      },
      commands: [{ type: 'delete', kind: 'Pod', name: 'web-1' }],
      runUntil: { allOf: [{ object: sts, path: 'status.readyReplicas', equals: 3 }, readyPod('web-1')] },
      pause: true,
      predict: {
        question: { en: 'What replaces it?', zh: '什么会取代它？' },
        choices: [
          { en: 'A Pod with a new random name', zh: '一个名字随机的新 Pod' },
          { en: 'A new Pod named web-1 again, mounting the same claim www-web-1', zh: '一个同样叫 web-1 的新 Pod，挂载同一个申领 www-web-1' },
        ],
        answer: 1,
        check: [
          { count: { kind: 'Pod', namePrefix: 'web-' }, atLeast: 4 },
          {
            allOf: [
              readyPod('web-1'),
              { object: { kind: 'Pod', name: 'web-1' }, path: 'spec.volumes[name=www].persistentVolumeClaim.claimName', equals: 'www-web-1' },
              { count: claims, equals: 3 },
            ],
          },
        ],
        why: {
          en: 'The controller recreates the missing ordinal with the same name and the same claim, so the data follows the identity.',
          zh: '控制器以相同的名字和相同的申领重建缺失的序号，数据跟着身份走。',
        },
      },
    },
    {
      text: {
        en: 'Scale down: `kubectl scale statefulset/web --replicas=1`.',
        zh: '缩容：`kubectl scale statefulset/web --replicas=1`。',
      },
      commands: [{ type: 'scale', kind: 'StatefulSet', name: 'web', replicas: 1 }],
      runUntil: { allOf: [gone('web-1'), gone('web-2')] },
      pause: true,
      predict: {
        question: { en: 'In which order do the Pods go, and what happens to their claims?', zh: 'Pod 按什么顺序删除？它们的申领会怎样？' },
        choices: [
          { en: 'web-2 first, web-1 only after web-2 is gone; the claims stay', zh: '先删 web-2，web-2 彻底消失后才删 web-1；申领保留' },
          { en: 'web-0 and web-1, the oldest, go; the claims stay', zh: '删掉最老的 web-0 和 web-1；申领保留' },
          { en: 'web-2 then web-1, and their claims are deleted with them', zh: '先 web-2 再 web-1，它们的申领也随之删除' },
        ],
        answer: 0,
        check: [
          { allOf: [readyPod('web-0'), { always: { not: { allOf: [gone('web-1'), exists('web-2')] } } }, { always: { not: { allOf: [{ ...pod('web-1', { terminating: true }), equals: 1 }, exists('web-2')] } } }, { count: claims, equals: 3 }] },
          gone('web-0'),
          { count: claims, atMost: 1 },
        ],
        why: {
          en: 'Scale-down removes the highest ordinal first, one at a time; claims are kept by default (persistentVolumeClaimRetentionPolicy whenScaled: Retain) for a later scale-up.',
          zh: '缩容从最大序号开始，一次一个；申领默认保留（persistentVolumeClaimRetentionPolicy whenScaled: Retain），以备日后扩容。',
        },
      },
    },
  ],
};
