/** deployment-controller: new ReplicaSets, revisions, the rolling-update and Recreate math, status. */
import type { Clause, Rule } from './patternTable';

/** `Available=True (MinimumReplicasAvailable): why; Progressing=…` — the conditions that moved. */
function conditions(text: string, clause: Clause): string {
  return text.split(/; (?=\w+=(?:True|False|Unknown) \()/).map((part) => {
    const m = /^(\w+=\w+) \((\w+)\): ([\s\S]*)$/.exec(part);
    return m ? `${m[1]}（${m[2]}）：${clause(m[3])}` : clause(part);
  }).join('；');
}

export const deploymentMessages: Rule[] = [
  [/Deployment (\S+) has no ReplicaSet with its current Pod template, so it creates (\S+) \(revision (\d+)\) with (\d+) replicas?: (.+)/,
    'Deployment {1} 没有与当前 Pod 模板一致的 ReplicaSet，因此创建 {2}（修订版本 {3}），副本数为 {4}：{5*}'],
  [/Deployment (\S+) is at revision (\S+): Progressing=True \(NewReplicaSetCreated\), the rollout to (\S+) has begun/,
    'Deployment {1} 处于修订版本 {2}：Progressing=True（NewReplicaSetCreated），向 {3} 的上线已经开始'],
  [/Deployment (\S+) is at revision (\S+), the revision of its new ReplicaSet (\S+)/,
    'Deployment {1} 处于修订版本 {2}，即其新 ReplicaSet {3} 的修订版本'],
  [/ReplicaSet (\S+) already exists with another Pod template \(a pod-template-hash collision\): Deployment (\S+) raises collisionCount to (\d+) so its next hash differs/,
    'ReplicaSet {1} 已存在，但其 Pod 模板不同（pod-template-hash 冲突）：Deployment {2} 将 collisionCount 提高到 {3}，使下一个哈希值不同'],
  [/Deployment (\S+) could not create ReplicaSet (\S+): Progressing=False \(ReplicaSetCreateError\)/,
    'Deployment {1} 无法创建 ReplicaSet {2}：Progressing=False（ReplicaSetCreateError）'],
  [/ReplicaSet (\S+) has the Deployment's Pod template again, so it is reused as revision (\S+); its earlier revision (\S+) is kept in revision-history \((.*)\)/,
    'ReplicaSet {1} 再次与 Deployment 的 Pod 模板一致，因此被复用为修订版本 {2}；它先前的修订版本 {3} 记录在 revision-history 中（{4}）'],
  [/ReplicaSet (\S+) takes the Deployment's annotations and minReadySeconds=(\d+)/,
    'ReplicaSet {1} 采用 Deployment 的注解和 minReadySeconds={2}'],
  [/Deployment (\S+) keeps at most revisionHistoryLimit=(\d+) old ReplicaSets \(it has (\d+)\), so it deletes the oldest scaled-down one, (\S+) \(revision (\S+)\)/,
    'Deployment {1} 最多保留 revisionHistoryLimit={2} 个旧 ReplicaSet（现有 {3} 个），因此删除已缩容到 0 的最旧的一个：{4}（修订版本 {5}）'],
  [/Deployment (\S+) selects every Pod \(empty selector\), so it does nothing/,
    'Deployment {1} 选中了所有 Pod（选择算符为空），因此什么也不做'],
  [/Deployment (\S+) records revision (\S+) in its (\S+) annotation/,
    'Deployment {1} 在其 {3} 注解中记录修订版本 {2}'],
  [/Deployment (\S+) status: (\d+) Pods, (\d+) updated, (\d+) ready, (\d+) available of (\d+) wanted(?:; ([\s\S]+))?/,
    (g, clause) => `Deployment ${g[1]} 状态：${g[2]} 个 Pod，${g[3]} 个已更新，${g[4]} 个就绪，${g[5]} 个可用（期望 ${g[6]} 个）` +
      (g[7] ? `；${conditions(g[7], clause)}` : '')],
  [/ReplicaSet (\S+) scaled (up|down) from (\d+) to (\d+): (.+)/,
    (g, clause) => `ReplicaSet ${g[1]} 从 ${g[3]} ${g[2] === 'up' ? '扩容' : '缩容'}到 ${g[4]}：${clause(g[5])}`],
  [/ReplicaSet (\S+) annotated desired-replicas=(\d+), max-replicas=(\d+) \(the Deployment's replicas, and replicas \+ maxSurge\)/,
    'ReplicaSet {1} 设置注解 desired-replicas={2}、max-replicas={3}（即 Deployment 的 replicas，以及 replicas + maxSurge）'],
];

export const deploymentClauses: Rule[] = [
  // why a new ReplicaSet starts at its size
  [/Recreate starts the new Pods only once every old Pod is gone/, 'Recreate 策略要等所有旧 Pod 都消失后才启动新 Pod'],
  [/there are no old Pods to replace/, '没有需要替换的旧 Pod'],
  [/replicas (\d+) \+ maxSurge (\d+) allows (\d+) Pods and the old ReplicaSets still hold (\d+)/,
    'replicas {1} + maxSurge {2} 最多允许 {3} 个 Pod，而旧的 ReplicaSet 仍占有 {4} 个'],
  // status conditions
  [/at least replicas (\d+) − maxUnavailable (\d+) = (\d+) Pods are available/,
    '至少有 replicas {1} − maxUnavailable {2} = {3} 个 Pod 可用'],
  [/fewer than replicas (\d+) − maxUnavailable (\d+) = (\d+) Pods are available/,
    '可用的 Pod 少于 replicas {1} − maxUnavailable {2} = {3} 个'],
  [/every replica runs the current template and is available/, '每个副本都运行当前模板并且可用'],
  [/the rollout moved forward; the (\d+)s progress deadline counts from now/, '上线有了进展；{1}s 的进度期限从现在起重新计时'],
  [/no progress for more than progressDeadlineSeconds=(\d+) since (.+); the rollout is not stopped, only reported/,
    '自 {2*} 起超过 progressDeadlineSeconds={1} 没有进展；上线不会被停止，只是报告出来'],
  [/the last update/, '上次更新'],
  [/template changes wait until it is resumed; scaling still applies/, '模板的变更要等恢复（resume）后才生效；扩缩容仍然生效'],
  [/the progress deadline counts again from now/, '进度期限从现在起重新计时'],
  // why a ReplicaSet is scaled
  [/the new ReplicaSet never runs more than the Deployment's replicas \((\d+)\)/,
    '新的 ReplicaSet 运行的 Pod 从不超过 Deployment 的 replicas（{1}）'],
  [/all ReplicaSets together plan (\d+) Pods and replicas (\d+) \+ maxSurge (\d+) allows (\d+), so (\d+) more can start \((.+)\)/,
    '所有 ReplicaSet 合计计划 {1} 个 Pod，而 replicas {2} + maxSurge {3} 允许 {4} 个，因此还可以再启动 {5} 个（{6*}）'],
  [/maxSurge (\d+)(?: \((\S+) of (\d+), rounded up\))?, maxUnavailable (\d+)(?: \((\S+) of (\d+), rounded down\))?/,
    (g) => `maxSurge ${g[1]}${g[2] ? `（${g[3]} 的 ${g[2]}，向上取整）` : ''}，` +
      `maxUnavailable ${g[4]}${g[5] ? `（${g[6]} 的 ${g[5]}，向下取整）` : ''}`],
  [/(\d+) of its Pods are not available, and unavailable old Pods go first \(replicas (\d+) − maxUnavailable (\d+) = (\d+) must stay available; at most (\d+) old Pods may go now\)/,
    '其中 {1} 个 Pod 不可用，不可用的旧 Pod 先删除（replicas {2} − maxUnavailable {3} = {4} 个必须保持可用；现在最多可删除 {5} 个旧 Pod）'],
  [/(\d+) Pods are available and replicas (\d+) − maxUnavailable (\d+) = (\d+) must stay available, so (\d+) old Pods? can go/,
    '{1} 个 Pod 可用，而 replicas {2} − maxUnavailable {3} = {4} 个必须保持可用，因此可以删除 {5} 个旧 Pod'],
  [/the Deployment wants (\d+) replicas and (\S+) is its only active ReplicaSet/,
    'Deployment 需要 {1} 个副本，而 {2} 是它唯一活跃的 ReplicaSet'],
  [/the new ReplicaSet already runs all (\d+) replicas, so the old ones go to 0/,
    '新的 ReplicaSet 已运行全部 {1} 个副本，因此旧的缩容到 0'],
  [/the Deployment was scaled to (\d+) in the middle of a rollout, so the (\d+) Pods it allows \(replicas \+ maxSurge (\d+)\) are shared in proportion: (.+) → (\d+)/,
    'Deployment 在上线过程中被扩缩到 {1}，因此它允许的 {2} 个 Pod（replicas + maxSurge {3}）按比例分配：{4*} → {5}'],
  [/(\d+)×(\d+)\/(\d+) rounded/, '{1}×{2}/{3} 取整'],
  [/(\d+) \+ its share/, '{1} + 其份额'],
  [/Recreate stops every old Pod before any new Pod starts/, 'Recreate 策略在任何新 Pod 启动之前停止所有旧 Pod'],
  [/no old Pod is left, so Recreate starts all (\d+) new replicas at once/, '已没有旧 Pod，因此 Recreate 一次启动全部 {1} 个新副本'],
];
