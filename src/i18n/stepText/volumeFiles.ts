/**
 * kubelet/<node>: the live update of configMap, secret, downwardAPI and projected volumes at a pod
 * sync (src/engine/kubelet/volumeResyncMessage.ts words them). One Step may join several parts with
 * "; ": each rewritten volume with the views that keep the old values, then the volumes that could
 * not be updated. Key names, paths and the SetUp errors (upstream texts) stay as they are.
 */
import { PatternTable, type Rule } from './patternTable';

/** `a`, `a 和 b`, `a、b 和 c`: the Chinese of the engine's `a, b and c`. */
function joinZh(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join('、')} 和 ${items[items.length - 1]}`;
}

/** `a, b and c` → its items (names hold neither a comma nor a space). */
const splitAnd = (text: string): string[] => text.split(/, | and /);

const SOURCE_ZH: Record<string, string> = {
  'the downward API': 'Downward API',
  'a service account token': '服务账号令牌',
  'its sources': '它的各个来源',
};

/** `ConfigMap app-config, Secret creds and the downward API` in Chinese, spaced from the Chinese around it where it starts or ends in Latin. */
function sourcesZh(text: string): string {
  const zh = SOURCE_ZH[text] ?? joinZh(splitAnd(text).map((s) => SOURCE_ZH[s] ?? s));
  return `${/^[\x21-\x7e]/.test(zh) ? ' ' : ''}${zh}${/[\x21-\x7e]$/.test(zh) ? ' ' : ''}`;
}

/** A list of key names: `mode`, `debug, mode`. */
const KEYS = '([^\\s,]+(?:, [^\\s,]+)*)';
const CHANGES = new RegExp(`^(?:${KEYS} changed(?:, |$))?(?:${KEYS} added(?:, |$))?(?:${KEYS} removed(?:, |$))?(?:mode of ${KEYS} changed)?$`);

const keysZh = (keys: string) => keys.split(', ').join('、');

/** `debug changed, old added, mode of x changed` in Chinese (the changes of one write); verbatim when not of that form. */
function changesZh(text: string): string {
  const m = CHANGES.exec(text);
  if (!m) return text;
  return [
    m[1] ? `${keysZh(m[1])} 已变更` : '',
    m[2] ? `新增 ${keysZh(m[2])}` : '',
    m[3] ? `移除 ${keysZh(m[3])}` : '',
    m[4] ? `${keysZh(m[4])} 的文件权限模式已变更` : '',
  ].filter(Boolean).join('，');
}

/** `"a" and "b"` → `"a" 和 "b"`. */
const volumesZh = (text: string): string => joinZh(text.match(/"[^"]*"/g) ?? [text]);

const UPDATED = 'Updated the files of volume ("[^"]*") in Pod (\\S+) from (.+?)';
const AFTER = '(\\d+) s after the change(?:: ([^()]+))?';

/** The parts of the Pod whose change (an UPDATE) dispatched the sync: `labels`, `labels and spec`, `labels, annotations and spec`. */
const POD_PART = '(?:labels|annotations|spec)';
const POD_PARTS = `(${POD_PART}(?:(?:, | and )${POD_PART})*)`;
const POD_PART_ZH: Record<string, string> = { labels: '标签', annotations: '注解', spec: '规约' };

/** `labels and annotations` → `标签和注解`. */
function podPartsZh(text: string): string {
  const items = splitAnd(text).map((p) => POD_PART_ZH[p] ?? p);
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;
}

/** The parts of a volume-files Step, each a whole clause. */
export const volumeFilesClauses: Rule[] = [
  [new RegExp(`${UPDATED} \\(synced ${AFTER}\\)`),
    (g) => `根据${sourcesZh(g[3])}更新了 Pod ${g[2]} 中卷 ${g[1]} 的文件（变更后 ${g[4]} s 同步${g[5] ? `：${changesZh(g[5])}` : ''}）`],
  [new RegExp(`${UPDATED} \\(synced when the Pod's ${POD_PARTS} changed, ${AFTER}\\)`),
    (g) => `根据${sourcesZh(g[3])}更新了 Pod ${g[2]} 中卷 ${g[1]} 的文件（Pod 的${podPartsZh(g[4])}变更时同步，变更后 ${g[5]} s${g[6] ? `：${changesZh(g[6])}` : ''}）`],
  [new RegExp(`${UPDATED} before starting container (\\S+) \\(${AFTER}\\)`),
    (g) => `在启动容器 ${g[4]} 之前，根据${sourcesZh(g[3])}更新了 Pod ${g[2]} 中卷 ${g[1]} 的文件（变更后 ${g[5]} s${g[6] ? `：${changesZh(g[6])}` : ''}）`],
  [/the subPath mount (\S+) of container (\S+) keeps the old file until the container restarts/,
    '容器 {2} 的 subPath 挂载 {1} 在容器重启之前仍是旧文件'],
  [/the environment variables of container (\S+) keep the old values until the container restarts/,
    '容器 {1} 的环境变量在容器重启之前仍是旧值'],
  [/Could not update the files of volumes? ((?:"[^"]*"(?:, | and )?)+) in Pod (\S+): ([\s\S]+); the containers keep the files last written/,
    (g) => `无法更新 Pod ${g[2]} 中卷 ${volumesZh(g[1])} 的文件：${g[3].split('; ').join('；')}；各容器保留最后一次写入的文件`],
];

const parts = new PatternTable(volumeFilesClauses);

/** Where a new part of the Step starts (the SetUp errors never start so). */
const PART = /; (?=Updated the files of volume "|the subPath mount |the environment variables of container |Could not update the files of volume)/;

/** Each part in Chinese (one a pattern does not know stays English), joined with a full-width semicolon. */
function joinedParts(text: string): string {
  return text.split(PART).map((p) => parts.translate(p, (s) => s) ?? p).join('；');
}

export const volumeFilesMessages: Rule[] = [
  [/Updated the files of volume "[\s\S]+/, (g) => joinedParts(g[0])],
  [/Could not update the files of volumes? "[\s\S]+/, (g) => joinedParts(g[0])],
];
