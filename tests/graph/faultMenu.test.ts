/**
 * The fault menu's items (src/ui/faults/faultItems.ts, pure): what a Pod, a Node and the empty
 * canvas offer, worded in English (the browser tests find them by these names) and in Chinese,
 * container names kept as data.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/engine/index';
import { partsText } from '../../src/i18n/textParts';
import { translator } from '../../src/i18n/translate';
import type { FaultsSlice } from '../../src/store/faultsSlice';
import { faultGroups, type FaultGroup } from '../../src/ui/faults/faultItems';

const zhT = translator('zh-CN');

const POD = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: app
    image: nginx:1.27
    livenessProbe: { httpGet: { path: /, port: 80 } }
`;

function cluster() {
  const c = createCluster({ seed: 1 });
  expect(c.apply(POD).ok).toBe(true);
  c.advance(10_000);
  return c;
}

const names = (groups: FaultGroup[]) => groups.map((g) => [g.title ?? '', ...g.items.map((i) => i.label)]);

describe('the fault menu', () => {
  const c = cluster();
  const pod = { type: 'pod', name: 'web', namespace: 'default' } as const;
  const node = { type: 'node', name: 'node-1' } as const;

  it.each([
    ['a Pod', pod, [['', 'Delete Pod'], ['Container app', 'Kill container app…', 'Make liveness probe fail', 'Exceed memory limit (OOMKilled)']],
      [['', '删除 Pod'], ['容器 app', '杀死容器 app…', '让存活探针失败', '超出内存限制（OOMKilled）']]],
    ['a Node', node, [['', 'Stop kubelet', 'Cordon', 'Drain…', 'Remove Node']],
      [['', '停止 kubelet', '封锁（cordon）', '清空（drain）…', '移除 Node']]],
    ['the canvas', { type: 'canvas' } as const, [['', 'Add Node…']], [['', '添加 Node…']]],
  ])('offers %s its actions, in either language', (_, target, english, chinese) => {
    expect(names(faultGroups(c, target))).toEqual(english);
    expect(names(faultGroups(c, target, zhT))).toEqual(chinese);
  });

  it('keeps the ids across languages and the container name as data', () => {
    const en = faultGroups(c, pod);
    const zh = faultGroups(c, pod, zhT);
    expect(zh.flatMap((g) => g.items.map((i) => i.id))).toEqual(en.flatMap((g) => g.items.map((i) => i.id)));
    const kill = zh[1].items[0];
    expect(kill.parts).toEqual([{ text: '杀死容器 ', kind: 'text' }, { text: 'app', kind: 'data' }, { text: '…', kind: 'text' }]);
    expect(partsText(kill.parts)).toBe(kill.label);
    expect(zh[1].titleParts).toEqual([{ text: '容器 ', kind: 'text' }, { text: 'app', kind: 'data' }]);
  });

  it('turns a failing probe\'s item into its recovery, and a cordoned Node\'s into Uncordon', () => {
    const view = cluster();
    // the store's fault actions, straight onto the engine
    const actions = {
      failProbe: (t: { pod: string; container: string; namespace: string }, probe: 'liveness', failing: boolean) =>
        view.failProbe(t.pod, t.container, probe, failing, t.namespace),
      cordon: (name: string) => view.cordon(name),
    } as unknown as FaultsSlice;
    const [, group] = faultGroups(view, pod);
    group.items.find((i) => i.id === 'probe:liveness')!.run!(actions);
    expect(faultGroups(view, pod, zhT)[1].items.find((i) => i.id === 'probe:liveness')!.label).toBe('让存活探针恢复');
    faultGroups(view, node)[0].items.find((i) => i.id === 'cordon')!.run!(actions);
    expect(faultGroups(view, node).flatMap((g) => g.items.map((i) => i.label))).toContain('Uncordon');
    expect(faultGroups(view, node, zhT).flatMap((g) => g.items.map((i) => i.label))).toContain('解除封锁（uncordon）');
  });

  it('offers nothing for a Pod that is gone', () => {
    expect(faultGroups(c, { type: 'pod', name: 'nope', namespace: 'default' }, zhT)).toEqual([]);
  });
});
