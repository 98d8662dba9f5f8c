/**
 * Fault commands (kill a container, fail a probe, exhaust memory, stop/start a kubelet, add/remove
 * a Node), kubectl cordon/drain and the Eviction API. kubectl's own error lines stay in English.
 */
import type { Rule } from './patternTable';

/** One line kubectl drain printed; its error texts stay as kubectl prints them. */
const DRAIN_LINES: [RegExp, string][] = [
  [/^pod\/(\S+) evicted$/, 'pod/$1 已驱逐'],
  [/^node\/(\S+) drained$/, 'node/$1 已清空'],
  [/^evicting pod (\S+)$/, '正在驱逐 Pod $1'],
  [/^error when evicting pods\/("[^"]*") -n ("[^"]*") \(will retry after (\d+)s\): ([\s\S]+)$/, '驱逐 pods/$1 -n $2 时出错（$3s 后重试）：$4'],
  [/^error when evicting pods\/("[^"]*") -n ("[^"]*"): ([\s\S]+)$/, '驱逐 pods/$1 -n $2 时出错：$3'],
  [/^There are pending pods in node ("[^"]*") when an error occurred: ([\s\S]+)$/, '出错时节点 $1 上仍有待处理的 Pod：$2'],
  [/^error: unable to drain node ("[^"]*") due to error: ([\s\S]+), continuing command\.\.\.$/, '错误：无法清空节点 $1，原因：$2，命令继续执行...'],
  [/^There are pending nodes to be drained:$/, '还有待清空的节点：'],
  [/^error: ([\s\S]+)$/, '错误：$1'],
];

/** kubectl drain's new output lines, joined with "; ". */
function drainLines(text: string): string {
  return text.split('; ').map((line) => {
    const rule = DRAIN_LINES.find(([re]) => re.test(line));
    return rule ? line.replace(rule[0], rule[1]) : line;
  }).join('；');
}

export const faultMessages: Rule[] = [
  [/Killed the main process of container (\S+) in Pod (\S+) \((SIGKILL|SIGTERM)?(?:, )?exit code (\d+)\); the kubelet notices and restarts it per restartPolicy (\w+)/,
    (g) => `杀死了 Pod ${g[2]} 中容器 ${g[1]} 的主进程（${g[3] ? `${g[3]}，` : ''}退出码 ${g[4]}）；kubelet 会察觉，并按 restartPolicy ${g[5]} 重启它`],
  [/Container (\S+) in Pod (\S+) allocated past its memory limit of (\S+): the kernel OOM-kills it \(OOMKilled, exit code 137\)/,
    'Pod {2} 中的容器 {1} 分配的内存超出了 {3} 的内存限制：内核将它 OOM 杀死（OOMKilled，退出码 137）'],
  [/Container (\S+) in Pod (\S+) has no memory limit and keeps allocating: Node (\S+) runs low on memory and its kubelet's eviction manager will step in/,
    'Pod {2} 中的容器 {1} 没有内存限制，并不断分配内存：Node {3} 的内存将不足，它的 kubelet 的驱逐管理器会介入'],
  [/The (liveness|readiness|startup) probe of container (\S+) in Pod (\S+) (now fails|passes again): (.+)/,
    (g, clause) => `Pod ${g[3]} 中容器 ${g[2]} 的 ${g[1]} 探针${g[4] === 'now fails' ? '现在开始失败' : '恢复通过'}：${clause(g[5])}`],
  [/Stopped the kubelet on (\S+): it no longer posts Node status nor renews its Lease \(last renewal ([\d.]+)s ago\); its containers keep running\. The node lifecycle controller will mark the Node NotReady at \+([\d.]+)s \(node-monitor-grace-period (\d+)s, checked every (\d+)s\)/,
    '停止了 {1} 上的 kubelet：它不再上报 Node 状态，也不再续约 Lease（上次续约在 {2}s 前）；它的容器继续运行。节点生命周期控制器将在 +{3}s 时把该 Node 标记为 NotReady（node-monitor-grace-period 为 {4}s，每 {5}s 检查一次）'],
  [/Started the kubelet on (\S+) again after ([\d.]+)s: it renews its Lease, posts the Node status and syncs every Pod bound to the Node/,
    '{2}s 后重新启动了 {1} 上的 kubelet：它续约 Lease、上报 Node 状态，并同步绑定到该 Node 的每个 Pod'],
  [/Node (\S+) joined the cluster \((\S+) CPU, (\S+) memory, (\S+) Pods\): its kubelet registered it/,
    'Node {1} 加入了集群（{2} CPU、{3} 内存、{4} 个 Pod）：由它的 kubelet 注册'],
  [/node\/(\S+) cordoned: spec\.unschedulable is true, so no new Pod is scheduled there \(its running Pods stay\)/,
    'node/{1} 已封锁（cordon）：spec.unschedulable 为 true，因此不会再有新 Pod 调度到那里（其上运行中的 Pod 保留）'],
  [/node\/(\S+) uncordoned: spec\.unschedulable cleared, new Pods may be scheduled there again/,
    'node/{1} 已解除封锁（uncordon）：已清除 spec.unschedulable，新 Pod 可以再次调度到那里'],
  [/kubectl drain (\S+) refused: ([\s\S]+)/, 'kubectl drain {1} 被拒绝：{2}'],
  [/kubectl drain (\S+): (\d+) Pods? to evict(?: \(([\s\S]+)\))?/, (g) => `kubectl drain ${g[1]}：要驱逐 ${g[2]} 个 Pod${g[3] ? `（${g[3]}）` : ''}`],
  [/kubectl drain (\S+): ([\s\S]+?)(?: \((The disruption budget [\s\S]+)\))?/, (g) => `kubectl drain ${g[1]}：${drainLines(g[2])}${g[3] ? `（${g[3]}）` : ''}`],
  [/Eviction API: Pod (\S+) may be evicted \((.+)\); marked it DisruptionTarget/, 'Eviction API：Pod {1} 可以被驱逐（{2*}）；已将它标记为 DisruptionTarget'],
  [/Eviction API: deleted Pod (\S+) \(graceful\)/, 'Eviction API：删除了 Pod {1}（体面删除）'],
  [/Eviction of Pod (\S+) takes one of the (\d+) disruptions? PodDisruptionBudget (\S+) allows \((\d+) left\)/,
    '驱逐 Pod {1} 占用了 PodDisruptionBudget {3} 允许的 {2} 次干扰中的一次（剩余 {4} 次）'],
];

export const faultClauses: Rule[] = [
  [/after (\d+) success(?:es)? the container counts as (Ready|healthy) again/,
    (g) => `成功 ${g[1]} 次后，容器重新被视为${g[2] === 'Ready' ? '就绪（Ready）' : '健康'}`],
  [/after (\d+) failures \(every (\d+)s\) the container is not Ready and leaves the Service endpoints/,
    '失败 {1} 次后（每 {2}s 一次），容器变为未就绪，并从 Service 的端点中移除'],
  [/after (\d+) failures \(every (\d+)s\) the kubelet kills the container and restarts it/,
    '失败 {1} 次后（每 {2}s 一次），kubelet 杀死该容器并重启它'],
  // why the Eviction API lets a Pod go
  [/no PodDisruptionBudget selects Pod (\S+)/, '没有 PodDisruptionBudget 选中 Pod {1}'],
  [/PodDisruptionBudget (\S+) allowed it/, 'PodDisruptionBudget {1} 允许这样做'],
  [/Pod (\S+) is not Ready and PodDisruptionBudget (\S+) always allows evicting unhealthy Pods/,
    'Pod {1} 未就绪，而 PodDisruptionBudget {2} 总是允许驱逐不健康的 Pod'],
  [/Pod (\S+) is not Ready and PodDisruptionBudget (\S+) is satisfied without it/, 'Pod {1} 未就绪，而 PodDisruptionBudget {2} 没有它也能满足'],
  [/Pod (\S+) is (already being deleted|\w+), so no budget applies/,
    (g) => `Pod ${g[1]} ${g[2] === 'already being deleted' ? '已在删除中' : `处于 ${g[2]}`}，因此不受任何干扰预算约束`],
];

