/**
 * horizontal-pod-autoscaler: the deciding formula (`desired = ceil(…)` stays as it is), what
 * stabilization and the scaling limits made of it, and the scale it wrote. Metric errors are
 * upstream texts and stay in English.
 */
import type { Clause, Rule } from './patternTable';

/** `1 pod in 60s`, `max(4 pods, 100%) in 15s` */
function policyInner(text: string): string {
  return text.replace(/(\d+) pods?\b/g, '$1 个 Pod').replace(/ in (\d+)s/g, ' / $1s');
}

/** One step of normalization (they are joined with ", then "). */
function limitStep(text: string, clause: Clause): string {
  let m: RegExpExecArray | null;
  if ((m = /^limited by scale-(up|down) is disabled \(selectPolicy: Disabled\) to (\d+)$/.exec(text))) {
    return `因${m[1] === 'up' ? '扩容' : '缩容'}已禁用（selectPolicy: Disabled）而保持为 ${m[2]}`;
  }
  if ((m = /^(?:capped|limited) by the scale-(up|down) policy \((.+)\) to (\d+)$/.exec(text))) {
    return `受${m[1] === 'up' ? '扩容' : '缩容'}策略（${policyInner(m[2])}）限制，为 ${m[3]}`;
  }
  return clause(text);
}

/** The sentence of a sync: the deciding metric's formula (kept as it is) or verdict, then what limited it. */
function summary(text: string, clause: Clause): string {
  const m = /^([\s\S]+?)((?:, (?:held at|capped by|raised to|limited by|limited to) [\s\S]+)?)$/.exec(text)!;
  const head = /^desired( = ceil\([^)]*\) =)? \d+$/.test(m[1]) ? m[1] : clause(m[1]);
  const limits = m[2] ? m[2].slice(2).split(', then ').map((s) => limitStep(s, clause)).join('，然后') : '';
  return limits ? `${head}，${limits}` : head;
}

/** What a sync did: `<summary> — Deployment/web scaled from 1 to 3`, or a status write. */
function syncBody(text: string, clause: Clause): string {
  let m: RegExpExecArray | null;
  if ((m = /^status: currentReplicas (\d+), desiredReplicas (\d+) after scaling (\S+)$/.exec(text))) {
    return `状态：currentReplicas ${m[1]}，desiredReplicas ${m[2]}（已扩缩 ${m[3]}）`;
  }
  if ((m = /^scaling (\S+) to (\d+) failed: ([\s\S]+)$/.exec(text))) return `将 ${m[1]} 扩缩到 ${m[2]} 失败：${m[3]}`;
  if ((m = /^([\s\S]+) — (\S+) (?:scaled from (\d+) to (\d+)|stays at (\d+))$/.exec(text))) {
    return `${summary(m[1], clause)} — ${m[2]} ` + (m[3] !== undefined ? `从 ${m[3]} 扩缩到 ${m[4]}` : `保持为 ${m[5]}`);
  }
  return summary(text, clause);
}

export const hpaMessages: Rule[] = [
  [/HPA (\S+) is gone: the autoscaler forgets its recommendations and scale events/, 'HPA {1} 已不存在：自动扩缩器丢弃它的扩缩建议和扩缩事件记录'],
  [/HPA (\S+): ([\s\S]+)/, (g, clause) => `HPA ${g[1]}：${syncBody(g[2], clause)}`],
];

export const hpaClauses: Rule[] = [
  [/cannot read the scale of (\S+): ([\s\S]+)/, '无法读取 {1} 的 scale：{2}'],
  [/(\S+) has 0 replicas, so autoscaling is disabled until it is scaled up/, '{1} 有 0 个副本，因此在它被扩容之前自动扩缩处于禁用状态'],
  [/(\S+) has (\d+) replicas?, above maxReplicas (\d+): desired = (\d+)/, '{1} 有 {2} 个副本，超过 maxReplicas {3}：desired = {4}'],
  [/(\S+) has (\d+) replicas?, below minReplicas (\d+): desired = (\d+)/, '{1} 有 {2} 个副本，低于 minReplicas {3}：desired = {4}'],
  [/no replica count can be computed: ([\s\S]+)/, '无法计算副本数：{1}'],
  [/(.+?) at (\S+) of target (\S+) is within the 0\.1 tolerance: desired stays (\d+)/,
    '{1} 为 {2}，目标为 {3}，差距在 0.1 的容忍度之内：desired 保持为 {4}'],
  [/(.+?) at (\S+) of target (\S+), but counting the not-ready and unmeasured Pods gives (\S+) over (\d+) Pods?, the other way: desired stays (\d+)/,
    '{1} 为 {2}，目标为 {3}，但把未就绪和没有度量值的 Pod 也算进来后，{5} 个 Pod 的值为 {4}，方向相反：desired 保持为 {6}'],
  [/(.+?) proposes (\d+)/, '{1} 建议 {2}'],
  [/held at (\d+) by the (\d+)s scale-(up|down) stabilization window \((lowest|highest) recent recommendation\)/,
    (g) => `被 ${g[2]}s 的${g[3] === 'up' ? '扩容' : '缩容'}稳定窗口保持为 ${g[1]}（最近建议中的${g[4] === 'lowest' ? '最低值' : '最高值'}）`],
  [/capped by maxReplicas to (\d+)/, '受 maxReplicas 限制，为 {1}'],
  [/raised to minReplicas (\d+)/, '提高到 minReplicas {1}'],
  [/capped by the scale-up limit max\(2 × (\d+), 4\) to (\d+)/, '受扩容上限 max(2 × {1}, 4) 限制，为 {2}'],
  [/limited to (\d+)/, '被限制为 {1}'],
];
