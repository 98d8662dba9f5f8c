/** The manifest editor pane: Apply, opening files, the outcome of an apply. */
import type { Messages } from '../types';

const en = {
  'editor.pane': 'Manifest editor',
  'editor.title': 'Manifest',
  'editor.textbox': 'Kubernetes YAML editor',
  'editor.apply': 'Apply',
  'editor.applyHint': 'Apply the YAML to the cluster ({shortcut})',
  'editor.open': 'Open YAML file',
  'editor.openHint': 'Replace the editor text with a .yaml, .yml or .json file',
  'editor.loading': 'Loading the editor…',
  'editor.drop': 'Drop a YAML file to open it',
  'editor.fileTooLarge': '{name} is too large to open ({size} KB; the limit is 2 MB).',
  'editor.fileUnreadable': 'Could not read {name}: {error}',
  'editor.applyErrors': 'Apply errors',
  'editor.applyFailed': 'Apply failed; nothing was changed',
  'editor.showLine': 'Show this line in the editor',
  'editor.line': 'line {line}',
  'editor.lineColumn': 'line {line}:{column}',
  'editor.applyResult': 'Apply result',
  'editor.appliedNothing': 'Applied: the text has no objects.',
} as const;

const zh: Messages<typeof en> = {
  'editor.pane': '清单编辑器',
  'editor.title': '清单',
  'editor.textbox': 'Kubernetes YAML 编辑器',
  'editor.apply': '应用',
  'editor.applyHint': '将 YAML 应用到集群（{shortcut}）',
  'editor.open': '打开 YAML 文件',
  'editor.openHint': '用 .yaml、.yml 或 .json 文件替换编辑器中的文本',
  'editor.loading': '正在加载编辑器…',
  'editor.drop': '将 YAML 文件拖放到这里即可打开',
  'editor.fileTooLarge': '{name} 太大，无法打开（{size} KB，上限为 2 MB）。',
  'editor.fileUnreadable': '无法读取 {name}：{error}',
  'editor.applyErrors': '应用错误',
  'editor.applyFailed': '应用失败，集群未做任何更改',
  'editor.showLine': '在编辑器中显示这一行',
  'editor.line': '第 {line} 行',
  'editor.lineColumn': '第 {line} 行第 {column} 列',
  'editor.applyResult': '应用结果',
  'editor.appliedNothing': '已应用：文本中没有任何对象。',
};

export const editor = { en, zh };
