/** daemonset-controller: one Pod per eligible Node, rolling updates (maxUnavailable / maxSurge), history. */
import type { Rule } from './patternTable';

export const daemonSetMessages: Rule[] = [
  [/DaemonSet (\S+): (.+), so it creates one pinned to (\S+) by node affinity \(matchFields metadata\.name In \[(\S+)\]\) for the default scheduler to bind \(slow-start batch of (\d+)\)/,
    'DaemonSet {1}：{2*}，因此创建一个通过节点亲和性（matchFields metadata.name In [{4}]）固定到 {3} 的 Pod，由默认调度器绑定（慢启动批次大小为 {5}）'],
  [/DaemonSet (\S+) deletes (\S+): (.+)/, 'DaemonSet {1} 删除 {2}：{3*}'],
  [/DaemonSet (\S+) status: (\d+) Nodes should run it, (\d+) do, (\d+) ready, (\d+) available, (\d+) up to date(?:, (\d+) running where they should not)?/,
    (g) => `DaemonSet ${g[1]} 状态：${g[2]} 个 Node 应运行它，实际运行 ${g[3]} 个，${g[4]} 个就绪，${g[5]} 个可用，${g[6]} 个为最新` +
      (g[7] ? `，${g[7]} 个运行在不该运行的 Node 上` : '')],
  [/DaemonSet (\S+) records its pod template as ControllerRevision (\S+) \(revision (\d+)\); its Pods are labelled controller-revision-hash=(\S+)/,
    'DaemonSet {1} 将 Pod 模板记录为 ControllerRevision {2}（修订版本 {3}）；它的 Pod 带有标签 controller-revision-hash={4}'],
  [/DaemonSet (\S+)'s pod template is again the one ControllerRevision (\S+) recorded: it becomes revision (\d+) \(was (\d+)\), so a rollback is a roll forward/,
    'DaemonSet {1} 的 Pod 模板再次与 ControllerRevision {2} 记录的一致：它成为修订版本 {3}（原为 {4}），因此回滚就是前滚'],
  [/DaemonSet (\S+) keeps at most revisionHistoryLimit=(\d+) old revisions: deleting ControllerRevision (\S+) \(revision (\d+)\)/,
    'DaemonSet {1} 最多保留 revisionHistoryLimit={2} 个旧修订：删除 ControllerRevision {3}（修订版本 {4}）'],
  [/DaemonSet (\S+) labels ControllerRevision (\S+) with its name as its hash/, 'DaemonSet {1} 为 ControllerRevision {2} 加上以其名称作为哈希的标签'],
  [/DaemonSet (\S+): ControllerRevision (\S+) already records another template \(a hash collision\), so status\.collisionCount becomes (\d+) and the next hash differs/,
    'DaemonSet {1}：ControllerRevision {2} 已记录了另一个模板（哈希冲突），因此 status.collisionCount 变为 {3}，下一个哈希值将不同'],
  [/DaemonSet (\S+) relabels Pod (\S+) with controller-revision-hash=(\S*) before removing the duplicate ControllerRevision (\S+)/,
    'DaemonSet {1} 在删除重复的 ControllerRevision {4} 之前，为 Pod {2} 重新打上标签 controller-revision-hash={3}'],
  [/DaemonSet (\S+) removes ControllerRevision (\S+): it duplicates (\S+), which records the same template/,
    'DaemonSet {1} 删除 ControllerRevision {2}：它与记录相同模板的 {3} 重复'],
];

/** Why a daemon Pod is created or deleted on a Node. */
export const daemonSetClauses: Rule[] = [
  [/Node (\S+) should run a Pod of DaemonSet (\S+) and has none/, 'Node {1} 应运行 DaemonSet {2} 的 Pod，但目前没有'],
  [/Node (\S+) no longer runs DaemonSet (\S+): (.+)/, 'Node {1} 不再运行 DaemonSet {2}：{3*}'],
  [/its template's nodeName is (\S+)/, '它的模板指定 nodeName 为 {1}'],
  [/the Node's labels do not match its nodeSelector or required node affinity/, '该 Node 的标签不匹配它的 nodeSelector 或必需的节点亲和性'],
  [/the Node has taint (\S+), which its Pods do not tolerate/, '该 Node 有污点 {1}，而它的 Pod 不容忍该污点'],
  [/daemon Pod (\S+) on (\S+) has failed; it is deleted and replaced \(with back-off\)/, '{2} 上的守护 Pod {1} 已失败；将被删除并替换（带退避）'],
  [/daemon Pod (\S+) on (\S+) has exited; it is deleted and replaced/, '{2} 上的守护 Pod {1} 已退出；将被删除并替换'],
  [/Node (\S+) has (\d+) Pods of DaemonSet (\S+); only the oldest stays/, 'Node {1} 上有 DaemonSet {3} 的 {2} 个 Pod；只保留最老的一个'],
  [/Node (\S+) has no live Pod of DaemonSet (\S+)/, 'Node {1} 上没有 DaemonSet {2} 的存活 Pod'],
  [/Node (\S+) has more Pods of DaemonSet (\S+) than one old and one new/, 'Node {1} 上 DaemonSet {2} 的 Pod 多于一个旧的加一个新的'],
  [/the old Pod on (\S+) is not Ready, so the new (\S+) replaces it now/, '{1} 上的旧 Pod 未就绪，因此新的 {2} 立即替换它'],
  [/maxSurge rollout: the new Pod (\S+) on (\S+) is available, so the old one goes/, 'maxSurge 上线：{2} 上的新 Pod {1} 已可用，因此删除旧的'],
  [/Node (\S+), which it was made for, no longer exists/, '为其创建该 Pod 的 Node {1} 已不存在'],
  [/rolling update: the old Pod on (\S+) is not available anyway, so it is replaced right away/, '滚动更新：{1} 上的旧 Pod 本来就不可用，因此立即替换它'],
  [/rolling update \(maxUnavailable (\S+)\): the old Pod on (\S+) goes first, and a Pod from the new template replaces it once it is gone/,
    '滚动更新（maxUnavailable {1}）：先删除 {2} 上的旧 Pod，它消失后由新模板的 Pod 替换'],
  [/its old Pod on (\S+) is not available and the Node no longer runs the DaemonSet/, '它在 {1} 上的旧 Pod 不可用，并且该 Node 不再运行这个 DaemonSet'],
  [/rolling update: the old Pod on (\S+) is not available, so a new one starts beside it now/, '滚动更新：{1} 上的旧 Pod 不可用，因此立即在它旁边启动一个新的'],
  [/Node (\S+) no longer runs the DaemonSet, and enough Pods elsewhere are available/, 'Node {1} 不再运行这个 DaemonSet，并且其他地方有足够的可用 Pod'],
  [/rolling update \(maxSurge (\S+)\): a new Pod starts next to the old one on (\S+), which is deleted once the new one is available/,
    '滚动更新（maxSurge {1}）：在 {2} 上的旧 Pod 旁边启动一个新 Pod，新 Pod 可用后删除旧的'],
  [/rolling update \(maxSurge (\S+)\): the new Pod (\S+) on (\S+) is available, so the old one goes/,
    '滚动更新（maxSurge {1}）：{3} 上的新 Pod {2} 已可用，因此删除旧的'],
];
