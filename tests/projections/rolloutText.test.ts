import { describe, expect, it } from 'vitest';
import { englishT, translator } from '../../src/i18n/translate';
import type { RolloutSample } from '../../src/projections/rollout';
import { rolloutSummary, strategyLine } from '../../src/ui/rollout/rolloutText';

const zh = translator('zh-CN');

const sample = (over: Partial<RolloutSample>): RolloutSample => ({
  step: 0, time: 0, replicas: 4, strategy: 'RollingUpdate', maxTotal: 5, minAvailable: 3, sets: {}, total: 0, pods: 0,
  available: 0, ...over,
});

const twoRevisions = sample({
  sets: {
    a: { spec: 1, pods: 1, ready: 1, available: 1, revision: 1 },
    b: { spec: 4, pods: 4, ready: 3, available: 3, revision: 2 },
  },
  total: 5, pods: 5, available: 4,
});
const overBounds = sample({ sets: { b: { spec: 6, pods: 6, ready: 2, available: 2, revision: 2 } }, total: 6, pods: 6, available: 2 });
const scalingDown = sample({
  sets: { a: { spec: 1, pods: 3, ready: 3, available: 3, revision: 1 }, b: { spec: 2, pods: 2, ready: 2, available: 2, revision: 2 } },
  total: 3, pods: 5, available: 5,
});
const emptyOld = sample({
  sets: { a: { spec: 0, pods: 0, ready: 0, available: 0, revision: 1 }, b: { spec: 4, pods: 4, ready: 4, available: 4, revision: 2 } },
  total: 4, pods: 4, available: 4,
});
const recreate = sample({ strategy: 'Recreate', maxTotal: undefined, minAvailable: undefined, replicas: 2,
  sets: { a: { spec: 2, pods: 2, ready: 2, available: 2, revision: 1 } }, total: 2, pods: 2, available: 2 });
const noPods = sample({ sets: { a: { spec: 0, pods: 0, ready: 0, available: 0, revision: 1 } } });

describe('rolloutSummary', () => {
  it.each([
    ['each revision, newest first, and the totals against the bounds', twoRevisions,
      'Revision 2: 3 of 4 available, revision 1: 1 of 1 available — total 5 ≤ max 5; available 4 ≥ min 3',
      '修订版本 2：4 个中 3 个可用，修订版本 1：1 个中 1 个可用 — 总数 5 ≤ 上限 5；可用 4 ≥ 下限 3'],
    ['a total above the maximum and availability below the minimum', overBounds,
      'Revision 2: 2 of 6 available — total 6 > max 5; available 2 < min 3',
      '修订版本 2：6 个中 2 个可用 — 总数 6 > 上限 5；可用 2 < 下限 3'],
    ['a ReplicaSet with more available Pods than it now wants', scalingDown,
      'Revision 2: 2 of 2 available, revision 1: 3 available, scaling down to 1 — total 3 ≤ max 5; available 5 ≥ min 3',
      '修订版本 2：2 个中 2 个可用，修订版本 1：3 个可用，正在缩容到 1 个 — 总数 3 ≤ 上限 5；可用 5 ≥ 下限 3'],
    ['empty old ReplicaSets left out', emptyOld,
      'Revision 2: 4 of 4 available — total 4 ≤ max 5; available 4 ≥ min 3',
      '修订版本 2：4 个中 4 个可用 — 总数 4 ≤ 上限 5；可用 4 ≥ 下限 3'],
    ['no bounds for Recreate', recreate,
      'Revision 1: 2 of 2 available — total 2 of 2; available 2 (Recreate: old Pods stop before new ones start)',
      '修订版本 1：2 个中 2 个可用 — 总数 2/2；可用 2（Recreate：旧 Pod 先停止，新 Pod 再启动）'],
    ['no Pods at all', noPods,
      'No Pods — total 0 ≤ max 5; available 0 < min 3',
      '没有 Pod — 总数 0 ≤ 上限 5；可用 0 < 下限 3'],
    ['before any sample', undefined, 'No ReplicaSets yet at this Step.', '此步骤时还没有 ReplicaSet。'],
  ])('words %s', (_what, s, english, chinese) => {
    expect(rolloutSummary(s)).toBe(english);
    expect(rolloutSummary(s, englishT)).toBe(english);
    expect(rolloutSummary(s, zh)).toBe(chinese);
  });
});

describe('strategyLine', () => {
  it.each([
    ['RollingUpdate with its bounds', sample({}),
      'RollingUpdate, 4 replicas: at most 5 Pods (4 + maxSurge 1), at least 3 available (4 − maxUnavailable 1).',
      'RollingUpdate，4 个副本：最多 5 个 Pod（4 + maxSurge 1），至少 3 个可用（4 − maxUnavailable 1）。'],
    ['Recreate', recreate,
      'Recreate, 2 replicas: every old Pod stops before new ones start.',
      'Recreate，2 个副本：所有旧 Pod 停止之后，新 Pod 才会启动。'],
  ])('%s', (_what, s, english, chinese) => {
    expect(strategyLine(s)).toBe(english);
    expect(strategyLine(s, zh)).toBe(chinese);
  });
});
