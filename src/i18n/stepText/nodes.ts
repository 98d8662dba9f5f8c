/** node-lifecycle-controller, taint-eviction-controller, pod-garbage-collector, node-ipam-controller. */
import type { Rule } from './patternTable';

/** `added taint k:NoSchedule, removed taint k2:NoSchedule` */
function taintChanges(text: string): string {
  return text.split(', ').map((part) => part
    .replace(/^added taint (\S+)$/, '添加了污点 $1')
    .replace(/^removed taint (\S+)$/, '移除了污点 $1')).join('，');
}

export const nodeMessages: Rule[] = [
  [/Controller detected that all Nodes are not-Ready\. Entering master disruption mode: with no Node Ready the controller suspects its own connectivity, so it adds no NoExecute taints and evicts no Pods/,
    '控制器检测到所有 Node 都未就绪（not-Ready）。进入 master disruption 模式：没有任何 Node 就绪时，控制器怀疑是自身的连接出了问题，因此不添加 NoExecute 污点，也不驱逐 Pod'],
  [/Controller detected that some Nodes are Ready\. Exiting master disruption mode/, '控制器检测到有 Node 已就绪（Ready）。退出 master disruption 模式'],
  [/Node (\S+): ((?:added|removed) taint \S+(?:, (?:added|removed) taint \S+)*)/, (g) => `Node ${g[1]}：${taintChanges(g[2])}`],
  [/Node (\S+) is Ready again: removed taint (.+)/, 'Node {1} 再次就绪（Ready）：移除了污点 {2}'],
  [/Node (\S+): swapped taint (.+) for (\S+)/, 'Node {1}：将污点 {2} 替换为 {3}'],
  [/Node (\S+): added taint (\S+) \((.+)\); Pods that do not tolerate it are evicted, those with the default toleration after (\d+)s/,
    'Node {1}：添加了污点 {2}（{3*}）；不容忍该污点的 Pod 会被驱逐，带有默认容忍度的 Pod 在 {4}s 后被驱逐'],
  [/Node (\S+) is NotReady: its kubelet has not renewed its Lease for (\d+)s \(node-monitor-grace-period (\d+)s\), so every condition is now Unknown/,
    'Node {1} 未就绪（NotReady）：它的 kubelet 已有 {2}s 没有续约 Lease（node-monitor-grace-period 为 {3}s），因此所有状况都变为 Unknown'],
  [/Pod (\S+) is no longer Ready: its Node (\S+) is NotReady \(the Pod may still be running, nobody can tell\)/,
    'Pod {1} 不再就绪（Ready）：它所在的 Node {2} 为 NotReady（该 Pod 可能仍在运行，但无从得知）'],
  [/Taint manager: cancelled the scheduled eviction of Pod (\S+) \((.+)\)/, '污点管理器：取消了对 Pod {1} 的计划驱逐（{2*}）'],
  [/Taint manager: Pod (\S+) (?:does not tolerate|tolerated for only (\d+)s) the taint (.+) of Node (\S+); marked it DisruptionTarget before deleting it/,
    (g) => `污点管理器：Pod ${g[1]} ${g[2] ? `只容忍 ${g[2]}s` : '不容忍'} Node ${g[4]} 的污点 ${g[3]}；在删除它之前将它标记为 DisruptionTarget`],
  [/Taint manager deleted Pod (\S+) from Node (\S+) \(NoExecute taint (.+)\); its controller replaces it elsewhere/,
    '污点管理器从 Node {2} 上删除了 Pod {1}（NoExecute 污点 {3}）；它的控制器会在别处替换它'],
  [/Force-deleted Pod (\S+): its Node (\S+) no longer exists \(PodGC, after a (\d+)s quarantine\)/,
    '强制删除了 Pod {1}：它所在的 Node {2} 已不存在（PodGC，经过 {3}s 的隔离期）'],
  [/Allocated Pod CIDR (\S+) to Node (\S+)/, '为 Node {2} 分配了 Pod CIDR {1}'],
];

export const nodeClauses: Rule[] = [
  [/its kubelet stopped reporting/, '它的 kubelet 停止了上报'],
  [/its kubelet reports it not Ready/, '它的 kubelet 报告它未就绪（not Ready）'],
  [/its Node no longer has a NoExecute taint it does not tolerate/, '它所在的 Node 不再有它不容忍的 NoExecute 污点'],
  [/the Pod is gone/, '该 Pod 已不存在'],
];
