/** kube-scheduler: binds, FailedScheduling (its message is upstream's and stays English), volume binding. */
import type { Rule } from './patternTable';

export const schedulerMessages: Rule[] = [
  [/Bound Pod (\S+) to (\S+): the only Node that fits/, '将 Pod {1} 绑定到 {2}：它是唯一满足条件的 Node'],
  [/Bound Pod (\S+) to (\S+): (\d+) of (\d+) Nodes fit; it scored highest(?: \((-?\d+)\))?/,
    (g) => `将 Pod ${g[1]} 绑定到 ${g[2]}：${g[4]} 个 Node 中有 ${g[3]} 个满足条件；它的得分最高${g[5] ? `（${g[5]}）` : ''}`],
  [/Bound Pod (\S+) to (\S+): ([\s\S]+)/, '将 Pod {1} 绑定到 {2}：{3*}'],
  [/Could not schedule Pod (\S+): ([\s\S]+)/, '无法调度 Pod {1}：{2}'],
  [/Pod (\S+) waits: scheduling gates are set/, 'Pod {1} 在等待：设置了调度门控（scheduling gates）'],
  [/Scheduler reserves PersistentVolume (\S+) for claim (\S+) of Pod (\S+): the claim waits for its first consumer, and this is the smallest fitting volume usable on (\S+)/,
    '调度器为 Pod {3} 的申领 {2} 预留 PersistentVolume {1}：该申领等待其第一个使用者，而这是在 {4} 上可用且满足条件的最小卷'],
  [/Scheduler picks (\S+) for Pod (\S+) and asks for claim (\S+) to be provisioned there \((\S+)\): its class binds WaitForFirstConsumer/,
    '调度器为 Pod {2} 选择了 {1}，并请求在那里为申领 {3} 制备卷（{4}）：它的存储类以 WaitForFirstConsumer 方式绑定'],
];
