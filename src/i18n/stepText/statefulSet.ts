/** statefulset-controller: ordered creation, claims from templates, rolling updates, revisions, status. */
import type { Rule } from './patternTable';

export const statefulSetMessages: Rule[] = [
  [/StatefulSet (\S+) has (\d+) of (\d+) Pods: creating (\S+) at revision (\S+) \((.+)\)/,
    'StatefulSet {1} 现有 {2} 个 Pod，期望 {3} 个：以修订版本 {5} 创建 {4}（{6*}）'],
  [/Pod (\S+) of StatefulSet (\S+) (is being deleted and )?has (failed|exited \(Succeeded\)): a finished Pod is removed at once, and the StatefulSet recreates it under the same name/,
    (g) => `StatefulSet ${g[2]} 的 Pod ${g[1]} ${g[3] ? '正在被删除且' : ''}${g[4] === 'failed' ? '已失败' : '已退出（Succeeded）'}：` +
      '已结束的 Pod 会被立即删除，StatefulSet 以相同名称重新创建它'],
  [/StatefulSet (\S+) creates PersistentVolumeClaim (\S+) from volumeClaimTemplate (\S+) before Pod (\S+): each ordinal keeps its own claim, and the claim stays Pending until a volume is bound to it/,
    'StatefulSet {1} 在创建 Pod {4} 之前，根据 volumeClaimTemplate {3} 创建 PersistentVolumeClaim {2}：每个序号保有自己的申领，在有卷绑定之前申领保持 Pending'],
  [/StatefulSet (\S+) sets the owners of PersistentVolumeClaim (\S+): (.+)/, 'StatefulSet {1} 设置 PersistentVolumeClaim {2} 的属主：{3*}'],
  [/StatefulSet (\S+) restores (.+) on Pod (\S+): a StatefulSet Pod keeps the identity of its ordinal/,
    (g, clause) => `StatefulSet ${g[1]} 恢复 Pod ${g[3]} 的${g[2].split(' and ').map(clause).join('和')}：StatefulSet 的 Pod 保持其序号的身份`],
  [/StatefulSet (\S+) scales down to (\d+) replicas: deleting (\S+) \((.+)\)/, 'StatefulSet {1} 缩容到 {2} 个副本：删除 {3}（{4*}）'],
  [/StatefulSet (\S+) rolls out revision (\S+): deleting (\S+), the highest ordinal not yet updated, to recreate it from the new template(?:; ordinals below the partition \((\d+)\) stay at (\S+))?\. The next Pod waits until this one is Running and Ready/,
    (g) => `StatefulSet ${g[1]} 上线修订版本 ${g[2]}：删除尚未更新的最高序号 Pod ${g[3]}，以便用新模板重建它` +
      `${g[4] ? `；低于分区（partition ${g[4]}）的序号保持在 ${g[5]}` : ''}。下一个 Pod 要等这个 Pod 进入 Running 且 Ready`],
  [/StatefulSet (\S+) records its new pod template as ControllerRevision (\S+) \(revision (\d+)\); Pods carry the revision name in their controller-revision-hash label/,
    'StatefulSet {1} 将新的 Pod 模板记录为 ControllerRevision {2}（修订版本 {3}）；Pod 在其 controller-revision-hash 标签中带有该修订名称'],
  [/StatefulSet (\S+)'s pod template is again the one ControllerRevision (\S+) recorded, so that revision is reused as revision (\d+) \(was (\d+)\): a rollback is a roll forward to an old template/,
    'StatefulSet {1} 的 Pod 模板再次与 ControllerRevision {2} 记录的一致，因此该修订被复用为修订版本 {3}（原为 {4}）：回滚就是向旧模板的前滚'],
  [/StatefulSet (\S+) keeps at most revisionHistoryLimit=(\d+) unused revisions: deleting ControllerRevision (\S+) \(revision (\d+)\)/,
    'StatefulSet {1} 最多保留 revisionHistoryLimit={2} 个未使用的修订：删除 ControllerRevision {3}（修订版本 {4}）'],
  [/StatefulSet (\S+) status: (\d+) Pods for (\d+) replicas, (\d+) ready(?:, (\d+) available \(Ready for minReadySeconds=(\d+)\))?; (?:revision (\S+)|(\d+) updated to (\S+), (\d+) still at (\S+))/,
    (g) => `StatefulSet ${g[1]} 状态：${g[2]} 个 Pod（期望 ${g[3]} 个副本），${g[4]} 个就绪` +
      `${g[5] ? `，${g[5]} 个可用（就绪已达 minReadySeconds=${g[6]}）` : ''}；` +
      (g[7] ? `修订版本 ${g[7]}` : `${g[8]} 个已更新到 ${g[9]}，${g[10]} 个仍为 ${g[11]}`)],
  [/(\S+) (\S+) adopted ControllerRevision (\S+) \(no controller, and its labels match the selector\)/,
    '{1} {2} 接管了 ControllerRevision {3}（它没有控制器，且标签与选择算符匹配）'],
];

export const statefulSetClauses: Rule[] = [
  [/OrderedReady: one Pod at a time, lowest ordinal first/, 'OrderedReady：一次一个 Pod，从最低序号开始'],
  [/OrderedReady: every lower ordinal is Running and Ready(?:, and has been for minReadySeconds=(\d+))?, so the next one may start/,
    (g) => `OrderedReady：所有更低序号的 Pod 都已 Running 且 Ready${g[1] ? `，并已持续 minReadySeconds=${g[1]}` : ''}，因此可以启动下一个`],
  [/Parallel: every missing Pod is created at once, without waiting for readiness/, 'Parallel：一次创建所有缺少的 Pod，不等待就绪'],
  [/OrderedReady removes the highest ordinal first and waits until it is gone before the next/,
    'OrderedReady 先删除最高序号，等它消失后再删除下一个'],
  [/Parallel removes every surplus Pod at once/, 'Parallel 一次删除所有多余的 Pod'],
  [/its identity labels/, '身份标签'],
  [/its claim volumes/, '申领卷'],
  // claim retention (persistentVolumeClaimRetentionPolicy)
  [/Pod (\S+) is scaled down and whenScaled is Delete: the claim is deleted with the Pod/,
    'Pod {1} 被缩容且 whenScaled 为 Delete：申领随 Pod 一起删除'],
  [/whenDeleted is Delete: the claim is deleted with StatefulSet (\S+)/, 'whenDeleted 为 Delete：申领随 StatefulSet {1} 一起删除'],
  [/the policy is whenDeleted: (\S+), whenScaled: (\S+), so the claim has no owner and outlives its Pod/,
    '策略为 whenDeleted: {1}、whenScaled: {2}，因此申领没有属主，比它的 Pod 存在得更久'],
];
