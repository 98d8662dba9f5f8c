/**
 * The HPA panel's explainer (src/ui/hpa/explain*.ts): in English it words a sync as the engine's
 * explainer does for its Steps (but for the plurals "1 Pod uses" and "1 replica"), and in
 * Simplified Chinese it words the same numbers, keeping targets, labels and errors as they are.
 */
import { describe, expect, it } from 'vitest';
import * as engine from '../../src/engine/controllers/podautoscaler/explain';
import { behaviorOf } from '../../src/engine/controllers/podautoscaler/hpaSpec';
import { normalizeLegacy, normalizeWithBehavior } from '../../src/engine/controllers/podautoscaler/normalize';
import { calculateReplicas } from '../../src/engine/controllers/podautoscaler/replicaCalculator';
import type { HpaSyncRecord } from '../../src/engine/controllers/podautoscaler/syncRecord';
import type { Behavior, ScaleHistory } from '../../src/engine/controllers/podautoscaler/types';
import { translator } from '../../src/i18n/translate';
import { explainSync, syncSummary } from '../../src/ui/hpa/explainSync';
import { hpaView } from '../../src/projections/hpa';
import { metrics, MIN, pod } from '../engine/hpa/fixtures';
import { cpuHpa, join, runUntil, servedCluster, webDeployment, webService } from '../projections/networkFixtures';

const NOW = 20 * MIN;
const zh = translator('zh-CN');
const REASON = 'cpu resource utilization (percentage of request) above target';

interface Options {
  pending?: string[]; deleting?: string[]; unready?: string[]; unmeasured?: string[];
  behavior?: Behavior; min?: number; max?: number; history?: Partial<ScaleHistory>; averageValue?: number;
}

/** A record as the controller builds it, from the pure calculator and normalization (cf. tests/engine/hpa/explain.test.ts). */
function record(usage: Record<string, number>, o: Options = {}): HpaSyncRecord {
  const pods = [
    ...Object.keys(usage).map((n) => pod(n)), ...(o.unmeasured ?? []).map((n) => pod(n)),
    ...(o.pending ?? []).map((n) => pod(n, { phase: 'Pending' })), ...(o.deleting ?? []).map((n) => pod(n, { deleting: true })),
    ...(o.unready ?? []).map((n) => pod(n, { ready: 'False', start: NOW - 10_000, readyAt: NOW - 5_000 })),
  ];
  const current = pods.length;
  const mode = o.averageValue === undefined ? 'Utilization' as const : 'AverageValue' as const;
  const r = calculateReplicas({ currentReplicas: current, target: o.averageValue ?? 50, mode, resource: 'cpu', pods, metrics: metrics(usage, NOW), now: NOW });
  if (!r.ok) throw new Error(r.error);
  const min = o.min ?? 1;
  const max = o.max ?? 10;
  const input = { history: { recommendations: [], scaleUp: [], scaleDown: [], ...o.history }, now: NOW, currentReplicas: current,
    proposal: r.calc.replicas, minReplicas: min, maxReplicas: max };
  const n = o.behavior ? normalizeWithBehavior(input, o.behavior) : normalizeLegacy(input);
  return {
    namespace: 'default', name: 'web', time: NOW, target: 'Deployment/web', minReplicas: min, maxReplicas: max, outcome: 'computed',
    currentReplicas: current, metrics: [{ label: 'cpu', name: 'cpu resource utilization (percentage of request)', calc: r.calc, replicas: r.calc.replicas }],
    normalization: { legacy: !o.behavior, proposal: r.calc.replicas, stabilized: n.stabilized, window: n.window, stabilization: n.ableToScale.reason,
      limit: n.limited.reason, rate: n.rate, desired: n.desired },
    desiredReplicas: n.desired, rescale: n.desired !== current, ...(n.desired !== current ? { rescaleReason: REASON } : {}),
  };
}

const outcome = (o: Partial<HpaSyncRecord>): HpaSyncRecord => ({
  namespace: 'default', name: 'web', time: NOW, target: 'Deployment/web', minReplicas: 2, maxReplicas: 5, outcome: 'computed',
  desiredReplicas: 1, rescale: false, ...o,
});


const RECORDS: [string, HpaSyncRecord][] = [
  ['the legacy scale-up limit', record({ a: 180, b: 180, c: 180 })],
  ['the default scale-up policies', record({ a: 180, b: 180, c: 180 }, { behavior: behaviorOf({}) })],
  ['policies with different periods', record({ a: 180, b: 180, c: 180 }, { behavior: behaviorOf({ scaleUp: { selectPolicy: 'Min',
    policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }, { type: 'Percent', value: 50, periodSeconds: 30 }] } }) })],
  ['maxReplicas', record({ a: 180, b: 180, c: 180 }, { max: 5, behavior: behaviorOf({}) })],
  ['the tolerance', record({ a: 52, b: 52 })],
  ['the second pass', record({ a: 90, b: 90 }, { pending: ['p'] })],
  ['one Pod', record({ a: 150 })],
  ['a second pass with a policy', record({ a: 180, b: 180 }, { pending: ['p'], behavior: behaviorOf({ scaleUp: { policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } }) })],
  ['the legacy scale-down window', record({ a: 10, b: 10, c: 10 }, { history: { recommendations: [{ replicas: 3, time: NOW - MIN }] } })],
  ['a scale-down policy', record({ a: 10, b: 10, c: 10, d: 10 }, { behavior: behaviorOf({ scaleDown: { stabilizationWindowSeconds: 0,
    policies: [{ type: 'Percent', value: 25, periodSeconds: 60 }] } }) })],
  ['scale-up disabled', record({ a: 180, b: 180 }, { behavior: behaviorOf({ scaleUp: { selectPolicy: 'Disabled' } }) })],
  ['minReplicas', record({ a: 5 }, { min: 2 })],
  ['Pods being deleted and unmeasured', record({ a: 120, b: 120 }, { deleting: ['gone'], unmeasured: ['m'] })],
  ['unmeasured Pods when scaling down', record({ a: 10, b: 10 }, { unmeasured: ['m'] })],
  ['an average value', record({ a: 300, b: 100 }, { averageValue: 100 })],
  ['a target that cannot be read', outcome({ outcome: 'failed-get-scale', error: 'deployments.apps "web" not found' })],
  ['a target at 0', outcome({ outcome: 'scaling-disabled', currentReplicas: 0, desiredReplicas: 0 })],
  ['above max', outcome({ outcome: 'above-max', currentReplicas: 8, desiredReplicas: 5, rescale: true, rescaleReason: 'Current number of replicas above Spec.MaxReplicas' })],
  ['below min', outcome({ outcome: 'below-min', currentReplicas: 1, desiredReplicas: 2, rescale: true, rescaleReason: 'Current number of replicas below Spec.MinReplicas' })],
  ['no usable metric', outcome({ outcome: 'failed-metrics', currentReplicas: 3, desiredReplicas: 3,
    error: 'invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value' })],
  ['a failed scale write', { ...record({ a: 180 }), scaleError: 'the object has been modified' }],
];

describe('in English, the engine’s words', () => {
  it.each(RECORDS)('%s', (_name, r) => {
    expect(syncSummary(r)).toBe(engine.syncSummary(r));
    expect(explainSync(r)).toEqual(engine.explainSync(r));
  });

  it('one Pod uses, one replica', () => {
    const r = record({ a: 150 });
    expect(explainSync(r)).toEqual([
      'Deployment/web: 1 replica (min 1, max 10)',
      'cpu: 1 Pod uses 150m of 100m requested = 150% (target 50%) → desired = ceil(1 × 150% / 50%) = 3',
      'highest proposal: 3',
      `Deployment/web scaled from 1 to 3 (reason: ${REASON})`,
    ]);
    expect(syncSummary(outcome({ outcome: 'below-min', currentReplicas: 1, desiredReplicas: 2 })))
      .toBe('Deployment/web has 1 replica, below minReplicas 2: desired = 2');
  });
});

describe('in Chinese', () => {
  it.each<[string, HpaSyncRecord, string]>([
    ['the legacy scale-up limit', RECORDS[0][1], '期望副本数 = ceil(3 × 180% / 50%) = 11，受扩容上限 max(2 × 3, 4) 限制为 6'],
    ['the default scale-up policies', RECORDS[1][1], '期望副本数 = ceil(3 × 180% / 50%) = 11，受扩容策略（15 秒内 max(4 个 Pod, 100%)）限制为 7'],
    ['policies with different periods', RECORDS[2][1], '期望副本数 = ceil(3 × 180% / 50%) = 11，受扩容策略（min(60 秒内 2 个 Pod, 30 秒内 50%)）限制为 5'],
    ['maxReplicas', RECORDS[3][1], '期望副本数 = ceil(3 × 180% / 50%) = 11，受 maxReplicas 限制为 5'],
    ['the tolerance', RECORDS[4][1], 'cpu 为 52%，目标为 50%，在 0.1 的容差范围内：期望副本数保持 2'],
    ['the legacy scale-down window', RECORDS[8][1], '期望副本数 = ceil(3 × 10% / 50%) = 1，被 300 秒的缩容稳定窗口保持在 3（取近期最高的建议值）'],
    ['minReplicas', RECORDS[11][1], '期望副本数 = ceil(1 × 5% / 50%) = 1，提高到 minReplicas 2'],
    ['a target at 0', RECORDS[16][1], 'Deployment/web 有 0 个副本，因此在它被扩容之前自动扩缩处于禁用状态'],
    ['above max', RECORDS[17][1], 'Deployment/web 有 8 个副本，超过 maxReplicas 5：期望副本数 = 5'],
    ['no usable metric', RECORDS[19][1], '无法计算副本数：invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value'],
  ])('the summary: %s', (_name, r, text) => {
    expect(syncSummary(r, zh)).toBe(text);
  });

  it('details every number of a second pass under a policy', () => {
    expect(explainSync(RECORDS[7][1], zh)).toEqual([
      'Deployment/web：3 个副本（最小 1，最大 10）',
      'cpu：2 个 Pod 使用了 360m，请求量为 200m，即 180%（目标 50%）；正在扩容，因此1 个未就绪的 Pod 按空闲计：3 个 Pod 为 120%，因此期望副本数 = ceil(3 × 120% / 50%) = 8',
      '最高建议值：8',
      '受扩容策略（60 秒内 1 个 Pod）限制为 4',
      'Pods 1，每 60 秒，周期开始时为 3：3 + 1 = 4；selectPolicy Max → 最多 4',
      `Deployment/web 已从 3 扩缩到 4（原因：${REASON}）`,
    ]);
  });

  it('words the groups of Pods left out, and a scale-down policy', () => {
    expect(explainSync(RECORDS[12][1], zh)[1]).toBe('cpu：2 个 Pod 使用了 240m，请求量为 200m，即 120%（目标 50%）（忽略了 1 个正在删除或已 Failed 的 Pod）'
      + '；正在扩容，因此1 个没有指标的 Pod 按空闲计：3 个 Pod 为 80%，因此期望副本数 = ceil(3 × 80% / 50%) = 5');
    expect(syncSummary(RECORDS[9][1], zh)).toBe('期望副本数 = ceil(4 × 10% / 50%) = 1，受缩容策略（60 秒内 25%）限制为 3');
    expect(explainSync(RECORDS[14][1], zh)[1]).toBe('cpu：2 个 Pod 平均每个使用 200m（目标 100m），因此期望副本数 = ceil(2 × 200m / 100m) = 4');
    expect(explainSync(RECORDS[20][1], zh).at(-1)).toBe('将 Deployment/web 扩缩到 4 失败：the object has been modified');
    // no English word is left but the data (the target, the metric, the engine's reason), the formula's names and Pod
    const words = explainSync(RECORDS[0][1], zh).join('\n').replace(REASON, '').replace(/Deployment\/web|ceil|max|cpu|Pod/g, '');
    expect(words).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('keeps data as it is, whatever the language', () => {
    for (const [, r] of RECORDS) {
      const lines = explainSync(r, zh);
      expect(lines.length).toBe(explainSync(r).length);
      for (const line of lines) expect(line).toMatch(/[\u4e00-\u9fff]/);
      if (r.error) expect(lines.join('\n')).toContain(r.error);
    }
  });
});

describe('from a running cluster', () => {
  it('words the latest sync in either language', () => {
    const c = servedCluster(join(webDeployment(2), webService(), cpuHpa(50, 6)), 2);
    c.startTraffic({ service: 'web', ratePerSecond: 40 });
    runUntil(c, () => (c.get('Deployment', 'web')!.spec as { replicas: number }).replicas > 2, 180_000);
    const sync = hpaView(c, 'web')!.sync!;
    expect(syncSummary(sync.record)).toMatch(/^desired = ceil\(2 × \d+% \/ 50%\) = \d+, capped by the scale-up limit max\(2 × 2, 4\) to 4$/);
    expect(syncSummary(sync.record, zh)).toMatch(/^期望副本数 = ceil\(2 × \d+% \/ 50%\) = \d+，受扩容上限 max\(2 × 2, 4\) 限制为 4$/);
    expect(explainSync(sync.record, zh)[0]).toBe('Deployment/web：2 个副本（最小 1，最大 6）');
  });
});
