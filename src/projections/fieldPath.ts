/**
 * The downward-API field paths describe resolves for `fieldRef` env vars
 * (upstream kubectl `fieldpath.ExtractFieldPathAsString` behind `EnvValueRetriever`).
 */
import type { Pod } from 'kubernetes-types/core/v1';

function mapEntries(map: Record<string, string> | undefined): string {
  return Object.keys(map ?? {}).sort().map((k) => `${k}="${map![k]}"`).join('\n');
}

/** The value of a Pod field path; '' for paths describe cannot resolve. */
export function resolveFieldRef(pod: Pod, fieldPath: string): string {
  const meta = pod.metadata ?? {};
  const subscript = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(fieldPath);
  if (subscript) return (subscript[1] === 'labels' ? meta.labels : meta.annotations)?.[subscript[2]] ?? '';
  switch (fieldPath) {
    case 'metadata.name': return meta.name ?? '';
    case 'metadata.namespace': return meta.namespace ?? '';
    case 'metadata.uid': return meta.uid ?? '';
    case 'metadata.labels': return mapEntries(meta.labels);
    case 'metadata.annotations': return mapEntries(meta.annotations);
    case 'spec.nodeName': return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName': return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP': return pod.status?.hostIP ?? '';
    case 'status.hostIPs': return (pod.status?.hostIPs ?? []).map((ip) => ip.ip).join(',');
    case 'status.podIP': return pod.status?.podIP ?? '';
    case 'status.podIPs': return (pod.status?.podIPs ?? []).map((ip) => ip.ip).join(',');
    default: return '';
  }
}
