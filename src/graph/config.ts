/**
 * ConfigMaps and Secrets as the graph shows them (their keys, never a Secret's values), and what
 * each Pod reads from them: a volume (configMap, secret, or a projected source), or a container's
 * env (`configMapKeyRef`, `secretKeyRef`) and envFrom.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../engine/api';
import { englishT, type Translate } from '../i18n/translate';
import type { ConfigData } from './storageTypes';

export type ConfigKind = 'ConfigMap' | 'Secret';

/** One place a Pod reads a ConfigMap or Secret. */
export interface ConfigUse {
  kind: ConfigKind;
  name: string;
  /** The Pod's volume, or its container (env / envFrom). */
  target: { type: 'volume'; volume: string } | { type: 'env'; container: string; what: string };
  optional: boolean;
}

/** upstream admission adds this projected service-account volume to every Pod (kube-root-ca.crt is read there). */
const SERVICE_ACCOUNT_VOLUME = /^kube-api-access-[a-z0-9]{5}$/;
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

export function podConfigUses(pod: Pod): ConfigUse[] {
  const uses: ConfigUse[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    if (v.projected && SERVICE_ACCOUNT_VOLUME.test(v.name)) continue;
    const target = { type: 'volume' as const, volume: v.name };
    if (v.configMap?.name) uses.push({ kind: 'ConfigMap', name: v.configMap.name, target, optional: v.configMap.optional ?? false });
    if (v.secret?.secretName) uses.push({ kind: 'Secret', name: v.secret.secretName, target, optional: v.secret.optional ?? false });
    for (const s of v.projected?.sources ?? []) {
      if (s.configMap?.name) uses.push({ kind: 'ConfigMap', name: s.configMap.name, target, optional: s.configMap.optional ?? false });
      if (s.secret?.name) uses.push({ kind: 'Secret', name: s.secret.name, target, optional: s.secret.optional ?? false });
    }
  }
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
    for (const e of c.env ?? []) {
      const cm = e.valueFrom?.configMapKeyRef;
      const sec = e.valueFrom?.secretKeyRef;
      const ref = cm ?? sec;
      if (!ref?.name) continue;
      uses.push({ kind: cm ? 'ConfigMap' : 'Secret', name: ref.name, target: { type: 'env', container: c.name, what: `env ${e.name}` }, optional: ref.optional ?? false });
    }
    for (const f of c.envFrom ?? []) {
      const ref = f.configMapRef ?? f.secretRef;
      if (!ref?.name) continue;
      uses.push({ kind: f.configMapRef ? 'ConfigMap' : 'Secret', name: ref.name, target: { type: 'env', container: c.name, what: 'envFrom' }, optional: ref.optional ?? false });
    }
  }
  return uses;
}

/**
 * ConfigMaps and Secrets the cluster makes itself: the CA bundle published into every namespace,
 * service-account tokens, anything in the system namespaces. They are drawn only when a Pod reads
 * them, or when the namespace picker shows their namespace.
 */
export function isSystemConfig(obj: KubeObject, namespaceFilter: string | null): boolean {
  const ns = obj.metadata.namespace ?? 'default';
  if (namespaceFilter === ns && SYSTEM_NAMESPACES.has(ns)) return false;
  if (SYSTEM_NAMESPACES.has(ns)) return true;
  if (obj.kind === 'ConfigMap' && obj.metadata.name === 'kube-root-ca.crt') return true;
  return obj.kind === 'Secret' && (obj as { type?: string }).type === 'kubernetes.io/service-account-token';
}

/** `t` words the accessible name (English by default: `ConfigMap app-config`, `Secret creds, not found`). */
export function configData(
  kind: ConfigKind, name: string, namespace: string, obj: KubeObject | undefined, usedBy: number, t: Translate = englishT,
): ConfigData {
  const data = { ...((obj?.data ?? {}) as Record<string, string>), ...((obj?.binaryData ?? {}) as Record<string, string>) };
  const type = kind === 'Secret' && obj ? ((obj as { type?: string }).type ?? 'Opaque') : undefined;
  return {
    kind,
    name,
    namespace,
    uid: obj?.metadata.uid ?? '',
    keys: Object.keys(data).sort(),
    ...(type ? { type } : {}),
    immutable: (obj as { immutable?: boolean } | undefined)?.immutable === true,
    missing: !obj,
    usedBy,
    ref: { kind, name, namespace },
    ariaLabel: obj ? t('graph.objectName', { kind, name }) : t('graph.configNotFound', { kind, name }),
  };
}
