/**
 * garbage-collector, namespace-controller, disruption-controller, resourcequota-controller and the
 * serviceaccount controllers: what goes when its owner or namespace goes, and the bookkeeping.
 */
import type { Rule } from './patternTable';

/** A Kind and a name: `ReplicaSet web-7d4f`. */
const OBJ = '([A-Z]\\w* \\S+)';

export const lifecycleMessages: Rule[] = [
  [new RegExp(`${OBJ} belongs to (.+?), which no longer exists?, so the garbage collector deletes it \\(propagationPolicy (\\w+)\\)(; the Pod terminates gracefully first)?`),
    (g) => `${g[1]} 属于已不存在的 ${g[2]}，因此垃圾收集器删除它（propagationPolicy ${g[3]}）${g[4] ? '；该 Pod 会先体面终止' : ''}`],
  [new RegExp(`(.+?) is being deleted in the foreground: the garbage collector deletes its dependent ${OBJ} first(; the Pod terminates gracefully first)?`),
    (g) => `${g[1]} 正在被前台级联删除：垃圾收集器先删除它的附属对象 ${g[2]}${g[3] ? '；该 Pod 会先体面终止' : ''}`],
  [new RegExp(`(.+?) is being deleted in the foreground, so the garbage collector deletes its dependent ${OBJ} in the foreground too: ${OBJ} has (\\d+) dependent\\(s\\) of its own, which go first`),
    '{1} 正在被前台级联删除，因此垃圾收集器也以前台级联方式删除它的附属对象 {2}：{3} 自己还有 {4} 个附属对象，它们先被删除'],
  [new RegExp(`${OBJ} still has owner (.+?), so it stays; the garbage collector only removes its ownerReference to (.+?), because (.+)`),
    (g) => `${g[1]} 仍有属主 ${g[2]}，因此保留；垃圾收集器只移除它指向 ${g[3]} 的 ownerReference，因为` +
      g[4].split(' and ').map((w) => w.replace(/^(.+) no longer exists$/, '$1 已不存在').replace(/^(.+) is being deleted in the foreground$/, '$1 正在被前台级联删除')).join('，并且')],
  [new RegExp(`${OBJ} sits between two foreground deletions: its ownerReferences stop blocking their owners \\(blockOwnerDeletion: false\\) so neither waits on the other forever`),
    '{1} 夹在两个前台删除之间：它的 ownerReferences 不再阻塞其属主（blockOwnerDeletion: false），以免双方永远互相等待'],
  [new RegExp(`${OBJ} is deleted with propagationPolicy Orphan: the garbage collector removes its ownerReference from ${OBJ}, which stays( without an owner)?`),
    (g) => `${g[1]} 以 propagationPolicy Orphan 删除：垃圾收集器移除 ${g[2]} 上指向它的 ownerReference，${g[2]} 保留下来${g[3] ? '，不再有属主' : ''}`],
  [new RegExp(`(?:No dependent of ${OBJ} with blockOwnerDeletion is left|(\\d+) dependent\\(s\\) of ${OBJ} are orphaned), so the garbage collector removes its (\\S+) finalizer and (.+)`),
    (g) => (g[1] ? `${g[1]} 已没有带 blockOwnerDeletion 的附属对象` : `${g[3]} 的 ${g[2]} 个附属对象已被孤立`) +
      `，因此垃圾收集器移除它的 ${g[4]} finalizer，` + g[5]
      .replace(/^(.+) still waits for (.+)$/, '$1 仍在等待 $2')
      .replace(/^(.+) goes once its graceful termination ends$/, '$1 在体面终止结束后消失')
      .replace(/^(.+) is deleted$/, '$1 被删除')],
  // namespace deletion
  [/Deleting (\S+) (\S+)( \(gracefully: its containers get (\d+)s to stop\))?: namespace (\S+) is terminating, so the namespace controller deletes everything in it/,
    (g) => `删除 ${g[1]} ${g[2]}${g[3] ? `（体面删除：它的容器有 ${g[4]}s 来停止）` : ''}：命名空间 ${g[5]} 正在终止，因此命名空间控制器删除其中的一切`],
  [/Namespace (\S+) is empty: the namespace controller removed its "kubernetes" finalizer, so the namespace is deleted(?: \(finalizers (.+) still hold it\))?/,
    (g) => `Namespace ${g[1]} 已清空：命名空间控制器移除了它的 "kubernetes" finalizer，因此该命名空间被删除${g[2] ? `（finalizer ${g[2]} 仍然阻止它）` : ''}`],
  [/Namespace (\S+) is terminating: all its content is gone/, 'Namespace {1} 正在终止：其中的所有内容都已删除'],
  [/Namespace (\S+) is terminating: ([\s\S]+?)(?:; checking again in (\d+)s)?/,
    (g) => `Namespace ${g[1]} 正在终止：${g[2]}${g[3] ? `；${g[3]}s 后再次检查` : ''}`],
  // PodDisruptionBudget, ResourceQuota, ServiceAccount
  [/PodDisruptionBudget (\S+): (\d+) of (\d+) expected Pods healthy, (\d+) must stay healthy, so (\d+) disruptions? (?:is|are) allowed/,
    'PodDisruptionBudget {1}：预期的 {3} 个 Pod 中有 {2} 个健康，必须保持 {4} 个健康，因此允许 {5} 次干扰'],
  [/PodDisruptionBudget (\S+): no disruption allowed, its status cannot be computed: ([\s\S]+)/, 'PodDisruptionBudget {1}：不允许干扰，无法计算其状态：{2}'],
  [/Published ConfigMap (\S+)/, '发布了 ConfigMap {1}'],
  [/ResourceQuota (\S+) recounted what namespace (\S+) uses of its limits: (.+)/,
    (g) => `ResourceQuota ${g[1]} 重新统计了命名空间 ${g[2]} 对其限额的用量：${g[3] === 'nothing tracked' ? '没有跟踪任何资源' : g[3]}`],
];
