import type { Container, EnvVar, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api';
import type { StoreReader } from '../controllers/types';
import { decodeSecretValue, fieldRefValue, resourceFieldValue } from './envValues';
import { expandKubeVars } from './program';
import { linkedServiceObjects, serviceEnvVars } from './serviceEnv';

/**
 * The environment, or the CreateContainerConfigError message. `skipped` holds the Warning
 * InvalidEnvironmentVariableNames messages for envFrom keys that are not valid variable names.
 */
export type EnvResult = { ok: true; env: Record<string, string>; skipped?: string[] } | { ok: false; message: string };

/** What the kubelet read to build an environment: the objects as they were at that moment. */
export interface EnvReads {
  /** `ConfigMap/<name>` or `Secret/<name>` (in the Pod's namespace) → the object read; null when it did not exist. */
  objects: Record<string, KubeObject | null>;
  /** The Services whose link variables the container got. */
  services: KubeObject[];
}

/** upstream IsEnvVarName (RelaxedEnvironmentVariableValidation is off by default in 1.31). */
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

type Kind = 'ConfigMap' | 'Secret';

/** upstream: env reads a ConfigMap's `data` only (binaryData is for volumes), and a Secret's decoded `data`. */
function dataOf(obj: KubeObject, kind: Kind): Record<string, string> {
  const data = (obj as { data?: Record<string, string> }).data ?? {};
  if (kind === 'ConfigMap') return data;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, decodeSecretValue(v)]));
}

/** The Pod as the kubelet sees it when it makes the environment: the sandbox's IP may not be in the status yet. */
function withIPs(pod: Pod, hostIP: string, podIP: string): Pod {
  const status = { ...pod.status };
  if (podIP) Object.assign(status, { podIP, podIPs: [{ ip: podIP }] });
  if (hostIP) Object.assign(status, { hostIP, hostIPs: [{ ip: hostIP }] });
  return { ...pod, status };
}

/**
 * A container's environment as the kubelet builds it at start (`makeEnvironmentVariables`):
 * service links, then envFrom, then env with `$(VAR)` expansion and valueFrom lookups. A missing
 * non-optional ConfigMap or Secret is a CreateContainerConfigError with upstream's message.
 * `reads` holds what it read, so the environment can be explained later.
 */
export function resolveContainerEnv(
  pod: Pod, container: Container, store: StoreReader, hostIP: string, podIP: string,
): { result: EnvResult; reads: EnvReads } {
  const ns = pod.metadata?.namespace ?? 'default';
  const reads: EnvReads = { objects: {}, services: linkedServiceObjects(store, ns, pod.spec?.enableServiceLinks !== false) };
  const lookup = (kind: Kind, name: string): KubeObject | undefined => {
    const obj = store.get(kind, name, ns);
    reads.objects[`${kind}/${name}`] = obj ?? null;
    return obj;
  };
  const serviceEnv = serviceEnvVars(reads.services);
  const env: Record<string, string> = {};
  const skipped: string[] = [];
  const fail = (message: string) => ({ result: { ok: false, message } as EnvResult, reads });
  for (const source of container.envFrom ?? []) {
    const ref = source.configMapRef ?? source.secretRef;
    const kind = source.configMapRef ? 'ConfigMap' : 'Secret';
    if (!ref?.name) continue;
    const obj = lookup(kind, ref.name);
    if (!obj) {
      if (ref.optional) continue;
      return fail(`${kind.toLowerCase()} "${ref.name}" not found`);
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
  const seen = withIPs(pod, hostIP, podIP);
  for (const variable of container.env ?? []) {
    const value = resolveVar(variable, { pod: seen, container, store, lookup, ns, known: { ...serviceEnv, ...env } });
    if (typeof value === 'object') {
      if (value.optional) continue;
      return fail(value.message);
    }
    env[variable.name] = value;
  }
  for (const [k, v] of Object.entries(serviceEnv)) if (!(k in env)) env[k] = v;
  return { result: skipped.length ? { ok: true, env, skipped } : { ok: true, env }, reads };
}

/** The environment alone (see resolveContainerEnv). */
export function containerEnv(pod: Pod, container: Container, store: StoreReader, hostIP: string, podIP: string): EnvResult {
  return resolveContainerEnv(pod, container, store, hostIP, podIP).result;
}

interface VarContext {
  pod: Pod;
  container: Container;
  store: StoreReader;
  lookup: (kind: Kind, name: string) => KubeObject | undefined;
  ns: string;
  known: Record<string, string>;
}

function resolveVar(variable: EnvVar, ctx: VarContext): string | { message: string; optional?: boolean } {
  const from = variable.valueFrom;
  if (!from) return expandKubeVars(variable.value ?? '', ctx.known);
  if (from.fieldRef) return fieldRefValue(ctx.store, ctx.pod, from.fieldRef.fieldPath) ?? '';
  if (from.resourceFieldRef) {
    const r = resourceFieldValue(ctx.store, ctx.pod, ctx.container, from.resourceFieldRef);
    return 'value' in r ? r.value : 'error' in r ? { message: r.error } : '';
  }
  const keyRef = from.configMapKeyRef ?? from.secretKeyRef;
  const kind = from.configMapKeyRef ? 'ConfigMap' : 'Secret';
  if (!keyRef) return '';
  const obj = keyRef.name ? ctx.lookup(kind, keyRef.name) : undefined;
  if (!obj) return { message: `${kind.toLowerCase()} "${keyRef.name}" not found`, optional: keyRef.optional };
  const data = dataOf(obj, kind);
  if (!(keyRef.key in data)) {
    return { message: `couldn't find key ${keyRef.key} in ${kind} ${ctx.ns}/${keyRef.name}`, optional: keyRef.optional };
  }
  return data[keyRef.key];
}
