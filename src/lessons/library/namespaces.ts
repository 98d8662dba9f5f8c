import type { Lesson } from '../types';

const app = (namespace: string, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${namespace}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: ${image}
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: ${namespace}
spec:
  selector:
    app: web
  ports:
    - port: 80
`;

const TWO_TEAMS = `apiVersion: v1
kind: Namespace
metadata:
  name: dev
---
${app('default', 'nginx:1.27')}---
${app('dev', 'nginx:1.28')}`;

const dev = (kind: string) => ({ count: { kind, namespace: 'dev' } });
const serviceIP = (namespace: string) => ({ object: { kind: 'Service', name: 'web', namespace }, path: 'spec.clusterIP' });
const answerOf = (name: string) => ({ dns: { name, namespace: 'default' }, path: 'answers[0].data' });

export const namespaces: Lesson = {
  id: 'namespaces',
  chapter: 8,
  title: { en: 'Namespaces', zh: 'Namespace（命名空间）' },
  summary: {
    en: 'Namespaces scope names, DNS and clean-up: two teams can both have a Deployment called web, and deleting a namespace deletes everything in it.',
    zh: 'Namespace 划定名字、DNS 和清理的范围：两个团队都可以有叫 web 的 Deployment，删除一个命名空间会删除其中的一切。',
  },
  stages: [
    {
      text: {
        en: 'One manifest creates a Namespace dev, and a Deployment and a Service both named web — once in default, once in dev.',
        zh: '一份清单创建了 Namespace dev，以及同名为 web 的 Deployment 和 Service——default 里一套，dev 里一套。',
      },
      apply: TWO_TEAMS,
      runUntil: { count: { kind: 'Pod', selector: { app: 'web' }, ready: true }, atLeast: 4 },
      pause: true,
      predict: {
        question: { en: 'Two Deployments named web: how many exist after the apply?', zh: '两个都叫 web 的 Deployment：apply 之后存在几个？' },
        choices: [
          { en: 'One: the second web replaced the first', zh: '一个：第二个 web 覆盖了第一个' },
          { en: 'Two: a name only has to be unique within its namespace', zh: '两个：名字只需在所属命名空间内唯一' },
          { en: 'None: the apply is rejected for the duplicate name', zh: '零个：因为重名，apply 被拒绝' },
        ],
        answer: 1,
        check: [
          { count: { kind: 'Deployment', name: 'web' }, equals: 1 },
          { allOf: [{ count: { kind: 'Deployment', name: 'web' }, equals: 2 }, { object: { kind: 'Deployment', name: 'web', namespace: 'dev' }, path: 'spec.template.spec.containers[0].image', equals: 'nginx:1.28' }] },
          { count: { kind: 'Deployment', name: 'web' }, equals: 0 },
        ],
        why: {
          en: 'Namespaced objects are identified by namespace and name; the two webs share nothing but the name.',
          zh: '命名空间内的对象由命名空间加名字来标识；这两个 web 除了名字什么也不共享。',
        },
      },
    },
    {
      text: {
        en: 'DNS follows namespaces too: a Service gets the name <service>.<namespace>.svc.cluster.local, and a Pod\'s search path starts with its own namespace.',
        zh: 'DNS 同样按命名空间划分：Service 的名字是 <service>.<namespace>.svc.cluster.local，而 Pod 的搜索路径以它自己的命名空间开头。',
      },
      pause: true,
      predict: {
        question: { en: 'A Pod in default looks up `web`, then `web.dev`. What does it get?', zh: 'default 中的一个 Pod 先查询 `web`，再查询 `web.dev`。分别得到什么？' },
        choices: [
          { en: '`web` is default\'s Service; `web.dev` is dev\'s Service', zh: '`web` 是 default 的 Service；`web.dev` 是 dev 的 Service' },
          { en: 'Both give dev\'s Service, the newest', zh: '两个都是 dev 的 Service，因为它最新' },
          { en: '`web` returns both ClusterIPs', zh: '`web` 返回两个 ClusterIP' },
        ],
        answer: 0,
        check: [
          { allOf: [{ ...answerOf('web'), sameAs: serviceIP('default') }, { ...answerOf('web.dev'), sameAs: serviceIP('dev') }] },
          { allOf: [{ ...answerOf('web'), sameAs: serviceIP('dev') }, { ...answerOf('web.dev'), sameAs: serviceIP('dev') }] },
          { dns: { name: 'web', namespace: 'default' }, path: 'answers', length: { equals: 2 } },
        ],
        why: {
          en: '`web` is tried as web.default.svc.cluster.local first; `web.dev` becomes web.dev.svc.cluster.local through the second search domain.',
          zh: '`web` 先被尝试为 web.default.svc.cluster.local；`web.dev` 通过第二个搜索域变成 web.dev.svc.cluster.local。',
        },
      },
    },
    {
      text: {
        en: 'The dev team is done: `kubectl delete namespace dev`.',
        zh: 'dev 团队的工作结束了：`kubectl delete namespace dev`。',
      },
      commands: [{ type: 'delete', kind: 'Namespace', name: 'dev' }],
      runUntil: { count: { kind: 'Namespace', name: 'dev' }, equals: 0 },
      pause: true,
      predict: {
        question: { en: 'What happens on the way to the namespace being gone?', zh: '命名空间消失之前会经历什么？' },
        choices: [
          { en: 'It is Terminating while the namespace controller deletes everything in it; default is untouched', zh: '它处于 Terminating，命名空间控制器删除其中的一切；default 不受影响' },
          { en: 'It disappears at once; its Deployment, Service and Pods stay behind without a namespace', zh: '它立即消失；其中的 Deployment、Service 和 Pod 留下来，不属于任何命名空间' },
        ],
        answer: 0,
        check: [
          {
            allOf: [
              { ever: { object: { kind: 'Namespace', name: 'dev' }, path: 'status.phase', equals: 'Terminating' } },
              { ...dev('Deployment'), equals: 0 }, { ...dev('Pod'), equals: 0 }, { ...dev('Service'), equals: 0 },
              { count: { kind: 'Pod', namespace: 'default', selector: { app: 'web' }, ready: true }, equals: 2 },
            ],
          },
          { anyOf: [{ ...dev('Deployment'), atLeast: 1 }, { ...dev('Pod'), atLeast: 1 }] },
        ],
        why: {
          en: 'Deletion sets the phase Terminating; the `kubernetes` finalizer keeps the Namespace until the controller has deleted all its content.',
          zh: '删除操作把 phase 设为 Terminating；`kubernetes` finalizer 会保留这个 Namespace，直到控制器删完其中所有内容。',
        },
      },
    },
  ],
};
