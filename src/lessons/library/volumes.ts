import type { Lesson } from '../types';

const SHARED_DIR = `apiVersion: v1
kind: Pod
metadata:
  name: share
spec:
  restartPolicy: Never
  volumes:
    - name: data
      emptyDir: {}
  containers:
    - name: writer
      image: busybox:1.36
      command: ["sh", "-c", "echo hello > /out/msg; sleep 3600"]
      volumeMounts:
        - name: data
          mountPath: /out
    - name: reader
      image: busybox:1.36
      command: ["sh", "-c", "sleep 5; test -f /in/msg"]
      volumeMounts:
        - name: data
          mountPath: /in
    - name: loner
      image: busybox:1.36
      # No volumeMounts: looks for the file at writer's path in its own filesystem.
      command: ["sh", "-c", "sleep 5; test -f /out/msg"]
`;

const SURVIVOR = `apiVersion: v1
kind: Pod
metadata:
  name: survivor
spec:
  volumes:
    - name: scratch
      emptyDir: {}
  containers:
    - name: app
      image: busybox:1.36
      # First run: leave a mark and crash. Later runs: find the mark and keep running.
      command: ["sh", "-c", "if test -f /scratch/mark; then sleep 3600; else touch /scratch/mark; sleep 2; exit 1; fi"]
      volumeMounts:
        - name: scratch
          mountPath: /scratch
`;

const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata:
  name: site
data:
  greeting: "Hello from a ConfigMap"
  color: blue
---
apiVersion: v1
kind: Pod
metadata:
  name: configured
spec:
  restartPolicy: Never
  volumes:
    - name: config
      configMap:
        name: site
  containers:
    - name: app
      image: busybox:1.36
      command: ["sh", "-c", "test -f /etc/site/greeting && test -f /etc/site/color"]
      volumeMounts:
        - name: config
          mountPath: /etc/site
          readOnly: true
`;

const exitCode = (pod: string, container: string) => ({
  object: { kind: 'Pod', name: pod },
  path: `status.containerStatuses[name=${container}].state.terminated.exitCode`,
});
const restarts = { object: { kind: 'Pod', name: 'survivor' }, path: 'status.containerStatuses[name=app].restartCount' };

export const volumes: Lesson = {
  id: 'volumes',
  chapter: 6,
  title: { en: 'Volumes', zh: 'Volume（存储卷）' },
  summary: {
    en: 'A container\'s own filesystem is private and starts fresh on every restart; volumes are declared at the Pod level and mounted into the containers that need them.',
    zh: '容器自己的文件系统是私有的，每次重启都从头开始；Volume 在 Pod 级别声明，再挂载到需要它的容器里。',
  },
  stages: [
    {
      text: {
        en: 'An emptyDir volume named data is declared once in the Pod. writer mounts it at /out and writes /out/msg; reader mounts the same volume at /in. loner mounts nothing.\n\nAfter 5 seconds, reader and loner each test whether the file is there (exit code 0 means yes).',
        zh: 'Pod 中声明了一个名为 data 的 emptyDir 卷。writer 把它挂载到 /out 并写入 /out/msg；reader 把同一个卷挂载到 /in。loner 什么都没挂载。\n\n5 秒后，reader 和 loner 分别检查文件是否存在（退出码 0 表示存在）。',
      },
      apply: SHARED_DIR,
      runUntil: { allOf: [{ ...exitCode('share', 'reader'), exists: true }, { ...exitCode('share', 'loner'), exists: true }] },
      pause: true,
      predict: {
        question: { en: 'Who finds the file?', zh: '谁能找到这个文件？' },
        choices: [
          { en: 'Both: containers of one Pod share a filesystem', zh: '两个都能：同一 Pod 的容器共享文件系统' },
          { en: 'Only reader, which mounts the volume (at another path)', zh: '只有 reader，它挂载了这个卷（路径不同）' },
          { en: 'Neither: each container gets its own copy of the volume', zh: '都找不到：每个容器拿到的是卷的一份独立拷贝' },
        ],
        answer: 1,
        check: [
          { allOf: [{ ...exitCode('share', 'reader'), equals: 0 }, { ...exitCode('share', 'loner'), equals: 0 }] },
          { allOf: [{ ...exitCode('share', 'reader'), equals: 0 }, { ...exitCode('share', 'loner'), atLeast: 1 }] },
          { allOf: [{ ...exitCode('share', 'reader'), atLeast: 1 }, { ...exitCode('share', 'loner'), atLeast: 1 }] },
        ],
        why: {
          en: 'A volume belongs to the Pod; each container sees it only where it mounts it. Everything else in a container\'s filesystem is its own.',
          zh: '卷属于 Pod；每个容器只在自己挂载的位置看到它。容器文件系统里的其他内容都是它私有的。',
        },
      },
    },
    {
      text: {
        en: 'How long does an emptyDir live? In survivor, app leaves a mark in its emptyDir and crashes on its first run; whenever it starts and finds the mark, it keeps running.\n\nThe kubelet restarts it (restartPolicy Always). Let a minute pass.',
        zh: 'emptyDir 能存活多久？在 survivor 中，app 第一次运行时在 emptyDir 里留下标记然后崩溃；之后每次启动如果找到标记，就一直运行下去。\n\nkubelet 会重启它（restartPolicy Always）。让时间过去一分钟。',
      },
      apply: SURVIVOR,
      runUntil: { ms: 60_000 },
      pause: true,
      predict: {
        question: { en: 'How many times has app been restarted after a minute?', zh: '一分钟后，app 被重启了多少次？' },
        choices: [
          { en: 'Once: the mark survived the restart, so the second run keeps going', zh: '一次：标记在重启后依然存在，所以第二次运行就一直持续' },
          { en: 'Again and again, with growing back-off: each restart starts with an empty volume', zh: '一次又一次，回退时间越来越长：每次重启卷都是空的' },
        ],
        answer: 0,
        check: [
          { allOf: [{ ...restarts, equals: 1 }, { object: { kind: 'Pod', name: 'survivor' }, path: 'status.containerStatuses[name=app].state.running', exists: true }] },
          { ...restarts, atLeast: 2 },
        ],
        why: {
          en: 'An emptyDir is created with the Pod and deleted with the Pod, so it outlives container restarts (its contents vanish only when the Pod goes).',
          zh: 'emptyDir 随 Pod 创建、随 Pod 删除，所以它比容器重启活得长（只有 Pod 被删除时内容才消失）。',
        },
      },
    },
    {
      text: {
        en: 'Volumes also bring configuration in. A ConfigMap site holds two keys, greeting and color; the Pod configured mounts it read-only at /etc/site and tests for the files.',
        zh: 'Volume 也能把配置带进容器。ConfigMap site 有两个键：greeting 和 color；Pod configured 把它以只读方式挂载到 /etc/site，并检查文件是否存在。',
      },
      apply: CONFIG,
      runUntil: { ...exitCode('configured', 'app'), exists: true },
      pause: true,
      predict: {
        question: { en: 'What does the container find in /etc/site?', zh: '容器在 /etc/site 里看到什么？' },
        choices: [
          { en: 'One file per key: /etc/site/greeting and /etc/site/color', zh: '每个键一个文件：/etc/site/greeting 和 /etc/site/color' },
          { en: 'A single file /etc/site/site with all keys in it', zh: '一个文件 /etc/site/site，包含所有键' },
        ],
        answer: 0,
        check: [
          { ...exitCode('configured', 'app'), equals: 0 },
          { ...exitCode('configured', 'app'), atLeast: 1 },
        ],
        why: {
          en: 'A configMap volume projects each key as a file (mode 0644 by default); the kubelet refreshes them when the ConfigMap changes.',
          zh: 'configMap 卷把每个键投射成一个文件（默认权限 0644）；ConfigMap 变化时 kubelet 会刷新它们。',
        },
      },
    },
  ],
};
