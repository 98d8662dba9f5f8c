/** Lists the network panels offer in their selects, read from the snapshot at the cursor. */
import { useMemo } from 'react';
import type { KubeObject } from '../../engine/api';
import { useView } from '../../store';

export interface ServiceRef {
  namespace: string;
  name: string;
  /** `default/web`. */
  key: string;
  type: string;
  /** The first port (what a generator aims at by default). */
  port?: number;
}

const byKey = <T extends { key: string }>(a: T, b: T) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function serviceRef(s: KubeObject): ServiceRef {
  const spec = (s.spec ?? {}) as { type?: string; ports?: { port: number }[] };
  const namespace = s.metadata.namespace ?? 'default';
  return { namespace, name: s.metadata.name, key: `${namespace}/${s.metadata.name}`, type: spec.type ?? 'ClusterIP', port: spec.ports?.[0]?.port };
}

export function useServices(): ServiceRef[] {
  const view = useView();
  return useMemo(() => view.list('Service').map(serviceRef).sort(byKey), [view]);
}

export function useNodeNames(): string[] {
  const view = useView();
  return useMemo(() => view.list('Node').map((n) => n.metadata.name)
    .sort((a, b) => a.localeCompare(b, undefined, { numeric: true })), [view]);
}

export function useNamespaces(): string[] {
  const view = useView();
  return useMemo(() => view.list('Namespace').map((n) => n.metadata.name).sort(), [view]);
}

export interface PodRef { namespace: string; name: string; key: string; running: boolean }

/** Pods (of one namespace, or all), by `ns/name`. */
export function usePods(namespace?: string): PodRef[] {
  const view = useView();
  return useMemo(() => view.list('Pod', namespace).map((p) => {
    const ns = p.metadata.namespace ?? 'default';
    const running = (p.status as { phase?: string } | undefined)?.phase === 'Running' && !p.metadata.deletionTimestamp;
    return { namespace: ns, name: p.metadata.name, key: `${ns}/${p.metadata.name}`, running };
  }).sort(byKey), [view, namespace]);
}

/** `default/web` → `{ namespace: 'default', name: 'web' }`. */
export function splitRef(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: 'default', name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}
