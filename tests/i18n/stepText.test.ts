/**
 * localizeStepMessage: English passes through; Chinese is the pattern's wording with names, numbers,
 * reasons and embedded upstream texts unchanged; a message no pattern knows stays English.
 */
import { describe, expect, it } from 'vitest';
import { localizeStepMessage } from '../../src/i18n/stepText';

const EXACT: [string, string][] = [
  ["ReplicaSet web-7d4f has 1 of 3 Pods: creating 2 (slow-start batch of 2: batches double while every create succeeds)",
    "ReplicaSet web-7d4f 现有 1 个 Pod，期望 3 个：创建 2 个（慢启动批次大小为 2：每批都创建成功时批次加倍）"],
  ["ReplicaSet web-5c94f75b5d scaled up from 1 to 2: all ReplicaSets together plan 4 Pods and replicas 4 + maxSurge 1 allows 5, so 1 more can start (maxSurge 1 (25% of 4, rounded up), maxUnavailable 1 (25% of 4, rounded down))",
    "ReplicaSet web-5c94f75b5d 从 1 扩容到 2：所有 ReplicaSet 合计计划 4 个 Pod，而 replicas 4 + maxSurge 1 允许 5 个，因此还可以再启动 1 个（maxSurge 1（4 的 25%，向上取整），maxUnavailable 1（4 的 25%，向下取整））"],
  ["ReplicaSet web-f46497585 scaled down from 3 to 1: 5 Pods are available and replicas 4 − maxUnavailable 1 = 3 must stay available, so 2 old Pods can go",
    "ReplicaSet web-f46497585 从 3 缩容到 1：5 个 Pod 可用，而 replicas 4 − maxUnavailable 1 = 3 个必须保持可用，因此可以删除 2 个旧 Pod"],
  ["Deployment web has no ReplicaSet with its current Pod template, so it creates web-5c94f75b5d (revision 2) with 1 replica: replicas 4 + maxSurge 1 allows 5 Pods and the old ReplicaSets still hold 4",
    "Deployment web 没有与当前 Pod 模板一致的 ReplicaSet，因此创建 web-5c94f75b5d（修订版本 2），副本数为 1：replicas 4 + maxSurge 1 最多允许 5 个 Pod，而旧的 ReplicaSet 仍占有 4 个"],
  ["Deployment web status: 4 Pods, 4 updated, 3 ready, 3 available of 4 wanted; Available=True (MinimumReplicasAvailable): at least replicas 4 − maxUnavailable 1 = 3 Pods are available; Progressing=True (ReplicaSetUpdated): the rollout moved forward; the 600s progress deadline counts from now",
    "Deployment web 状态：4 个 Pod，4 个已更新，3 个就绪，3 个可用（期望 4 个）；Available=True（MinimumReplicasAvailable）：至少有 replicas 4 − maxUnavailable 1 = 3 个 Pod 可用；Progressing=True（ReplicaSetUpdated）：上线有了进展；600s 的进度期限从现在起重新计时"],
  ["ReplicaSet web has 3 of 2 Pods: deleting web-7jff9, because its Node node-1 runs 2 of this workload's Pods, more than the 1 on node-2; doubled-up Nodes lose Pods first",
    "ReplicaSet web 现有 3 个 Pod，期望 2 个：删除 web-7jff9，因为它所在的 Node node-1 运行着该工作负载的 2 个 Pod，多于 node-2 上的 1 个；Pod 扎堆的 Node 先删除 Pod"],
  ["Bound Pod default/web-1 to node-3: 3 of 3 Nodes fit; it scored highest (697)",
    "将 Pod default/web-1 绑定到 node-3：3 个 Node 中有 3 个满足条件；它的得分最高（697）"],
  ["Could not schedule Pod default/web: 0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    "无法调度 Pod default/web：0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod."],
  ["Created the pod sandbox (pause container) with IP 10.244.3.2",
    "创建了 Pod 沙箱（pause 容器），IP 为 10.244.3.2"],
  ["Pulling image \"nginx:1.27\" for container web (queued behind another pull on node-1)",
    "为容器 web 拉取镜像 \"nginx:1.27\"（排在 node-1 上另一个镜像拉取之后）"],
  ["Started container app",
    "启动了容器 app"],
  ["Container app is in CrashLoopBackOff: next restart in 20s",
    "容器 app 处于 CrashLoopBackOff：20s 后再次重启"],
  ["Container app exited with code 1",
    "容器 app 以退出码 1 退出"],
  ["Pod web is being deleted: stopping 2 containers (grace period 30s)",
    "Pod web 正在被删除：正在停止 2 个容器（宽限期 30s）"],
  ["StatefulSet web has 1 of 3 Pods: creating web-1 at revision web-5b8f4f7475 (OrderedReady: every lower ordinal is Running and Ready, so the next one may start)",
    "StatefulSet web 现有 1 个 Pod，期望 3 个：以修订版本 web-5b8f4f7475 创建 web-1（OrderedReady：所有更低序号的 Pod 都已 Running 且 Ready，因此可以启动下一个）"],
  ["Job pi has 1 active Pod; 0 of 5 completions done; min(parallelism 2, 5 remaining) = 2 wanted active: creating a Pod",
    "Job pi 有 1 个活跃 Pod；已完成 0/5 次；min(parallelism 2, 剩余 5) = 期望 2 个活跃：创建一个 Pod"],
  ["CronJob hello (schedule \"*/5 * * * *\") reached its scheduled time 2025-01-01T09:05:00Z: creating Job hello-28928705 (named for the scheduled minute since the Unix epoch)",
    "CronJob hello（调度 \"*/5 * * * *\"）到达调度时间 2025-01-01T09:05:00Z：创建 Job hello-28928705（以自 Unix 纪元以来的调度分钟数命名）"],
  ["HPA php-apache: desired = ceil(1 × 187% / 50%) = 4 — Deployment/php-apache scaled from 1 to 4",
    "HPA php-apache：desired = ceil(1 × 187% / 50%) = 4 — Deployment/php-apache 从 1 扩缩到 4"],
  ["HPA web: desired = ceil(4 × 100% / 400%) = 1, held at 2 by the 30s scale-down stabilization window (highest recent recommendation), then limited by the scale-down policy (50% in 60s) to 4 — Deployment/web stays at 4",
    "HPA web：desired = ceil(4 × 100% / 400%) = 1，被 30s 的缩容稳定窗口保持为 2（最近建议中的最高值），然后受缩容策略（50% / 60s）限制，为 4 — Deployment/web 保持为 4"],
  ["Endpoints web updated: web-a, web-b now ready; now 3 ready addresses, 0 not ready on 8080/TCP",
    "Endpoints web 已更新：web-a、web-b 现已就绪；现有 3 个就绪地址，0 个未就绪，端口 8080/TCP"],
  ["EndpointSlice web-4jktl of Service default/web: added web-a (not ready), web-b (not ready); now 6 endpoints (4 ready, 2 not ready) on 8080/TCP",
    "Service default/web 的 EndpointSlice web-4jktl：新增 web-a（未就绪）、web-b（未就绪）；现有 6 个端点（4 个就绪，2 个未就绪），端口 8080/TCP"],
  ["kube-proxy on node-1 synced iptables rules: 2 Services, 3 endpoints (default/db:pg added, now 2 endpoints)",
    "node-1 上的 kube-proxy 同步了 iptables 规则：2 个 Service，3 个端点（新增 default/db:pg，现有 2 个端点）"],
  ["traffic-1: 40 requests to default/web → web-a 10, web-b 5; 12 refused at pod/default/debug (connection refused: nothing listens on 10.244.3.3:8080 in Pod debug)",
    "traffic-1：向 default/web 发出 40 个请求 → web-a 10，web-b 5；12 个在 pod/default/debug 处被拒绝（连接被拒绝：Pod debug 中没有进程监听 10.244.3.3:8080）"],
  ["Node node-3: added taint node.kubernetes.io/unreachable:NoExecute (its kubelet stopped reporting); Pods that do not tolerate it are evicted, those with the default toleration after 300s",
    "Node node-3：添加了污点 node.kubernetes.io/unreachable:NoExecute（它的 kubelet 停止了上报）；不容忍该污点的 Pod 会被驱逐，带有默认容忍度的 Pod 在 300s 后被驱逐"],
  ["Stopped the kubelet on node-3: it no longer posts Node status nor renews its Lease (last renewal 0s ago); its containers keep running. The node lifecycle controller will mark the Node NotReady at +50s (node-monitor-grace-period 50s, checked every 5s)",
    "停止了 node-3 上的 kubelet：它不再上报 Node 状态，也不再续约 Lease（上次续约在 0s 前）；它的容器继续运行。节点生命周期控制器将在 +50s 时把该 Node 标记为 NotReady（node-monitor-grace-period 为 50s，每 5s 检查一次）"],
  ["PersistentVolumeClaim default/data stays Pending: its class binds WaitForFirstConsumer, so no volume is chosen or provisioned before a Pod uses it",
    "PersistentVolumeClaim default/data 保持 Pending：它的存储类以 WaitForFirstConsumer 方式绑定，因此在有 Pod 使用它之前不会选择或制备卷"],
  ["Pod web-0 belongs to StatefulSet web, which no longer exists, so the garbage collector deletes it (propagationPolicy Background); the Pod terminates gracefully first",
    "Pod web-0 属于已不存在的 StatefulSet web，因此垃圾收集器删除它（propagationPolicy Background）；该 Pod 会先体面终止"],
  ["deployment.apps/web created",
    "deployment.apps/web 已创建"],
  ["deployment.apps \"web\" deleted",
    "deployment.apps \"web\" 已删除"],
  ["deployment.apps/web rolled back to revision 2: kubectl copies the Pod template of ReplicaSet web-5c94f75b5d (without its pod-template-hash label) into the Deployment",
    "deployment.apps/web 已回滚到修订版本 2：kubectl 把 ReplicaSet web-5c94f75b5d 的 Pod 模板（去掉其 pod-template-hash 标签）复制到 Deployment 中"],
  ["FailedCreate: Error creating: pods \"web-77d569948d-rlgcp\" is forbidden: exceeded quota: compute, requested: requests.cpu=400m, used: requests.cpu=800m, limited: requests.cpu=1",
    "事件 FailedCreate：Error creating: pods \"web-77d569948d-rlgcp\" is forbidden: exceeded quota: compute, requested: requests.cpu=400m, used: requests.cpu=800m, limited: requests.cpu=1"],
];

describe('localizeStepMessage', () => {
  it.each(EXACT.map(([en]) => [en]))('returns English unchanged: %s', (en) => {
    expect(localizeStepMessage(en, 'en')).toEqual({ text: en, language: 'en' });
  });

  it.each(EXACT)('words %s in Chinese', (en, zh) => {
    expect(localizeStepMessage(en, 'zh-CN')).toEqual({ text: zh, language: 'zh-CN' });
  });

  it.each([
    'Something no controller ever says',
    'deployment.apps/web scaled',
    '',
  ])('keeps a message no pattern knows in English, and says so: %j', (en) => {
    expect(localizeStepMessage(en, 'zh-CN')).toEqual({ text: en, language: 'en' });
    expect(localizeStepMessage(en, 'en')).toEqual({ text: en, language: 'en' });
  });

  it('answers a repeated message from its memo, with the same result', () => {
    const en = 'Started container app';
    const first = localizeStepMessage(en, 'zh-CN');
    expect(localizeStepMessage(en, 'zh-CN')).toBe(first);
    expect(first.text).toBe('启动了容器 app');
  });

  it('keeps an embedded API error verbatim inside the Chinese sentence', () => {
    const error = 'pods "web-1" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=2, limited: pods=2';
    const zh = localizeStepMessage(`ReplicaSet web status: 0 of 3 Pods, 0 ready, 0 available; ReplicaFailure (FailedCreate): ${error}`, 'zh-CN');
    expect(zh.text).toBe(`ReplicaSet web 状态：0 个 Pod（期望 3 个），0 个就绪，0 个可用；ReplicaFailure（FailedCreate）：${error}`);
  });
});
