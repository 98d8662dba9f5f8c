/** job-controller, cronjob-controller, ttl-after-finished-controller. Condition messages stay in English. */
import type { Clause, Rule } from './patternTable';

const FINALIZER = '(batch\\.kubernetes\\.io/job-tracking)';

/** One note of a Job status write. */
function jobNote(note: string, clause: Clause): string {
  let m: RegExpExecArray | null;
  if (note === 'startTime set: the Job has started') return '设置了 startTime：Job 已开始';
  if (note === 'completionTime set') return '设置了 completionTime';
  if ((m = /^(.+) (?:is|are) recorded as (succeeded|failed) in uncountedTerminatedPods until the (\S+) finalizer is removed$/.exec(note))) {
    return `${m[1]} 记入 uncountedTerminatedPods 的 ${m[2]}，直到 ${m[3]} finalizer 被移除`;
  }
  if ((m = /^counted (\d+) more (succeeded|failed) Pods? \(finalizer removed\)$/.exec(note))) {
    return `又计入 ${m[1]} 个${m[2] === 'succeeded' ? '成功' : '失败'}的 Pod（finalizer 已移除）`;
  }
  if ((m = /^(completedIndexes|failedIndexes) ("[^"]*")$/.exec(note))) return `${m[1]} 为 ${m[2]}`;
  if ((m = /^(\w+=\w+) \(([\s\S]+)\)$/.exec(note))) return `${m[1]}（${m[2]}）`;
  return clause(note);
}

export const jobMessages: Rule[] = [
  [/Job (\S+) has (\d+) active Pods?; (.+): (creating a Pod|creating the Pod for completion index (\d+))(?: \(slow-start batch of (\d+)\))?/,
    (g, clause) => `Job ${g[1]} 有 ${g[2]} 个活跃 Pod；${clause(g[3])}：` +
      (g[5] === undefined ? '创建一个 Pod' : `为完成索引 ${g[5]} 创建 Pod`) + (g[6] ? `（慢启动批次大小为 ${g[6]}）` : '')],
  [/Job (\S+) status: (\d+) active \((\d+) ready\), (\d+)(?: of (\d+))? succeeded, (\d+) failed, (\d+) terminating(?:; ([\s\S]+))?/,
    (g, clause) => {
      // a condition's message may hold "; ", so notes are split only before a known note start
      const notes = g[8] ? g[8].split(/; (?=startTime set|completionTime set|counted \d|completedIndexes "|failedIndexes "|\w+=(?:True|False|Unknown)\b|\S+(?:, \S+)* (?:is|are) recorded as)/) : [];
      return `Job ${g[1]} 状态：活跃 ${g[2]} 个（${g[3]} 个就绪），成功 ${g[4]}${g[5] ? `/${g[5]}` : ''} 个，失败 ${g[6]} 个，正在终止 ${g[7]} 个` +
        notes.map((n) => `；${jobNote(n, clause)}`).join('');
    }],
  [new RegExp(`Job (\\S+) removed the ${FINALIZER} finalizer from Pod (\\S+): (.+)`), 'Job {1} 移除了 Pod {3} 上的 {2} finalizer：{4*}'],
  [new RegExp(`Job (\\S+) (.+): removing the ${FINALIZER} finalizer from Pod (\\S+) before deleting it, so it is not counted as failed`),
    'Job {1} {2*}：在删除 Pod {4} 之前先移除它的 {3} finalizer，这样它不会被计为失败'],
  [/Job (\S+) (.+): deleting its active Pod (\S+)/, 'Job {1} {2*}：删除其活跃 Pod {3}'],
  [new RegExp(`Job (\\S+) adopted orphan Pod (\\S+) \\(its labels match the Job's selector\\) and added the ${FINALIZER} finalizer so the Pod is counted before it can disappear`),
    'Job {1} 接管了孤立的 Pod {2}（其标签与 Job 的选择算符匹配），并加上 {3} finalizer，确保该 Pod 在消失之前被计数'],
  [/Job (\S+) released Pod (\S+) \(its labels no longer match the Job's selector\)/, 'Job {1} 释放了 Pod {2}（其标签不再与 Job 的选择算符匹配）'],
  [new RegExp(`Removed the ${FINALIZER} finalizer from orphan Pod (\\S+): (.+), so nothing is left to count it and it may be deleted`),
    '移除了孤立 Pod {2} 上的 {1} finalizer：{3*}，已没有谁需要为它计数，它可以被删除了'],
  [/Job (\S+) finished \((\w+)\) at (\S+) and ttlSecondsAfterFinished=(\d+) has passed: deleting it with propagationPolicy=Foreground, so the garbage collector deletes its Pods before the Job goes/,
    'Job {1} 于 {3} 结束（{2}），且已过了 ttlSecondsAfterFinished={4}：以 propagationPolicy=Foreground 删除它，垃圾收集器会先删除它的 Pod，再删除 Job'],
  // CronJob
  [/CronJob (\S+) \(schedule ("[^"]*")(?:, timeZone (\S+))?\) reached its scheduled time (\S+): creating Job (\S+) \(named for the scheduled minute since the Unix epoch\)/,
    (g) => `CronJob ${g[1]}（调度 ${g[2]}${g[3] ? `，时区 ${g[3]}` : ''}）到达调度时间 ${g[4]}：创建 Job ${g[5]}（以自 Unix 纪元以来的调度分钟数命名）`],
  [/CronJob (\S+) (.+): deleting Job (\S+) \(background propagation: the garbage collector deletes its Pods\)/,
    'CronJob {1} {2*}：删除 Job {3}（后台级联：由垃圾收集器删除它的 Pod）'],
  [/CronJob (\S+) status: (\d+) active Jobs?(?: \(([^)]*)\))?(?:; ([\s\S]+))?/,
    (g) => `CronJob ${g[1]} 状态：${g[2]} 个活跃 Job${g[3] ? `（${g[3]}）` : ''}` + (g[4] ?? '').split('; ').filter(Boolean).map((note) => {
      const m = /^(.+) (added to|left) the active list$/.exec(note);
      if (m) return `；${m[1]} ${m[2] === 'left' ? '离开' : '加入'}活跃列表`;
      return `；${note}`;
    }).join('')],
];

export const jobClauses: Rule[] = [
  [/(\d+) of (\d+) completions done; min\(parallelism (\d+), (\d+) remaining\) = (\d+) wanted active/,
    '已完成 {1}/{2} 次；min(parallelism {3}, 剩余 {4}) = 期望 {5} 个活跃'],
  [/parallelism (\d+) wants (\d+) active/, 'parallelism {1} 期望 {2} 个活跃'],
  [/a Pod has succeeded, so no new Pods start \((\d+) wanted\)/, '已有 Pod 成功，因此不再启动新的 Pod（期望 {1} 个）'],
  // why the tracking finalizer goes
  [/it succeeded and is counted/, '它已成功并被计数'],
  [/it failed and is counted/, '它已失败并被计数'],
  [/the Job has failed, so it is counted as failed/, 'Job 已失败，因此它被计为失败'],
  [/it failed, and the podFailurePolicy ignores the failure/, '它已失败，而 podFailurePolicy 忽略这次失败'],
  [/the Job is being deleted/, 'Job 正在被删除'],
  [/the Job has finished/, 'Job 已结束'],
  [/it has no controller Job any more/, '它已没有控制它的 Job'],
  [/its Job (\S+) has finished/, '它的 Job {1} 已结束'],
  [/its Job (\S+) is gone/, '它的 Job {1} 已不存在'],
  // why active Pods are deleted
  [/is suspended/, '已暂停（suspended）'],
  [/has more active Pods than wanted \((.+)\)/, '的活跃 Pod 多于期望（{1*}）'],
  [/met its success criteria \(([\s\S]*)\)/, '已满足成功条件（{1}）'],
  [/failed \((\w+): ([\s\S]*)\)/, '已失败（{1}：{2}）'],
  // why a CronJob deletes a Job
  [/keeps (\d+) (successful|failed) Jobs? \((\w+)\) and has (\d+)/,
    (g) => `最多保留 ${g[1]} 个${g[2] === 'failed' ? '失败' : '成功'}的 Job（${g[3]}），现有 ${g[4]} 个`],
  [/has concurrencyPolicy Replace and the run scheduled for (\S+) is due/, '的 concurrencyPolicy 为 Replace，且调度于 {1} 的运行已到期'],
];
