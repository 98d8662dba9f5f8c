/** endpoint-controller, endpointslice-controller, endpointslicemirroring-controller. */
import type { Rule } from './patternTable';

/** An endpoint's conditions (ready / serving / terminating) as EndpointSlice messages word them. */
const CONDITION: Record<string, string> = {
  'ready': '就绪',
  'not ready': '未就绪',
  'terminating, still serving': '正在终止，仍在提供服务',
  'terminating, not serving': '正在终止，不再提供服务',
  'published though not ready (publishNotReadyAddresses)': '虽未就绪但仍发布（publishNotReadyAddresses）',
};
const CONDITIONS = '(terminating, still serving|terminating, not serving|published though not ready \\(publishNotReadyAddresses\\)|not ready|ready)';

/** `a, b, c, d and 5 more` → `a、b、c、d 及另外 5 个` */
export function nameList(text: string): string {
  return text.replace(/ and (\d+) more$/, ' 及另外 $1 个').replace(/, /g, '、');
}

/** `3 endpoints (2 ready, 1 not ready)` */
function endpointCount(text: string): string {
  const m = /^(\d+) endpoints? \(([^)]*)\)$/.exec(text);
  if (!m) return text;
  const parts = m[2].split(', ').map((p) => p.replace(/^(\d+) (ready|not ready|terminating)$/, (_, n: string, c: string) =>
    `${n} 个${c === 'terminating' ? '正在终止' : CONDITION[c]}`));
  return `${m[1]} 个端点（${parts.join('，')}）`;
}

/** The ports a slice lists (they stay as they are), or none. */
const ports = (text: string) => (text === 'no ports' ? '无端口' : `端口 ${text}`);

/** One change of a slice: added / removed / a condition that moved. */
function sliceChange(text: string): string {
  if (text === 'labels brought in line with the Service') return '标签已与 Service 保持一致';
  const conditionsIn = (s: string) => s
    .replace(new RegExp(` \\(${CONDITIONS}\\)`, 'g'), (_, c: string) => `（${CONDITION[c]}）`)
    .replace(new RegExp(` is now ${CONDITIONS}`, 'g'), (_, c: string) => ` 现为${CONDITION[c]}`);
  if (text.startsWith('added ')) return `新增 ${nameList(conditionsIn(text.slice(6)))}`;
  if (text.startsWith('removed ')) return `移除 ${nameList(text.slice(8))}`;
  return nameList(conditionsIn(text));
}

/** Endpoints changes: `a, b now ready; c removed`. */
function endpointsChange(text: string): string {
  const m = /^(.+) (now ready|no longer ready|added, not ready|removed)$/.exec(text);
  if (!m) return text;
  const what = { 'now ready': '现已就绪', 'no longer ready': '不再就绪', 'added, not ready': '已加入，未就绪', 'removed': '已移除' }[m[2]];
  return `${nameList(m[1])} ${what}`;
}

function addressCounts(g: readonly string[], at: number): string {
  return `${g[at]} 个就绪地址，${g[at + 1]} 个未就绪${g[at + 2] ? `，端口 ${g[at + 2]}` : ''}`;
}

const SLICE_HEAD = /EndpointSlice (\S+) of Service (\S+): ((?:(?!; (?:now|no endpoints)).)+); /;

export const endpointsMessages: Rule[] = [
  [/Endpoints (\S+) created for Service (\S+) \(Pods matching (.*?)\): (\d+) ready addresse?s?, (\d+) not ready(?: on (.+?))?(?: \((.+)\))?/,
    (g) => `为 Service ${g[2]} 创建了 Endpoints ${g[1]}（匹配 ${g[3]} 的 Pod）：${addressCounts(g, 4)}` +
      (g[7] ? `（${g[7].split('; ').map((p) => p.replace(/^ready: (.*)$/, (_, l: string) => `就绪：${nameList(l)}`)
        .replace(/^not ready: (.*)$/, (_, l: string) => `未就绪：${nameList(l)}`)).join('；')}）` : '')],
  [/Endpoints (\S+) updated(?:: (.+?))?; now (\d+) ready addresse?s?, (\d+) not ready(?: on (.+))?/,
    (g) => `Endpoints ${g[1]} 已更新${g[2] ? `：${g[2].split('; ').map(endpointsChange).join('；')}` : ''}；现有 ${addressCounts(g, 3)}`],
  [/Endpoints (\S+) deleted: Service (\S+) is gone/, 'Endpoints {1} 已删除：Service {2} 已不存在'],
  [/EndpointSlice for Service (\S+) created empty: no Pod matching (.*) has an IP yet, so this placeholder tells kube-proxy the Service has no endpoints/,
    '为 Service {1} 创建了空的 EndpointSlice：匹配 {2} 的 Pod 都还没有 IP，这个占位切片告诉 kube-proxy 该 Service 没有端点'],
  [/EndpointSlice for Service (\S+) created with (\d+ endpoints? \([^)]*\)) on (.+) for the Pods matching (.*): (.+)/,
    (g) => `为 Service ${g[1]} 创建了 EndpointSlice，含 ${endpointCount(g[2])}，${ports(g[3])}，对应匹配 ${g[4]} 的 Pod：${nameList(g[5])}`],
  [new RegExp(`${SLICE_HEAD.source}no endpoints left, so it stays as the Service's empty placeholder slice`),
    (g) => `Service ${g[2]} 的 EndpointSlice ${g[1]}：${g[3].split('; ').map(sliceChange).join('；')}；` +
      '已没有端点，因此它保留为该 Service 的空占位切片'],
  [new RegExp(`${SLICE_HEAD.source}now (\\d+ endpoints? \\([^)]*\\)) on (.+?)( \\(the slice is reused rather than deleting one and creating another\\))?`),
    (g) => `Service ${g[2]} 的 EndpointSlice ${g[1]}：${g[3].split('; ').map(sliceChange).join('；')}；` +
      `现有 ${endpointCount(g[4])}，${ports(g[5])}${g[6] ? '（复用该切片，而不是删除一个再创建一个）' : ''}`],
  [/EndpointSlice (\S+) deleted: it belongs to an earlier Service named (\S+)/, 'EndpointSlice {1} 已删除：它属于先前一个同名的 Service {2}'],
  [/EndpointSlice (\S+) deleted: none of its (\d+) endpoints is wanted any more for Service (\S+) \(their Pods are gone, no longer match, or are listed elsewhere\)/,
    'EndpointSlice {1} 已删除：Service {3} 不再需要它的 {2} 个端点中的任何一个（它们的 Pod 已不存在、不再匹配，或已列在别处）'],
  // mirroring of hand-written Endpoints
  [/EndpointSlice mirroring Endpoints (\S+) created with (\d+ endpoints? \([^)]*\)) on (.+): Service (\S+) has no selector, so its hand-written Endpoints are copied into a slice for kube-proxy and DNS/,
    (g) => `创建了镜像 Endpoints ${g[1]} 的 EndpointSlice，含 ${endpointCount(g[2])}，${ports(g[3])}：` +
      `Service ${g[4]} 没有选择算符，因此把手写的 Endpoints 复制到切片中，供 kube-proxy 和 DNS 使用`],
  [/EndpointSlice (\S+) now mirrors Endpoints (\S+): (\d+ endpoints? \([^)]*\)) on (.+)/,
    (g) => `EndpointSlice ${g[1]} 现在镜像 Endpoints ${g[2]}：${endpointCount(g[3])}，${ports(g[4])}`],
  [/EndpointSlice (\S+) deleted: (.+)/, 'EndpointSlice {1} 已删除：{2*}'],
];

export const endpointsClauses: Rule[] = [
  [/the Endpoints (\S+) it mirrored are gone/, '它所镜像的 Endpoints {1} 已不存在'],
  [/Endpoints (\S+) are marked not to be mirrored/, 'Endpoints {1} 被标记为不镜像'],
  [/there is no Service (\S+) for the Endpoints/, '没有与该 Endpoints 对应的 Service {1}'],
  [/Service (\S+) has a selector, so the endpointslice-controller lists its Pods/, 'Service {1} 有选择算符，因此由 endpointslice-controller 列出它的 Pod'],
  [/Endpoints (\S+) no longer list addresses for its ports/, 'Endpoints {1} 不再为其端口列出地址'],
];
