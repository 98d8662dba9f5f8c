/**
 * A container's environment resolved against one set of objects: the kubelet's
 * makeEnvironmentVariables replayed, row by row, with where each value comes from. envFrom sources
 * first (a later one overwrites an earlier one's key), then `env` in order (`$(VAR)` expanded
 * against what is defined so far and the Service variables), then the Service link variables not
 * already defined. Where upstream stops at the first missing ConfigMap, Secret or key
 * (CreateContainerConfigError), this goes on, so the learner sees every problem; `error` is the
 * one the kubelet reports. The downward-API and Service values come from the kubelet's own code.
 * upstream: pkg/kubelet/kubelet_pods.go makeEnvironmentVariables, third_party/forked/golang/expansion
 */
import type { Container, EnvFromSource, EnvVar, Pod, ResourceFieldSelector, Service } from 'kubernetes-types/core/v1';
import type { ClusterView, KubeObject } from '../engine/api';
import { decodeSecretValue, fieldRefValue, resourceFieldValue as kubeletResourceValue, serviceLinkVars } from '../engine/kubelet';
import type { ContainerEnvironment, EnvRow, EnvSource } from './containerEnv';

export { decodeSecretValue, fieldRefValue, serviceLinkVars };

type View = Pick<ClusterView, 'get' | 'list'>;
type Kind = 'ConfigMap' | 'Secret';

/**
 * upstream expansion.Expand: `$(NAME)` becomes the mapped value, or stays as written when NAME is
 * unknown; `$$` is an escaped `$`; anything else after `$` is kept. `used` collects resolved names.
 */
export function expandVars(input: string, lookup: (name: string) => string | undefined, used?: Set<string>): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const rest = input.slice(cursor + 1);
    let advance = 1;
    if (rest[0] === '$') out += '$';
    else if (rest[0] === '(') {
      const close = rest.indexOf(')', 1);
      if (close < 0) out += '$(';
      else {
        const name = rest.slice(1, close);
        const value = lookup(name);
        if (value !== undefined) used?.add(name);
        out += value ?? `$(${name})`;
        advance = close + 1;
      }
    } else out += `$${rest[0]}`;
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

/** What a value depends on, when that is not plain to see (the UI words it). */
export type EnvNote =
  /** A `status.podIP(s)` value, empty until the Pod has an IP. */
  | { type: 'awaitingPodIP' }
  /** A `spec.nodeName` or `status.hostIP(s)` value, empty until the Pod is scheduled. */
  | { type: 'awaitingNode' }
  /** A limit that is not set reads the Node's allocatable amount, unknown before scheduling. */
  | { type: 'limitUnscheduled'; resource: string }
  /** A limit that is not set: the value is the allocatable amount of `node`. */
  | { type: 'limitFromNode'; resource: string; node: string };

/** A `resourceFieldRef` as the kubelet resolves it, with the note on an unset limit. */
export function resourceFieldValue(
  view: Pick<ClusterView, 'get'>, pod: Pod, container: Container, ref: ResourceFieldSelector,
): { value: string; note?: EnvNote } | { error: string } {
  const r = kubeletResourceValue(view, pod, container, ref);
  const resource = ref.resource.slice(ref.resource.indexOf('.') + 1);
  if ('error' in r) return r;
  if ('unscheduled' in r) return { value: '', note: { type: 'limitUnscheduled', resource } };
  return r.fromNode ? { value: r.value, note: { type: 'limitFromNode', resource, node: r.fromNode } } : { value: r.value };
}

function hasClusterIP(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

/**
 * The Services whose link variables a container gets: `kubernetes` from `default` always, and,
 * with enableServiceLinks, every Service with a cluster IP in the Pod's namespace. Variables are
 * made when the container is created: Services created after `startedAt` are `later`.
 * upstream: pkg/kubelet/kubelet_pods.go getServiceEnvVarMap
 */
export function linkedServices(view: View, pod: Pod, startedAt?: string): { linked: Service[]; later: Service[] } {
  const ns = pod.metadata?.namespace ?? 'default';
  const chosen = new Map<string, Service>();
  const master = view.get('Service', 'kubernetes', 'default') as unknown as Service | undefined;
  if (master && hasClusterIP(master)) chosen.set('kubernetes', master);
  if (pod.spec?.enableServiceLinks !== false) {
    for (const svc of view.list('Service', ns) as unknown as Service[]) {
      const name = svc.metadata?.name ?? '';
      if (!hasClusterIP(svc) || (ns === 'default' && name === 'kubernetes')) continue;
      chosen.set(name, svc);
    }
  }
  const linked: Service[] = [];
  const later: Service[] = [];
  for (const svc of chosen.values()) {
    const created = svc.metadata?.creationTimestamp ?? '';
    (startedAt && created > startedAt ? later : linked).push(svc);
  }
  return { linked, later };
}

const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** A ConfigMap's `data` (env never reads binaryData) or a Secret's decoded `data`. */
function dataOf(obj: KubeObject, kind: Kind): Record<string, string> {
  const data = (obj as { data?: Record<string, string> }).data ?? {};
  if (kind === 'ConfigMap') return data;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, decodeSecretValue(v)]));
}

/** The Kubernetes NotFound message for a missing ConfigMap or Secret (`configmap "x" not found`). */
const notFound = (kind: Kind, name: string) => `${kind.toLowerCase()} "${name}" not found`;

interface Resolution {
  view: View;
  pod: Pod;
  container: Container;
  ns: string;
  rows: EnvRow[];
  /** What tmpEnv holds so far: the row that set each name. */
  defined: Map<string, EnvRow>;
  serviceVars: Map<string, [string, string]>;
  invalidKeys: string[];
  error?: string;
}

const lookup = (r: Resolution, kind: Kind, name: string) => r.view.get(kind, name, r.ns);

function define(r: Resolution, row: EnvRow): void {
  const before = r.defined.get(row.name);
  if (before) before.overridden = true;
  r.defined.set(row.name, row);
  r.rows.push(row);
}

/** The environment with its rows as `view`'s objects make it, the Service variables from `services.linked`. */
export function resolveEnvironment(view: View, pod: Pod, container: Container, services: { linked: Service[]; later: Service[] }): ContainerEnvironment {
  const r: Resolution = { view, pod, container, ns: pod.metadata?.namespace ?? 'default', rows: [], defined: new Map(), serviceVars: new Map(), invalidKeys: [] };
  for (const source of container.envFrom ?? []) envFromRows(r, source);
  for (const svc of services.linked) for (const [k, v] of serviceLinkVars(svc)) r.serviceVars.set(k, [v, svc.metadata?.name ?? '']);
  for (const variable of container.env ?? []) {
    const row = envRow(r, variable);
    if (row.problem && !row.absent) r.error ??= row.problem;
    if (row.absent) r.rows.push(row);
    else define(r, row);
  }
  for (const [name, [value, service]] of r.serviceVars) {
    r.rows.push({ name, value, source: { type: 'service', service }, secret: false, overridden: r.defined.has(name) });
  }
  return { rows: r.rows, ...(r.error ? { error: r.error } : {}), invalidKeys: r.invalidKeys, laterServices: services.later.map((s) => s.metadata?.name ?? '') };
}

function envFromRows(r: Resolution, source: EnvFromSource): void {
  const ref = source.configMapRef ?? source.secretRef;
  const kind: Kind = source.configMapRef ? 'ConfigMap' : 'Secret';
  if (!ref?.name) return;
  const obj = lookup(r, kind, ref.name);
  const prefix = source.prefix ? { prefix: source.prefix } : {};
  if (!obj) {
    const problem = notFound(kind, ref.name);
    r.rows.push({ name: `${source.prefix ?? ''}*`, value: '', source: { type: 'envFrom', kind, name: ref.name, key: '*', ...prefix },
      secret: kind === 'Secret', overridden: false, problem, ...(ref.optional ? { absent: true } : {}) });
    if (!ref.optional) r.error ??= problem;
    return;
  }
  const invalid: string[] = [];
  for (const [key, value] of Object.entries(dataOf(obj, kind)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const name = `${source.prefix ?? ''}${key}`;
    if (!ENV_VAR_NAME.test(name)) {
      invalid.push(name);
      continue;
    }
    define(r, { name, value, source: { type: 'envFrom', kind, name: ref.name, key, ...prefix }, secret: kind === 'Secret', overridden: false });
  }
  if (invalid.length) {
    r.invalidKeys.push(`Keys [${invalid.join(', ')}] from the EnvFrom ${kind === 'ConfigMap' ? 'configMap' : 'secret'} ` +
      `${r.ns}/${ref.name} were skipped since they are considered invalid environment variable names.`);
  }
}

function envRow(r: Resolution, variable: EnvVar): EnvRow {
  const base = { name: variable.name, overridden: false };
  const from = variable.valueFrom;
  if (!from) {
    const used = new Set<string>();
    const value = expandVars(variable.value ?? '', (n) => r.defined.get(n)?.value ?? r.serviceVars.get(n)?.[0], used);
    const secret = [...used].some((n) => r.defined.get(n)?.secret);
    return { ...base, value, source: used.size ? { type: 'value', expands: [...used] } : { type: 'value' }, secret };
  }
  if (from.fieldRef) {
    const path = from.fieldRef.fieldPath;
    const value = fieldRefValue(r.view, r.pod, path);
    const note: EnvNote | undefined = value === '' && /^status\.pod/.test(path) ? { type: 'awaitingPodIP' }
      : value === '' && /^(spec\.nodeName|status\.host)/.test(path) ? { type: 'awaitingNode' } : undefined;
    return { ...base, value: value ?? '', source: { type: 'fieldRef', fieldPath: path }, secret: false,
      ...(value === undefined ? { problem: `unsupported fieldPath ${path}` } : {}), ...(note ? { note } : {}) };
  }
  if (from.resourceFieldRef) {
    const ref = from.resourceFieldRef;
    const result = resourceFieldValue(r.view, r.pod, r.container, ref);
    const source: EnvSource = { type: 'resourceFieldRef', resource: ref.resource,
      ...(ref.containerName ? { containerName: ref.containerName } : {}), ...(ref.divisor ? { divisor: String(ref.divisor) } : {}) };
    return { ...base, value: 'value' in result ? result.value : '', source,
      secret: false, ...('error' in result ? { problem: result.error } : {}), ...('note' in result && result.note ? { note: result.note } : {}) };
  }
  const keyRef = from.configMapKeyRef ?? from.secretKeyRef;
  const kind: Kind = from.configMapKeyRef ? 'ConfigMap' : 'Secret';
  if (!keyRef) return { ...base, value: '', source: { type: 'value' }, secret: false };
  const type = kind === 'ConfigMap' ? 'configMapKeyRef' : 'secretKeyRef';
  const row = { ...base, source: { type, name: keyRef.name ?? '', key: keyRef.key }, secret: kind === 'Secret' } as const;
  const obj = keyRef.name ? lookup(r, kind, keyRef.name) : undefined;
  if (!obj) return { ...row, value: '', problem: notFound(kind, keyRef.name ?? ''), ...(keyRef.optional ? { absent: true } : {}) };
  const data = dataOf(obj, kind);
  if (!(keyRef.key in data)) {
    return { ...row, value: '', problem: `couldn't find key ${keyRef.key} in ${kind} ${r.ns}/${keyRef.name}`, ...(keyRef.optional ? { absent: true } : {}) };
  }
  return { ...row, value: data[keyRef.key] };
}
