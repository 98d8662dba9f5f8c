import type { Container, EnvVar, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api';
import type { StoreReader } from '../controllers/types';
import { expandKubeVars } from './program';
import { serviceEnvVars } from './serviceEnv';

/**
 * The environment, or the CreateContainerConfigError message. `skipped` holds the Warning
 * InvalidEnvironmentVariableNames messages for envFrom keys that are not valid variable names.
 */
export type EnvResult = { ok: true; env: Record<string, string>; skipped?: string[] } | { ok: false; message: string };

/** upstream IsEnvVarName (RelaxedEnvironmentVariableValidation is off by default in 1.31). */
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** A Secret value: base64 of bytes, read as UTF-8 (the container sees the bytes). */
function decodeBase64(value: string): string {
  try {
    const binary = globalThis.atob(value);
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return value;
  }
}

/** upstream: env reads a ConfigMap's `data` only (binaryData is for volumes), and a Secret's decoded `data`. */
function dataOf(obj: KubeObject, kind: 'ConfigMap' | 'Secret'): Record<string, string> {
  const data = (obj as { data?: Record<string, string> }).data ?? {};
  if (kind === 'ConfigMap') return data;
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
  const skipped: string[] = [];
  for (const source of container.envFrom ?? []) {
    const ref = source.configMapRef ?? source.secretRef;
    const kind = source.configMapRef ? 'ConfigMap' : 'Secret';
    if (!ref?.name) continue;
    const obj = store.get(kind, ref.name, ns);
    if (!obj) {
      if (ref.optional) continue;
      return { ok: false, message: `${kind.toLowerCase()} "${ref.name}" not found` };
    }
    const invalid: string[] = [];
    for (const [k, v] of Object.entries(dataOf(obj, kind))) {
      const name = `${source.prefix ?? ''}${k}`;
      if (ENV_VAR_NAME.test(name)) env[name] = v;
      else invalid.push(name);
    }
    if (invalid.length) {
      skipped.push(`Keys [${invalid.sort().join(', ')}] from the EnvFrom ${kind === 'ConfigMap' ? 'configMap' : 'secret'} ` +
        `${ns}/${ref.name} were skipped since they are considered invalid environment variable names.`);
    }
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
  return skipped.length ? { ok: true, env, skipped } : { ok: true, env };
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
