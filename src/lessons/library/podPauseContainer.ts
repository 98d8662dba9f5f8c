import type { Lesson } from '../types';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: shared
  labels:
    app: shared
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 80
      resources:
        limits:
          cpu: 500m
          memory: 128Mi
    - name: helper
      image: busybox:1.36
      command: ["sh", "-c", "sleep 3600"]
      resources:
        limits:
          cpu: 100m
          memory: 32Mi
`;

const LOCALHOST_POD = `apiVersion: v1
kind: Pod
metadata:
  name: neighbours
spec:
  restartPolicy: Never
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 80
    - name: check
      image: busybox:1.36
      # Wait for nginx, then ask localhost:80 once.
      command: ["sh", "-c", "sleep 3; wget -q -O- http://localhost:80/"]
`;

const CRASHING_POD = `apiVersion: v1
kind: Pod
metadata:
  name: crashy
spec:
  containers:
    - name: app
      image: busybox:1.36
      # Runs for 5 seconds, then fails; restartPolicy Always restarts it.
      command: ["sh", "-c", "sleep 5; exit 1"]
`;

const IPV4 = '^\\d+\\.\\d+\\.\\d+\\.\\d+$';
const podIP = (pod: string) => ({ values: { kind: 'Pod', name: pod }, path: 'status.podIP' });

export const podPauseContainer: Lesson = {
  id: 'pod-pause-container',
  chapter: 2,
  title: { en: 'The Pod and its pause container', zh: 'Pod 与它的 pause 容器' },
  summary: {
    en: 'Why a Pod is more than its containers: the infra (pause) container holds the network namespace and the Pod IP; containers share network and volumes but keep their own cgroups.',
    zh: 'Pod 为什么不只是几个容器：Infra（pause）容器持有网络命名空间和 Pod IP；容器共享网络与存储卷，却各有自己的 cgroup。',
  },
  stages: [
    {
      text: {
        en: 'A Pod is the smallest unit Kubernetes schedules: one or more containers that always land on the same Node and live and die together.\n\nThis Pod has two containers: web (nginx) and helper (busybox). Before you run it, predict what the Node\'s container runtime will start.',
        zh: 'Pod 是 Kubernetes 调度的最小单位：一个或多个容器，总是落在同一个 Node 上，同生共死。\n\n这个 Pod 有两个容器：web（nginx）和 helper（busybox）。运行之前，先预测 Node 上的容器运行时会启动哪些东西。',
      },
      apply: POD,
      runUntil: { count: { kind: 'Pod', name: 'shared', ready: true }, equals: 1 },
      pause: true,
      predict: {
        question: {
          en: 'The manifest lists two containers. What does the runtime create for this Pod (as `crictl pods` and `crictl ps` show it)?',
          zh: '清单里写了两个容器。容器运行时会为这个 Pod 创建什么（用 `crictl pods` 和 `crictl ps` 查看）？',
        },
        choices: [
          { en: 'Exactly the two containers, nothing else', zh: '正好这两个容器，别无其他' },
          { en: 'One pause container per app container: two sandboxes', zh: '每个应用容器配一个 pause 容器：两个沙箱' },
          { en: 'One pod sandbox (the pause container), then the two containers inside it', zh: '一个 Pod 沙箱（pause 容器），然后两个容器加入其中' },
        ],
        answer: 2,
        check: [
          { allOf: [{ sandboxes: { pod: 'shared' }, length: { equals: 0 } }, { containers: { pod: 'shared' }, length: { equals: 2 } }] },
          { sandboxes: { pod: 'shared' }, length: { equals: 2 } },
          { allOf: [{ sandboxes: { pod: 'shared' }, length: { equals: 1 } }, { containers: { pod: 'shared' }, length: { equals: 2 } }] },
        ],
        why: {
          en: 'The kubelet first asks the runtime for a pod sandbox — the pause container — and then starts every app container inside it.',
          zh: 'kubelet 先让运行时创建 Pod 沙箱（也就是 pause 容器），再把每个应用容器启动在这个沙箱里。',
        },
      },
    },
    {
      text: {
        en: 'Look at the Pod on the canvas: its first row is the pause container (registry.k8s.io/pause). It does nothing but sleep — and hold the Pod\'s Linux namespaces open.\n\nThe Pod has one IP address, shown in the inspector as status.podIP.',
        zh: '在画布上看这个 Pod：第一行就是 pause 容器（registry.k8s.io/pause）。它什么都不做，只是睡眠——并且一直持有 Pod 的 Linux 命名空间。\n\n这个 Pod 只有一个 IP 地址，在检查器里显示为 status.podIP。',
      },
      pause: true,
      predict: {
        question: { en: 'Which container does the Pod IP belong to?', zh: 'Pod IP 属于哪个容器？' },
        choices: [
          { en: 'The pause container: it holds the network namespace that web and helper join', zh: 'pause 容器：它持有网络命名空间，web 和 helper 都加入其中' },
          { en: 'web, the first container in the manifest', zh: 'web，清单中的第一个容器' },
          { en: 'Each container gets its own IP; status.podIP shows the first', zh: '每个容器各有一个 IP，status.podIP 只显示第一个' },
        ],
        answer: 0,
        check: [
          { sandboxes: { pod: 'shared' }, path: 'ip', sameAs: podIP('shared') },
          { containers: { pod: 'shared', name: 'web' }, path: 'ip', sameAs: podIP('shared') },
          {
            allOf: [
              { containers: { pod: 'shared', name: 'web' }, path: 'ip', matches: IPV4 },
              { containers: { pod: 'shared', name: 'helper' }, path: 'ip', matches: IPV4 },
            ],
          },
        ],
        why: {
          en: 'The network namespace, and with it the IP the CNI plugin assigned, belong to the sandbox; app containers only join it.',
          zh: '网络命名空间以及 CNI 插件分配的 IP 都属于沙箱；应用容器只是加入它。',
        },
      },
    },
    {
      text: {
        en: 'Because the containers of a Pod share one network namespace, they also share localhost.\n\nThis new Pod runs nginx in web, and in check a busybox that waits 3 seconds and then fetches http://localhost:80/ once.',
        zh: '同一个 Pod 里的容器共享一个网络命名空间，所以它们也共享 localhost。\n\n这个新 Pod 的 web 容器运行 nginx；check 容器运行 busybox，等 3 秒后访问一次 http://localhost:80/。',
      },
      apply: LOCALHOST_POD,
      runUntil: { object: { kind: 'Pod', name: 'neighbours' }, path: 'status.containerStatuses[name=check].state.terminated', exists: true },
      pause: true,
      predict: {
        question: { en: 'What happens when check fetches http://localhost:80/?', zh: 'check 访问 http://localhost:80/ 时会怎样？' },
        choices: [
          { en: 'Connection refused: nothing listens on port 80 inside check\'s own container', zh: '连接被拒绝：check 自己的容器里没有程序监听 80 端口' },
          { en: 'nginx in web answers, and check exits with code 0', zh: 'web 里的 nginx 响应了，check 以退出码 0 结束' },
        ],
        answer: 1,
        check: [
          { object: { kind: 'Pod', name: 'neighbours' }, path: 'status.containerStatuses[name=check].state.terminated.exitCode', atLeast: 1 },
          { object: { kind: 'Pod', name: 'neighbours' }, path: 'status.containerStatuses[name=check].state.terminated.exitCode', equals: 0 },
        ],
        why: {
          en: 'localhost is the loopback of the shared network namespace, so port 80 of web is port 80 of every container in the Pod.',
          zh: 'localhost 是共享网络命名空间里的回环地址，所以 web 的 80 端口也就是 Pod 内每个容器的 80 端口。',
        },
      },
    },
    {
      text: {
        en: 'Now a container that fails: app in the Pod crashy exits with code 1 after 5 seconds, and restartPolicy Always makes the kubelet start it again.\n\nRun until app has been restarted once.',
        zh: '现在来看一个会失败的容器：Pod crashy 里的 app 在 5 秒后以退出码 1 退出，restartPolicy Always 让 kubelet 重新启动它。\n\n一直运行到 app 被重启过一次。',
      },
      apply: CRASHING_POD,
      runUntil: { object: { kind: 'Pod', name: 'crashy' }, path: 'status.containerStatuses[name=app].restartCount', atLeast: 1 },
      pause: true,
      predict: {
        question: { en: 'After app restarts, what about the Pod\'s sandbox and IP?', zh: 'app 重启之后，Pod 的沙箱和 IP 会怎样？' },
        choices: [
          { en: 'The same sandbox stays: only app is re-created, and the Pod IP is unchanged', zh: '沙箱保持不变：只重建 app 容器，Pod IP 不变' },
          { en: 'A new sandbox is created, so the Pod gets a new IP', zh: '创建一个新的沙箱，所以 Pod 拿到新的 IP' },
        ],
        answer: 0,
        check: [
          {
            allOf: [
              { sandboxes: { pod: 'crashy' }, length: { equals: 1 } },
              { containers: { pod: 'crashy', name: 'app' }, length: { atLeast: 2 } },
              { sandboxes: { pod: 'crashy' }, path: 'ip', sameAs: podIP('crashy') },
            ],
          },
          { sandboxes: { pod: 'crashy' }, length: { atLeast: 2 } },
        ],
        why: {
          en: 'A container restart happens inside the existing sandbox; only when the sandbox itself dies does the Pod get a new network namespace.',
          zh: '容器重启发生在已有的沙箱内；只有沙箱本身挂掉时，Pod 才会得到新的网络命名空间。',
        },
      },
    },
    {
      text: {
        en: 'Sharing stops at resources. Back in the Pod shared, web has a CPU limit of 500m and helper one of 100m.\n\nSelect a container row on the canvas, or look at `crictl ps`, to see each container\'s own limits.',
        zh: '共享到资源这里就止步了。回到 Pod shared：web 的 CPU 上限是 500m，helper 是 100m。\n\n在画布上选中容器所在的行，或查看 `crictl ps`，就能看到每个容器各自的上限。',
      },
      pause: true,
      predict: {
        question: { en: 'How does the runtime enforce these limits?', zh: '容器运行时如何执行这些上限？' },
        choices: [
          { en: 'One limit of 600m for the whole Pod, shared by both containers', zh: '整个 Pod 共用一个 600m 的上限，两个容器共享' },
          { en: 'Each container gets its own cgroup with its own limit: 500m for web, 100m for helper', zh: '每个容器有自己的 cgroup 和自己的上限：web 500m，helper 100m' },
        ],
        answer: 1,
        check: [
          { containers: { pod: 'shared' }, path: 'limits.cpu', equals: ['600m', '600m'] },
          {
            allOf: [
              { containers: { pod: 'shared', name: 'web' }, path: 'limits.cpu', equals: ['500m'] },
              { containers: { pod: 'shared', name: 'helper' }, path: 'limits.cpu', equals: ['100m'] },
            ],
          },
        ],
        why: {
          en: 'Namespaces (network, IPC, UTS) are shared through the sandbox, but each container keeps its own cgroup, so its limits apply to it alone.',
          zh: '命名空间（网络、IPC、UTS）通过沙箱共享，但每个容器保留自己的 cgroup，上限只作用于它自己。',
        },
      },
    },
  ],
};
