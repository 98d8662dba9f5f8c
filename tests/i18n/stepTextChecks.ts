/**
 * What a Chinese rendering of a Step message must keep: every number (as a multiset of digit runs,
 * so names with digits, IPs and quantities count too) and every object name of the English text.
 */
import { localizeStepMessage } from '../../src/i18n/stepText';

export const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

function digitRuns(s: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const run of s.match(/\d+/g) ?? []) counts.set(run, (counts.get(run) ?? 0) + 1);
  return counts;
}

/** Words that name an object when they come before its name in the engine's messages. */
const KIND_WORDS = new Set(['Pod', 'pod', 'Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet', 'Job',
  'CronJob', 'Service', 'Endpoints', 'EndpointSlice', 'Node', 'node', 'container', 'Container', 'PersistentVolume',
  'PersistentVolumeClaim', 'claim', 'volume', 'ConfigMap', 'Secret', 'Namespace', 'namespace', 'HPA', 'PodDisruptionBudget',
  'ResourceQuota', 'ControllerRevision', 'ServiceAccount', 'StorageClass']);

/** English words that follow a kind word in the messages without being a name (`the pod sandbox`, `Node status`). */
const NOT_NAMES = new Set(['a', 'an', 'and', 'are', 'affinity', 'before', 'bound', 'can', 'cannot', 'controller', 'counts', 'creates',
  'endpoints', 'for', 'goes', 'grace', 'has', 'holds', 'is', 'lifecycle', 'matches', 'matching', 'may', 'mirroring', 'network',
  'of', 'recreates', 'reported', 'requests/s', 'sandbox', 'shows', 'starts', 'status', 'stay', 'stays', 'template', 'terminates',
  'that', 'the', 'never', 'restarts', 'already', 'empty', 'volumes', 'keeps', 'any', 'no', 'named', 'scrubs', 'request/s', 'runtime', 'from', 'there', 'selects', 'slow-start', 'usable', 'joined', 'names', 'to', 'traffic', 'under', 'uses', 'waits', 'wants', 'with', 'without', 'yet', 'it', 'its', 'in', 'on', 'was']);

const TRIM = /^[("'[{]+|[)"'\]},;:.]+$/g;

/**
 * The object names of an English message: a word after a kind word, and any token that reads like
 * a name (has a digit, a slash or a dot among letters: `web-7d4f-x2`, `default/web`, `nginx:1.27`).
 */
export function namesIn(en: string): string[] {
  const words = en.split(/\s+/);
  const names = new Set<string>();
  words.forEach((word, i) => {
    const token = word.replace(TRIM, '');
    if (!token || !/[a-z]/.test(token) || NOT_NAMES.has(token)) return;
    if (KIND_WORDS.has(words[i - 1] ?? '') && /^[a-z0-9][a-z0-9.-]*[a-z0-9]?$/.test(token)) names.add(token);
    else if (/[a-z]/.test(token) && /\d/.test(token) && /[-/.:]/.test(token)) names.add(token);
    else if (/^[a-z0-9-]+\/[a-z0-9.-]+$/.test(token)) names.add(token);
  });
  return [...names];
}

/** Why `zh` is not a faithful Chinese rendering of `en` (empty when it is). */
export function renderingProblems(en: string): string[] {
  const out = localizeStepMessage(en, 'zh-CN');
  if (out.language !== 'zh-CN') return ['no pattern matches'];
  const zh = out.text;
  const problems: string[] = [];
  if (!hasChinese(zh)) problems.push('no Chinese in the rendering');
  const zhRuns = digitRuns(zh);
  for (const [run, n] of digitRuns(en)) if ((zhRuns.get(run) ?? 0) < n) problems.push(`number ${run} lost`);
  for (const name of namesIn(en)) if (!zh.includes(name)) problems.push(`name ${name} lost`);
  return problems;
}
