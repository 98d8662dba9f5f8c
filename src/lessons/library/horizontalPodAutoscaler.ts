import type { Condition, Lesson } from '../types';

const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: php-apache
spec:
  replicas: 1
  selector:
    matchLabels:
      app: php-apache
  template:
    metadata:
      labels:
        app: php-apache
    spec:
      containers:
        - name: server
          image: registry.k8s.io/e2e-test-images/agnhost:2.39
          args: ["netexec", "--http-port=8080"]
          resources:
            requests:
              cpu: 200m
---
apiVersion: v1
kind: Service
metadata:
  name: php-apache
spec:
  selector:
    app: php-apache
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: php-apache
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: php-apache
  minReplicas: 1
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 50
`;

const hpa = { kind: 'HorizontalPodAutoscaler', name: 'php-apache' };
const replicas = (cmp: 'equals' | 'atLeast' | 'atMost', n: number): Condition =>
  ({ object: { kind: 'Deployment', name: 'php-apache' }, path: 'spec.replicas', [cmp]: n });
const rescaled = (n: number) => ({ events: { reason: 'SuccessfulRescale', name: 'php-apache', message: `New size: ${n};` } });

export const horizontalPodAutoscaler: Lesson = {
  id: 'hpa',
  chapter: 12,
  title: { en: 'HorizontalPodAutoscaler', zh: 'HorizontalPodAutoscaler（水平自动扩缩）' },
  summary: {
    en: 'The HPA reads Pod CPU from metrics-server every 15 seconds and sets the replica count with desired = ceil(current × usage / target), fast up and slowly down.',
    zh: 'HPA 每 15 秒从 metrics-server 读取 Pod 的 CPU，用 desired = ceil(current × 使用率 / 目标) 设置副本数；扩容快，缩容慢。',
  },
  stages: [
    {
      text: {
        en: 'A Deployment php-apache (1 replica, requesting 200m CPU), a Service in front of it, and an autoscaling/v2 HorizontalPodAutoscaler: keep average CPU at 50% of the request, between 1 and 10 replicas.\n\nmetrics-server scrapes usage every 15 seconds; the HPA controller syncs every 15 seconds.',
        zh: '一个 Deployment php-apache（1 个副本，请求 200m CPU），前面一个 Service，以及一个 autoscaling/v2 的 HorizontalPodAutoscaler：让平均 CPU 保持在请求值的 50%，副本数在 1 到 10 之间。\n\nmetrics-server 每 15 秒采集一次用量；HPA 控制器每 15 秒同步一次。',
      },
      apply: APP,
      runUntil: { object: hpa, path: 'status.conditions[type=ScalingActive].status', equals: 'True' },
      pause: true,
      predict: {
        question: { en: 'Without any traffic the server uses about 1m CPU (0.5% of its request). What does the HPA do?', zh: '没有流量时，服务器只用约 1m CPU（请求值的 0.5%）。HPA 会怎么做？' },
        choices: [
          { en: 'Keeps 1 replica: the formula says 1, and minReplicas is 1 anyway', zh: '保持 1 个副本：公式算出 1，而且 minReplicas 本来就是 1' },
          { en: 'Scales to 0 to save resources', zh: '缩到 0 以节省资源' },
          { en: 'Scales to 10 to be ready for load', zh: '扩到 10 个，为负载做好准备' },
        ],
        answer: 0,
        check: [{ allOf: [replicas('equals', 1), { object: hpa, path: 'status.desiredReplicas', equals: 1 }] }, replicas('equals', 0), replicas('equals', 10)],
        why: {
          en: 'ceil(1 × 0.5% / 50%) = 1; the HPA never goes below minReplicas (and 0 would disable it).',
          zh: 'ceil(1 × 0.5% / 50%) = 1；HPA 从不低于 minReplicas（而且副本数为 0 会让它停止工作）。',
        },
      },
    },
    {
      text: {
        en: 'Load arrives: 40 requests per second to the Service. Each request costs about 10m of CPU, so one Pod would use about 400m — 200% of its request.\n\nRun for two minutes.',
        zh: '负载来了：每秒 40 个请求发往这个 Service。每个请求大约消耗 10m CPU，所以一个 Pod 大约要用 400m——请求值的 200%。\n\n运行两分钟。',
      },
      commands: [{ type: 'startTraffic', spec: { service: 'php-apache', ratePerSecond: 40 } }],
      runUntil: { ms: 120_000 },
      pause: true,
      predict: {
        question: { en: 'Where does the replica count settle?', zh: '副本数最终稳定在多少？' },
        choices: [
          { en: '2: the HPA adds one Pod at a time', zh: '2 个：HPA 每次只加一个 Pod' },
          { en: '10: under load the HPA goes straight to maxReplicas', zh: '10 个：有负载时 HPA 直接扩到 maxReplicas' },
          { en: '4: ceil(1 × 200% / 50%) = 4, and then each Pod runs near 50%', zh: '4 个：ceil(1 × 200% / 50%) = 4，之后每个 Pod 都在 50% 左右' },
        ],
        answer: 2,
        check: [
          replicas('equals', 2),
          replicas('equals', 10),
          { allOf: [replicas('equals', 4), { events: { reason: 'SuccessfulRescale', name: 'php-apache' }, equals: 1 }, rescaled(4)] },
        ],
        why: {
          en: 'desired = ceil(currentReplicas × currentUtilization / target); spread over 4 Pods the load is ~50% each, within the 0.1 tolerance, so it stays.',
          zh: 'desired = ceil(当前副本数 × 当前使用率 / 目标)；负载分摊到 4 个 Pod 后每个约 50%，在 0.1 的容差之内，于是保持不变。',
        },
      },
    },
    {
      text: {
        en: 'The load stops. Usage falls back to about 1m per Pod, and the HPA\'s recommendation drops to 1 at its next sync.\n\nRun for two more minutes.',
        zh: '负载停止了。每个 Pod 的用量回落到约 1m，HPA 在下一次同步时的建议值降到 1。\n\n再运行两分钟。',
      },
      commands: [{ type: 'stopTraffic', id: 'traffic-1' }],
      runUntil: { ms: 120_000 },
      pause: true,
      predict: {
        question: { en: 'How many replicas are there two minutes later?', zh: '两分钟后有几个副本？' },
        choices: [
          { en: 'Still 4: scale-down waits for a 5-minute stabilization window', zh: '仍然是 4 个：缩容要等待 5 分钟的稳定窗口' },
          { en: '1: the HPA follows its recommendation at once', zh: '1 个：HPA 立即按建议值执行' },
        ],
        answer: 0,
        check: [{ allOf: [replicas('equals', 4), { object: hpa, path: 'status.conditions[type=AbleToScale].reason', equals: 'ScaleDownStabilized' }] }, replicas('equals', 1)],
        why: {
          en: 'To avoid flapping, scale-down uses the highest recommendation of the last 300 seconds; scale-up has no such window.',
          zh: '为避免来回抖动，缩容采用过去 300 秒内最高的建议值；扩容没有这样的窗口。',
        },
      },
    },
    {
      text: {
        en: 'Keep going until the HPA scales down.',
        zh: '继续运行，直到 HPA 缩容。',
      },
      runUntil: replicas('atMost', 3),
      pause: true,
      predict: {
        question: { en: 'When it scales down, to how many replicas does it go?', zh: '缩容时，它会缩到几个副本？' },
        choices: [
          { en: '3: one Pod at a time', zh: '3 个：每次一个 Pod' },
          { en: '1, in one step: the default scale-down policy allows removing 100% per 15 seconds', zh: '一步到 1 个：默认缩容策略允许每 15 秒移除 100%' },
        ],
        answer: 1,
        check: [replicas('equals', 3), { allOf: [replicas('equals', 1), rescaled(1)] }],
        why: {
          en: 'Once the 5-minute window has only low recommendations, the HPA applies 1 (the default scale-down policy, Percent 100 per 15s, does not slow it).',
          zh: '一旦 5 分钟窗口内只剩较低的建议值，HPA 就采用 1（默认缩容策略 Percent 100/15s 不会限制它）。',
        },
      },
    },
  ],
};
