/** The inspector pane's frame: header, tabs, copy buttons, the Events list. */
import type { Messages } from '../types';

const en = {
  'inspector.nothingSelected': 'Nothing selected',
  'inspector.emptyHint': 'Click a Pod or Node in the cluster to inspect it: its describe output, its live YAML and its Events, as of the Step on the timeline.',
  'inspector.namespace': 'namespace {namespace}',
  'inspector.asOf': 'as of Step {step} (t = {time})',
  'inspector.clear': 'Clear selection',
  'inspector.missing': '{object} does not exist at Step {step}. Move the timeline to a moment when it existed.',
  'inspector.views': 'Inspector views',
  'inspector.describe': 'Describe',
  'inspector.events': 'Events',
  'inspector.rollout': 'Rollout',
  'inspector.describeOutput': 'Describe output',
  'inspector.yamlOutput': 'YAML output',
  'inspector.copyLabel': 'Copy {label}',
  'inspector.noEvents': 'No Events for {object} at this Step.',
  'inspector.eventsOf': 'Events of {object}',
  'inspector.lastSeen': 'Last seen (count over the age of the first)',
  'inspector.from': 'from {source}',
} as const;

const zh: Messages<typeof en> = {
  'inspector.nothingSelected': '未选择任何对象',
  'inspector.emptyHint': '点击集群中的 Pod 或 Node 即可查看：它的 describe 输出、实时 YAML 和事件（Events），均以时间线上的当前步骤为准。',
  'inspector.namespace': '命名空间 {namespace}',
  'inspector.asOf': '截至第 {step} 步（t = {time}）',
  'inspector.clear': '取消选择',
  'inspector.missing': '{object} 在第 {step} 步时不存在。请把时间线移到它存在的时刻。',
  'inspector.views': '检查器视图',
  'inspector.describe': '描述',
  'inspector.events': '事件',
  'inspector.rollout': '滚动更新',
  'inspector.describeOutput': 'describe 输出',
  'inspector.yamlOutput': 'YAML 输出',
  'inspector.copyLabel': '复制 {label}',
  'inspector.noEvents': '在此步骤时 {object} 没有事件。',
  'inspector.eventsOf': '{object} 的事件',
  'inspector.lastSeen': '最近一次出现（次数 / 自首次出现以来的时长）',
  'inspector.from': '来自 {source}',
};

export const inspector = { en, zh };
