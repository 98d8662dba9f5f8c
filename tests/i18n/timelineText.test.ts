/**
 * The timeline's filter words in both languages: English exactly as before (browser tests find
 * controls by it), Chinese around the Kubernetes names, and every notice the store makes worded.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CHINESE_CHAR } from '../../src/i18n/keptTerms';
import { partsText } from '../../src/i18n/textParts';
import { englishT, translator } from '../../src/i18n/translate';
import { ACTOR_KINDS, isActorKind } from '../../src/projections/actors';
import { STEP_GROUPINGS } from '../../src/projections/stepGroups';
import type { ActorOption } from '../../src/projections/stepFilter';
import type { TimelineNotice } from '../../src/store/timelineSlice';
import { PartsText } from '../../src/ui/common/PartsText';
import { actorFilterText, actorOptionLabel, groupingLabel, timelineNoticeParts } from '../../src/ui/timeline/filters/filterText';

const zhT = translator('zh-CN');

describe('actor filter choices', () => {
  it.each<[ActorOption, string, string]>([
    [{ value: 'kind:user', kind: 'user', count: 3 }, 'You (kubectl) (3)', '你（kubectl）（3）'],
    [{ value: 'kind:scheduler', kind: 'scheduler', count: 1 }, 'The scheduler (1)', '调度器（1）'],
    [{ value: 'kind:controller', kind: 'controller', count: 12 }, 'Every controller (12)', '所有控制器（12）'],
    [{ value: 'kind:kubelet', kind: 'kubelet', count: 7 }, 'Every kubelet (7)', '所有 kubelet（7）'],
    [{ value: 'kind:proxy', kind: 'proxy', count: 2 }, 'Every kube-proxy (2)', '所有 kube-proxy（2）'],
    [{ value: 'kind:bootstrap', kind: 'bootstrap', count: 1 }, 'Cluster setup (1)', '集群初始化（1）'],
    [{ value: 'kind:other', kind: 'other', count: 4 }, 'Other components (4)', '其他组件（4）'],
    [{ value: 'actor:kubectl', kind: 'user', actor: 'kubectl', count: 3 }, 'kubectl (you (kubectl)) (3)', 'kubectl（你，kubectl）（3）'],
    [{ value: 'actor:kube-scheduler', kind: 'scheduler', actor: 'kube-scheduler', count: 1 }, 'kube-scheduler (scheduler) (1)', 'kube-scheduler（调度器）（1）'],
    [{ value: 'actor:replicaset-controller', kind: 'controller', actor: 'replicaset-controller', count: 5 },
      'replicaset-controller (controller) (5)', 'replicaset-controller（控制器）（5）'],
    [{ value: 'actor:kubelet/node-1', kind: 'kubelet', actor: 'kubelet/node-1', count: 6 }, 'kubelet/node-1 (kubelet) (6)', 'kubelet/node-1（kubelet）（6）'],
    [{ value: 'actor:kube-proxy/node-2', kind: 'proxy', actor: 'kube-proxy/node-2', count: 2 }, 'kube-proxy/node-2 (kube-proxy) (2)', 'kube-proxy/node-2（kube-proxy）（2）'],
    [{ value: 'actor:kubeadm', kind: 'bootstrap', actor: 'kubeadm', count: 1 }, 'kubeadm (cluster setup) (1)', 'kubeadm（集群初始化）（1）'],
    [{ value: 'actor:metrics-server', kind: 'other', actor: 'metrics-server', count: 9 }, 'metrics-server (component) (9)', 'metrics-server（组件）（9）'],
  ])('%j', (option, english, chinese) => {
    expect(actorOptionLabel(option)).toBe(english);
    expect(actorOptionLabel(option, englishT)).toBe(english);
    expect(actorOptionLabel(option, zhT)).toBe(chinese);
  });

  it('words every kind differently in each language', () => {
    for (const t of [englishT, zhT]) {
      const words = ACTOR_KINDS.map((kind) => actorOptionLabel({ value: `kind:${kind}`, kind, count: 1 }, t));
      expect(new Set(words).size).toBe(ACTOR_KINDS.length);
    }
    expect(isActorKind('kubelet')).toBe(true);
    expect(isActorKind('robot')).toBe(false);
  });
});

describe('filter chips: the actor filter in words', () => {
  it.each([
    ['kind:kubelet', { text: 'every kubelet' }, { text: '所有 kubelet' }],
    ['kind:scheduler', { text: 'every scheduler' }, { text: '调度器' }],
    ['kind:controller', { text: 'every controller' }, { text: '所有控制器' }],
    ['kind:proxy', { text: 'every proxy' }, { text: '所有 kube-proxy' }],
    ['kind:user', { text: 'every user' }, { text: '你（kubectl）' }],
    ['kind:robot', { text: 'robot', name: 'robot' }, { text: 'robot', name: 'robot' }],
    ['actor:kubelet/node-1', { text: 'kubelet/node-1', name: 'kubelet/node-1' }, { text: 'kubelet/node-1', name: 'kubelet/node-1' }],
  ])('%s', (value, english, chinese) => {
    expect(actorFilterText(value)).toEqual(english);
    expect(actorFilterText(value, zhT)).toEqual(chinese);
  });

  it('keeps the chip and its remove button in English as browser tests find them', () => {
    const { text } = actorFilterText('kind:scheduler');
    expect(englishT('timelineFilters.remove', { filter: englishT('timelineFilters.chipActor', { actor: text }) }))
      .toBe('Remove filter actor: every scheduler');
    expect(zhT('timelineFilters.remove', { filter: zhT('timelineFilters.chipActor', { actor: actorFilterText('kind:scheduler', zhT).text }) }))
      .toBe('移除筛选条件 执行者：调度器');
  });
});

describe('grouping choices', () => {
  it('words each grouping, finest first', () => {
    expect(STEP_GROUPINGS).toEqual(['write', 'reconcile', 'second']);
    expect(STEP_GROUPINGS.map((g) => groupingLabel(g))).toEqual(['Every write', 'Per reconcile', 'Per virtual second']);
    expect(STEP_GROUPINGS.map((g) => groupingLabel(g, zhT))).toEqual(['每次写入', '每次调谐', '每个虚拟秒']);
  });
});

describe('notices: why the last move found nothing', () => {
  it.each<[TimelineNotice, string, string]>([
    [{ code: 'idle' }, 'Nothing more happens: the cluster is idle.', '不会再发生任何事：集群已空闲。'],
    [{ code: 'noMatch', direction: 'later' }, 'No later Step matches the filter.', '后面没有符合筛选条件的步骤。'],
    [{ code: 'noMatch', direction: 'earlier' }, 'No earlier Step matches the filter.', '前面没有符合筛选条件的步骤。'],
    [{ code: 'untouched', direction: 'later', object: 'pod/web-1' }, 'No later Step touches pod/web-1.', '后面没有涉及 pod/web-1 的步骤。'],
    [{ code: 'untouched', direction: 'earlier', object: 'deployment/web' }, 'No earlier Step touches deployment/web.', '前面没有涉及 deployment/web 的步骤。'],
    [{ code: 'quiet', withinMs: 900_000, seeking: 'step' }, 'Nothing happens in the next 15 virtual minutes.', '接下来 15 分钟（虚拟时间）内什么也不会发生。'],
    [{ code: 'quiet', withinMs: 60_000, seeking: 'step' }, 'Nothing happens in the next 1 virtual minute.', '接下来 1 分钟（虚拟时间）内什么也不会发生。'],
    [{ code: 'quiet', withinMs: 900_000, seeking: 'match' }, 'No Step matches the filter in the next 15 virtual minutes.', '接下来 15 分钟（虚拟时间）内没有符合筛选条件的步骤。'],
    [{ code: 'quiet', withinMs: 900_000, seeking: 'object', object: 'hpa/web', ref: { kind: 'HorizontalPodAutoscaler', name: 'web', namespace: 'default' } },
      'No Step touches hpa/web in the next 15 virtual minutes.', '接下来 15 分钟（虚拟时间）内没有涉及 hpa/web 的步骤。'],
  ])('%j', (notice, english, chinese) => {
    expect(partsText(timelineNoticeParts(notice))).toBe(english);
    expect(partsText(timelineNoticeParts(notice, englishT))).toBe(english);
    const zhParts = timelineNoticeParts(notice, zhT);
    expect(partsText(zhParts)).toBe(chinese);
    expect(zhParts.filter((p) => p.kind === 'text').map((p) => p.text).join('')).toMatch(CHINESE_CHAR);
  });

  it('names the object as data, in either language', () => {
    const notice: TimelineNotice = { code: 'untouched', direction: 'later', object: 'pod/web-1' };
    expect(timelineNoticeParts(notice, zhT)).toEqual([
      { kind: 'text', text: '后面没有涉及 ' }, { kind: 'data', text: 'pod/web-1' }, { kind: 'text', text: ' 的步骤。' },
    ]);
    expect(timelineNoticeParts(notice).filter((p) => p.kind !== 'text')).toEqual([{ kind: 'data', text: 'pod/web-1' }]);
    expect(timelineNoticeParts({ code: 'idle' }, zhT).every((p) => p.kind === 'text')).toBe(true);
  });

  it('renders the object in a translate="no" span, the words around it as they are', () => {
    const html = renderToStaticMarkup(createElement(PartsText, {
      parts: timelineNoticeParts({ code: 'untouched', direction: 'earlier', object: 'pod/web-1' }, zhT), dataClassName: 'font-mono',
    }));
    expect(html).toBe('前面没有涉及 <span translate="no" class="font-mono">pod/web-1</span> 的步骤。');
  });
});
