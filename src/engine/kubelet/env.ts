import type { Container, EnvVar, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api';
import type { StoreReader } from '../controllers/types';
import { expandKubeVars } from './program';
import { serviceEnvVars } from './serviceEnv';

export type EnvResult = { ok: true; env: Record<string, string> } | { ok: false; message: string };

type Data = { data?: Record<string, string>; binaryData?: Record<string, string> };

function decodeBase64(value: string): string {
  try {
    return globalThis.atob(value);
  } catch {
    return value;
  }
}

/** The key/value data of a ConfigMap or (decoded) Secret. */
function dataOf(obj: KubeObject, kind: 'ConfigMap' | 'Secret'): Record<string, string> {
  const { data = {}, binaryData = {} } = obj as Data;
  if (kind === 'ConfigMap') return { ...data, ...Object.fromEntries(Object.entries(binaryData).map(([k, v]) => [k, decodeBase64(v)])) };
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, decodeBase64(v)]));
}


function fieldValue(pod: Pod, path: string, hostIP: string, podIP: string): string | undefined {
  const meta = pod.metadata ?? {};
  const mapKey = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (mapKey) return (mapKey[1] === 'labels' ? meta.labels : meta.annotations)?.[mapKey[2]] ?? '';
  switch (path) {
    case 'metadata.name': return meta.name;
    case 'metadata.namespace': return meta.namespace ?? 'default';
    case 'metadata.uid': return meta.uid;
    case 'spec.nodeName': return pod.spec?.nodeName;
    case 'spec.serviceAccountName': return pod.spec?.serviceAccountName;
    case 'status.hostIP': case 'status.hostIPs': return hostIP;
    case 'status.podIP': case 'status.podIPs': return podIP;
    default: return undefined;
  }
}

/**
 * A container's environment as the kubelet builds it at start (`makeEnvironmentVariables`):
 * service links, then envFrom, then env with `$(VAR)` expansion and valueFrom lookups. A missing
 * non-optional ConfigMap or Secret is a CreateContainerConfigError with upstream's message.
 */
export function containerEnv(pod: Pod, container: Container, store: StoreReader, hostIP: string, podIP: string): EnvResult {
  const ns = pod.metadata?.namespace ?? 'default';
  const serviceEnv = serviceEnvVars(store, ns, pod.spec?.enableServiceLinks !== false);
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const ref = source.configMapRef ?? source.secretRef;
    const kind = source.configMapRef ? 'ConfigMap' : 'Secret';
    if (!ref?.name) continue;
    const obj = store.get(kind, ref.name, ns);
    if (!obj) {
      if (ref.optional) continue;
      return { ok: false, message: `${kind.toLowerCase()} "${ref.name}" not found` };
    }
    for (const [k, v] of Object.entries(dataOf(obj, kind))) env[`${source.prefix ?? ''}${k}`] = v;
  }
  for (const variable of container.env ?? []) {
    const value = resolveVar(variable, pod, store, ns, hostIP, podIP, { ...serviceEnv, ...env });
    if (typeof value === 'object') {
      if (value.optional) continue;
      return { ok: false, message: value.message };
    }
    env[variable.name] = value;
  }
  for (const [k, v] of Object.entries(serviceEnv)) if (!(k in env)) env[k] = v;
  return { ok: true, env };
}

function resolveVar(
  variable: EnvVar, pod: Pod, store: StoreReader, ns: string, hostIP: string, podIP: string, known: Record<string, string>,
): string | { message: string; optional?: boolean } {
  const from = variable.valueFrom;
  if (!from) return expandKubeVars(variable.value ?? '', known);
  if (from.fieldRef) return fieldValue(pod, from.fieldRef.fieldPath, hostIP, podIP) ?? '';
  if (from.resourceFieldRef) return resourceValue(pod, from.resourceFieldRef);
  const keyRef = from.configMapKeyRef ?? from.secretKeyRef;
  const kind = from.configMapKeyRef ? 'ConfigMap' : 'Secret';
  if (!keyRef) return '';
  const obj = keyRef.name ? store.get(kind, keyRef.name, ns) : undefined;
  if (!obj) return { message: `${kind.toLowerCase()} "${keyRef.name}" not found`, optional: keyRef.optional };
  const data = dataOf(obj, kind);
  if (!(keyRef.key in data)) {
    return { message: `couldn't find key ${keyRef.key} in ${kind} ${ns}/${keyRef.name}`, optional: keyRef.optional };
  }
  return data[keyRef.key];
}

function resourceValue(pod: Pod, ref: NonNullable<EnvVar['valueFrom']>['resourceFieldRef'] & object): string {
  const container = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]
    .find((c) => !ref.containerName || c.name === ref.containerName);
  const [bucket, resource] = ref.resource.split('.');
  const resources = container?.resources;
  const raw = bucket === 'limits' ? resources?.limits?.[resource] : resources?.requests?.[resource] ?? resources?.limits?.[resource];
  return raw === undefined ? '0' : String(raw);
}
