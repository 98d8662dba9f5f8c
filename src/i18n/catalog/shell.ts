/** The header, the pane frame and the first screen. */
import type { Messages } from '../types';

const en = {
  'shell.tagline': 'Write Kubernetes YAML, apply it, and watch a simulated control plane reconcile it, step by step.',
  'shell.starting': 'Starting the simulated cluster…',
  'header.reset': 'Reset cluster',
  'header.resetHint': 'Start again with an empty cluster of 3 Nodes (the editor text is kept)',
  'header.language': 'Language',
  'header.languageHint': 'Switch the language of the interface; the cluster and the editor text stay as they are',
  'layout.cluster': 'Cluster',
  'layout.inspector': 'Inspector',
  'layout.timeline': 'Timeline',
  'layout.resizeEditor': 'Resize editor',
  'layout.resizeInspector': 'Resize inspector',
  'layout.resizeTimeline': 'Resize timeline',
} as const;

const zh: Messages<typeof en> = {
  'shell.tagline': '编写 Kubernetes YAML 并应用，逐步观察模拟的控制平面如何对它进行调和（reconcile）。',
  'shell.starting': '正在启动模拟集群…',
  'header.reset': '重置集群',
  'header.resetHint': '重新开始：一个有 3 个 Node 的空集群（编辑器中的文本会保留）',
  // The switch keeps the English word too, so someone who cannot read the current language still finds it.
  'header.language': '语言 / Language',
  'header.languageHint': '切换界面语言；集群和编辑器中的文本保持不变',
  'layout.cluster': '集群',
  'layout.inspector': '检查器',
  'layout.timeline': '时间线',
  'layout.resizeEditor': '调整编辑器宽度',
  'layout.resizeInspector': '调整检查器宽度',
  'layout.resizeTimeline': '调整时间线高度',
};

export const shell = { en, zh };
