/** replicaset-controller and replication-controller: slow-start creates, the deletion ranking, status; adoption. */
import type { Rule } from './patternTable';

const OWNER = '(ReplicaSet|ReplicationController)';

export const replicaSetMessages: Rule[] = [
  [new RegExp(`${OWNER} (\\S+) has (\\d+) of (\\d+) Pods: creating (\\d+) \\(slow-start batch of (\\d+): batches double while every create succeeds(?:; at most (\\d+) per sync, (\\d+) wait for the next)?\\)`),
    (g) => `${g[1]} ${g[2]} 现有 ${g[3]} 个 Pod，期望 ${g[4]} 个：创建 ${g[5]} 个（慢启动批次大小为 ${g[6]}：每批都创建成功时批次加倍` +
      `${g[7] ? `；每次同步最多 ${g[7]} 个，其余 ${g[8]} 个等下一次同步` : ''}）`],
  [new RegExp(`${OWNER} (\\S+) has (\\d+) of (\\d+) Pods: deleting (\\S+), because (.+)`),
    '{1} {2} 现有 {3} 个 Pod，期望 {4} 个：删除 {5}，因为{6*}'],
  [new RegExp(`${OWNER} (\\S+) status: (\\d+) of (\\d+) Pods, (\\d+) ready, (\\d+) available(?: \\(Ready for more than minReadySeconds=(\\d+)\\))?(?:; ReplicaFailure \\((\\w+)\\): ([\\s\\S]+))?`),
    (g) => `${g[1]} ${g[2]} 状态：${g[3]} 个 Pod（期望 ${g[4]} 个），${g[5]} 个就绪，${g[6]} 个可用` +
      `${g[7] ? `（就绪时间超过 minReadySeconds=${g[7]}）` : ''}${g[8] ? `；ReplicaFailure（${g[8]}）：${g[9]}` : ''}`],
  // shared by every controller that claims objects by selector
  [/(\S+) (\S+) adopted (\S+) (\S+) \(its labels match the selector\)/, '{1} {2} 接管了 {3} {4}（其标签与选择算符匹配）'],
  [/(\S+) (\S+) released (\S+) (\S+) \(its labels no longer match\)/, '{1} {2} 释放了 {3} {4}（其标签不再匹配）'],
];

/** Why this Pod is the one deleted: the deletion ranking rule that sets it apart. */
export const replicaSetClauses: Rule[] = [
  [/it is the only one, so there is nothing to rank/, '它是唯一的一个，无需排序'],
  [/all (\d+) go, so there is nothing to rank/, '全部 {1} 个都要删除，无需排序'],
  [/it is not scheduled to a Node yet, and unscheduled Pods go first/, '它尚未被调度到 Node，而未调度的 Pod 先删除'],
  [/it is (\S+) while (\S+) is (\S+); Pending, then Unknown, then Running go first/,
    '它处于 {1}，而 {2} 处于 {3}；按 Pending、Unknown、Running 的顺序先删除'],
  [/it is not Ready, and not-ready Pods go first/, '它未就绪（not Ready），而未就绪的 Pod 先删除'],
  [/its pod-deletion-cost (-?\d+) is lower than the (-?\d+) of (\S+)/, '它的 pod-deletion-cost {1} 低于 {3} 的 {2}'],
  [/its Node (\S+) runs (\d+) of this workload's Pods, more than the (\d+) on (\S+); doubled-up Nodes lose Pods first/,
    '它所在的 Node {1} 运行着该工作负载的 {2} 个 Pod，多于 {4} 上的 {3} 个；Pod 扎堆的 Node 先删除 Pod'],
  [/it became Ready more recently than (\S+) \(compared on a log₂ scale of time since Ready\)/,
    '它比 {1} 更晚变为 Ready（按就绪时长的 log₂ 尺度比较）'],
  [/it has been Ready about as long as (\S+) \(same log₂ bucket\), and its UID sorts first/,
    '它与 {1} 的就绪时长相当（同一 log₂ 区间），并且它的 UID 排序在前'],
  [/its containers restarted (\d+) times, more than the (\d+) of (\S+)/, '它的容器重启了 {1} 次，多于 {3} 的 {2} 次'],
  [/its sidecar containers restarted (\d+) times, more than the (\d+) of (\S+)/, '它的边车（sidecar）容器重启了 {1} 次，多于 {3} 的 {2} 次'],
  [/it is newer than (\S+) \(compared on a log₂ scale of age\)/, '它比 {1} 更新（按存在时长的 log₂ 尺度比较）'],
  [/it is about as old as (\S+) \(same log₂ bucket\), and its UID sorts first/,
    '它与 {1} 的存在时长相当（同一 log₂ 区间），并且它的 UID 排序在前'],
  [/no ranking rule sets it apart from (\S+)/, '没有哪条排序规则能把它与 {1} 区分开'],
];
