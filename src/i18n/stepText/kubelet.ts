/**
 * kubelet/<node>: admission, the pod sandbox, image pulls, container starts and exits, probes,
 * stopping and removing Pods, volume mounts, the Node status it posts. Runtime and API error
 * details (after a colon) are upstream texts and stay in English.
 */
import type { Clause, Rule } from './patternTable';

const STOP_WHY: Record<string, string> = {
  'is being deleted': '正在被删除',
  'passed its activeDeadlineSeconds': '已超过其 activeDeadlineSeconds',
  'is evicted: the Node is low on memory': '被驱逐：该 Node 内存不足',
  'has nothing left to run': '已没有要运行的容器',
};

/** Several probe results of one sync, joined with "; ". */
function probeResults(text: string, clause: Clause): string {
  return text.split(/; (?=(?:Liveness|Readiness|Startup) probe of container |Container \S+ failed its )/).map(clause).join('；');
}

export const kubeletMessages: Rule[] = [
  [/Admitted pod (\S+) on (\S+)/, '在 {2} 上准入了 Pod {1}'],
  [/Rejected pod (\S+): ([\s\S]+)/, '拒绝了 Pod {1}：{2}'],
  [/Updated the status of pod (\S+)/, '更新了 Pod {1} 的状态'],
  [/Created the pod sandbox \(pause container\) with IP (\S+)/, '创建了 Pod 沙箱（pause 容器），IP 为 {1}'],
  [/Created the pod sandbox \(pause container\) in the node's network namespace/, '在节点的网络命名空间中创建了 Pod 沙箱（pause 容器）'],
  [/Could not create the pod sandbox: ([\s\S]+)/, '无法创建 Pod 沙箱：{1}'],
  [/Pulling image ("[^"]*") for container (\S+)(?: \(queued behind another pull on (\S+)\))?/,
    (g) => `为容器 ${g[2]} 拉取镜像 ${g[1]}${g[3] ? `（排在 ${g[3]} 上另一个镜像拉取之后）` : ''}`],
  [/Pulled image ("[^"]*") in (\S+) for container (\S+)/, '已为容器 {3} 拉取镜像 {1}，耗时 {2}'],
  [/Failed to pull image ("[^"]*") for container (\S+)/, '为容器 {2} 拉取镜像 {1} 失败'],
  [/Container (\S+): back-off pulling image ("[^"]*")/, '容器 {1}：拉取镜像 {2} 处于回退（back-off）中'],
  [/Created container (\S+) \(restart #(\d+)\)/, '创建了容器 {1}（第 {2} 次重启）'],
  [/Created container (\S+)/, '创建了容器 {1}'],
  [/Started container (\S+), but its postStart hook failed; stopping it/, '启动了容器 {1}，但它的 postStart 钩子失败；正在停止它'],
  [/Started container (\S+)/, '启动了容器 {1}'],
  [/Container (\S+) failed to start: ([\s\S]+)/, '容器 {1} 启动失败：{2}'],
  [/Container (\S+) is in CrashLoopBackOff: next restart in (\S+)/, '容器 {1} 处于 CrashLoopBackOff：{2} 后再次重启'],
  [/Cannot create container (\S+): ([\s\S]+)/, '无法创建容器 {1}：{2}'],
  [/The image of container (\S+) changed; stopping it to start it again/, '容器 {1} 的镜像已变更；先停止它，再重新启动'],
  [/Container (\S+) did not stop within its (\d+)s grace period; killed with SIGKILL \(exit code 137\)/,
    '容器 {1} 未在 {2}s 的宽限期内停止；已用 SIGKILL 杀死（退出码 137）'],
  [/Container (\S+) went over its memory limit and was OOM-killed \(exit code 137\)/, '容器 {1} 超出内存限制，被 OOM 杀死（退出码 137）'],
  [/Container (\S+) stopped after SIGTERM \(exit code (\d+)\)/, '容器 {1} 收到 SIGTERM 后停止（退出码 {2}）'],
  [/Container (\S+) exited with code (\d+): its process was killed/, '容器 {1} 以退出码 {2} 退出：它的进程被杀死了'],
  [/Container (\S+) completed \(exit code 0\)/, '容器 {1} 已完成（退出码 0）'],
  [/Container (\S+) exited with code (\d+)/, '容器 {1} 以退出码 {2} 退出'],
  [/(?:(?:Liveness|Readiness|Startup) probe of container|Container \S+ failed its \w+ probe)[\s\S]*/, (g, clause) => probeResults(g[0], clause)],
  [/Container (\S+): ([\s\S]+)/, '容器 {1}：{2}'],
  [/Pod (\S+) (is being deleted|passed its activeDeadlineSeconds|is evicted: the Node is low on memory|has nothing left to run): (?:stopping (\d+) containers? \(grace period (\d+)s\)|no container is running)/,
    (g) => `Pod ${g[1]} ${STOP_WHY[g[2]]}：` + (g[3] ? `正在停止 ${g[3]} 个容器（宽限期 ${g[4]}s）` : '没有正在运行的容器')],
  [/All containers of pod (\S+) have stopped; stopped its sandbox and released IP (\S+)/,
    'Pod {1} 的所有容器都已停止；已停止它的沙箱并释放 IP {2}'],
  [/Pod (\S+) has stopped/, 'Pod {1} 已停止'],
  [/Pod (\S+) stopped on (\S+); deleted it from the API server \(grace period 0\)/, 'Pod {1} 已在 {2} 上停止；已从 API 服务器删除它（宽限期 0）'],
  [/Removed the sandbox and containers of deleted pod (\S+)/, '移除了已删除 Pod {1} 的沙箱和容器'],
  [/Cannot mount the volumes of pod (\S+) yet: ([\s\S]+)/, '暂时无法挂载 Pod {1} 的卷：{2}'],
  [/MountVolume\.SetUp failed for volume ("[^"]*") : ([\s\S]+)/, '卷 {1} 的 MountVolume.SetUp 失败：{2}'],
  [/kubelet on (\S+) started/, '{1} 上的 kubelet 已启动'],
  [/kubelet on (\S+) started and reported the Node (Ready|NotReady) ?(\(no pod network yet\))?/,
    (g) => `${g[1]} 上的 kubelet 已启动，并报告该 Node 为 ${g[2]}${g[3] ? '（尚无 Pod 网络）' : ''}`],
  [/kubelet on (\S+) reported the Node (Ready|NotReady)/, '{1} 上的 kubelet 报告该 Node 为 {2}'],
  [/kubelet on (\S+) reported the Node under MemoryPressure/, '{1} 上的 kubelet 报告该 Node 处于 MemoryPressure'],
  [/kubelet on (\S+) reported the Node no longer under MemoryPressure \((\S+) pressure transition period over\)/,
    '{1} 上的 kubelet 报告该 Node 不再处于 MemoryPressure（{2} 的压力过渡期已过）'],
];

/** One probe result (a sync may report several). Probe output stays as the container printed it. */
export const kubeletClauses: Rule[] = [
  [/Container (\S+) failed its (\w+) probe (\d+) times in a row; stopping it/, '容器 {1} 的 {2} 探针连续失败 {3} 次；正在停止它'],
  [/Startup probe of container (\S+) succeeded/, '容器 {1} 的 Startup 探针成功'],
  [/Readiness probe of container (\S+) succeeded: container is ready/, '容器 {1} 的 Readiness 探针成功：容器已就绪'],
  [/Readiness probe of container (\S+) failed: container is not ready/, '容器 {1} 的 Readiness 探针失败：容器未就绪'],
  [/(Liveness|Readiness|Startup) probe of container (\S+) failed(?: \((\d+) of (\d+)\))?: ([\s\S]*)/,
    (g) => `容器 ${g[2]} 的 ${g[1]} 探针失败${g[3] ? `（第 ${g[3]} 次，阈值 ${g[4]}）` : ''}：${g[5]}`],
];
