import type { Condition, Lesson } from '../types';

const CLAIM = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 1Gi
`;

const CONSUMER = `apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: data
  containers:
    - name: redis
      image: redis:7.2
      volumeMounts:
        - name: data
          mountPath: /data
`;

const STATIC = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: manual-5g
spec:
  capacity:
    storage: 5Gi
  accessModes: ["ReadWriteOnce"]
  storageClassName: ""
  hostPath:
    path: /mnt/disks/manual
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: small
spec:
  storageClassName: ""
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 1Gi
`;

const claim = (name: string) => ({ kind: 'PersistentVolumeClaim', name });
const phase = (name: string, value: string): Condition => ({ object: claim(name), path: 'status.phase', equals: value });
const provisioned = { kind: 'PersistentVolume', namePrefix: 'pvc-' };

export const persistentStorage: Lesson = {
  id: 'pv-pvc-storageclass',
  chapter: 7,
  title: { en: 'PV, PVC and StorageClass', zh: 'PV、PVC 与 StorageClass' },
  summary: {
    en: 'A PersistentVolumeClaim asks for storage; a PersistentVolume is the storage; a StorageClass provisions volumes on demand — here only once a Pod needs them.',
    zh: 'PersistentVolumeClaim 申请存储；PersistentVolume 就是存储本身；StorageClass 按需制备卷——这里要等到有 Pod 需要时才制备。',
  },
  stages: [
    {
      text: {
        en: 'A Pod\'s storage should outlive the Pod. You do not pick a disk: you claim one. This PersistentVolumeClaim asks for 1Gi, ReadWriteOnce, and names no StorageClass.\n\nThe cluster has one StorageClass, standard (the default), with volumeBindingMode: WaitForFirstConsumer.',
        zh: 'Pod 的存储应该比 Pod 活得更久。你不用挑选磁盘，只需申领。这个 PersistentVolumeClaim 申请 1Gi、ReadWriteOnce，没有指定 StorageClass。\n\n集群里只有一个 StorageClass：standard（默认），其 volumeBindingMode 为 WaitForFirstConsumer。',
      },
      apply: CLAIM,
      runUntil: { events: { reason: 'WaitForFirstConsumer', name: 'data' }, atLeast: 1 },
      pause: true,
      predict: {
        question: { en: 'No Pod uses the claim yet. What is its state?', zh: '还没有 Pod 使用这个申领。它处于什么状态？' },
        choices: [
          { en: 'Bound to a freshly provisioned PersistentVolume', zh: '已绑定到一个刚制备的 PersistentVolume' },
          { en: 'Pending, waiting for the first consumer — and its StorageClass was set to standard', zh: 'Pending，等待第一个使用者——并且它的 StorageClass 被设成了 standard' },
          { en: 'Rejected: a claim must name a StorageClass', zh: '被拒绝：申领必须指定 StorageClass' },
        ],
        answer: 1,
        check: [
          phase('data', 'Bound'),
          { allOf: [phase('data', 'Pending'), { object: claim('data'), path: 'spec.storageClassName', equals: 'standard' }, { count: provisioned, equals: 0 }] },
          { count: { kind: 'PersistentVolumeClaim', name: 'data' }, equals: 0 },
        ],
        why: {
          en: 'The default StorageClass is written into claims that name none; WaitForFirstConsumer delays provisioning until a Pod using the claim is scheduled, so the volume lands where the Pod runs.',
          zh: '未指定类的申领会被写入默认 StorageClass；WaitForFirstConsumer 把制备推迟到使用该申领的 Pod 被调度之后，让卷落在 Pod 运行的地方。',
        },
      },
    },
    {
      text: {
        en: 'Now a Pod, db (redis), mounts the claim at /data.',
        zh: '现在一个 Pod db（redis）把这个申领挂载到 /data。',
      },
      apply: CONSUMER,
      runUntil: { allOf: [phase('data', 'Bound'), { count: { kind: 'Pod', name: 'db', ready: true }, equals: 1 }] },
      pause: true,
      predict: {
        question: { en: 'What happens?', zh: '会发生什么？' },
        choices: [
          { en: 'The scheduler picks a Node, the claim is annotated with it, and a PersistentVolume pvc-<claim uid> is provisioned there and bound', zh: '调度器选定一个 Node 并把它标注在申领上，然后在那里制备一个名为 pvc-<申领 uid> 的 PersistentVolume 并完成绑定' },
          { en: 'db stays Pending forever: its claim was Pending when the Pod was created', zh: 'db 永远 Pending：创建 Pod 时它的申领还是 Pending' },
        ],
        answer: 0,
        check: [
          {
            allOf: [
              { object: claim('data'), path: 'metadata.annotations["volume.kubernetes.io/selected-node"]', sameAs: { object: { kind: 'Pod', name: 'db' }, path: 'spec.nodeName' } },
              { object: claim('data'), path: 'spec.volumeName', matches: '^pvc-' },
              { count: { ...provisioned, phase: 'Bound', fields: { 'spec.claimRef.name': 'data' } }, equals: 1 },
            ],
          },
          { object: { kind: 'Pod', name: 'db' }, path: 'spec.nodeName', exists: false },
        ],
        why: {
          en: 'Scheduling sets volume.kubernetes.io/selected-node on the claim; the provisioner of the class then creates the volume for that Node and the PV controller binds them.',
          zh: '调度时在申领上设置 volume.kubernetes.io/selected-node；随后该类的制备器为那个 Node 创建卷，PV 控制器把两者绑定。',
        },
      },
    },
    {
      text: {
        en: 'Volumes can also be made by hand. An administrator creates a 5Gi PersistentVolume manual-5g with no StorageClass, and a claim small asks for 1Gi, also with storageClassName "" (no dynamic provisioning).',
        zh: '卷也可以手工创建。管理员创建了一个 5Gi、不属于任何 StorageClass 的 PersistentVolume manual-5g；申领 small 请求 1Gi，同样设置 storageClassName ""（不做动态制备）。',
      },
      apply: STATIC,
      runUntil: { ms: 30_000 },
      pause: true,
      predict: {
        question: { en: 'The claim asks for 1Gi; the only volume without a class has 5Gi. What happens?', zh: '申领要 1Gi；唯一没有类的卷有 5Gi。会怎样？' },
        choices: [
          { en: 'small stays Pending: no volume has exactly 1Gi', zh: 'small 保持 Pending：没有正好 1Gi 的卷' },
          { en: 'small binds with a capacity of 1Gi; the rest of the volume stays free for others', zh: 'small 绑定，容量为 1Gi；卷的剩余部分留给别人' },
          { en: 'small binds to manual-5g and shows the whole 5Gi', zh: 'small 绑定到 manual-5g，并显示全部 5Gi' },
        ],
        answer: 2,
        check: [
          phase('small', 'Pending'),
          { allOf: [phase('small', 'Bound'), { object: claim('small'), path: 'status.capacity.storage', equals: '1Gi' }] },
          { allOf: [phase('small', 'Bound'), { object: claim('small'), path: 'spec.volumeName', equals: 'manual-5g' }, { object: claim('small'), path: 'status.capacity.storage', equals: '5Gi' }] },
        ],
        why: {
          en: 'A claim binds to the smallest matching volume that is big enough, and a volume is bound whole: one claim, one volume.',
          zh: '申领会绑定到满足条件且足够大的最小卷，并且卷是整体绑定的：一个申领对应一个卷。',
        },
      },
    },
    {
      text: {
        en: 'Clean-up: the Pod db and both claims are deleted. What happens to the volumes depends on their reclaimPolicy: the provisioned one inherited Delete from its StorageClass; manual-5g has the default for hand-made volumes, Retain.',
        zh: '清理：删除 Pod db 和两个申领。卷的去向取决于 reclaimPolicy：制备出来的卷从 StorageClass 继承了 Delete；manual-5g 使用手工卷的默认值 Retain。',
      },
      commands: [
        { type: 'delete', kind: 'Pod', name: 'db' },
        { type: 'delete', kind: 'PersistentVolumeClaim', name: 'data' },
        { type: 'delete', kind: 'PersistentVolumeClaim', name: 'small' },
      ],
      runUntil: { ms: 60_000 },
      pause: true,
      predict: {
        question: { en: 'Once both claims are gone, which volumes are left?', zh: '两个申领都消失后，还剩哪些卷？' },
        choices: [
          { en: 'Both, Available for the next claim', zh: '两个都在，处于 Available，等待下一个申领' },
          { en: 'Only manual-5g, Released: its data is kept for an administrator', zh: '只剩 manual-5g，状态为 Released：数据留给管理员处理' },
          { en: 'None: volumes are deleted with their claims', zh: '一个都不剩：卷随申领一起删除' },
        ],
        answer: 1,
        check: [
          { count: { kind: 'PersistentVolume', phase: 'Available' }, equals: 2 },
          { allOf: [{ count: provisioned, equals: 0 }, { object: { kind: 'PersistentVolume', name: 'manual-5g' }, path: 'status.phase', equals: 'Released' }] },
          { count: { kind: 'PersistentVolume' }, equals: 0 },
        ],
        why: {
          en: 'Delete removes the volume with its claim; Retain keeps it Released (still holding its claimRef), so it is not reused until an administrator cleans it up.',
          zh: 'Delete 策略会随申领删除卷；Retain 让卷保持 Released（仍持有 claimRef），在管理员清理前不会被复用。',
        },
      },
    },
  ],
};
