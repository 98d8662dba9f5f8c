/** Words several panes share. */
import type { Messages } from '../types';

const en = {
  'common.ready': 'ready',
  'common.notReady': 'not ready',
  'common.terminating': 'terminating',
  'common.copy': 'Copy',
  'common.copied': 'Copied',
} as const;

const zh: Messages<typeof en> = {
  'common.ready': '就绪',
  'common.notReady': '未就绪',
  'common.terminating': '终止中',
  'common.copy': '复制',
  'common.copied': '已复制',
};

export const common = { en, zh };
