/**
 * A container's environment as it would see it, with where each variable comes from: the
 * kubelet's makeEnvironmentVariables replayed on one snapshot. envFrom sources first (a later one
 * overwrites an earlier one's key), then `env` in order (`$(VAR)` expanded against what is defined
 * so far and the Service variables), then the Service link variables not already defined.
 * Where upstream stops at the first missing ConfigMap, Secret or key (CreateContainerConfigError),
 * this goes on, so the learner sees every problem; `error` is the one the kubelet reports.
 * upstream: pkg/kubelet/kubelet_pods.go makeEnvironmentVariables
 */
import type { Container, EnvFromSource, EnvVar, Pod } from 'kubernetes-types/core/v1';
import type { ClusterView, KubeObject } from '../engine/api';
import { decodeSecretValue, expandVars, fieldRefValue, linkedServices, resourceFieldValue, serviceLinkVars } from './containerEnvValues';

export type EnvSource =
  | { type: 'value' }
  | { type: 'configMapKeyRef' | 'secretKeyRef'; name: string; key: string }
  | { type: 'fieldRef'; fieldPath: string }
  | { type: 'resourceFieldRef'; resource: string }
  | { type: 'envFrom'; kind: 'ConfigMap' | 'Secret'; name: string; key: string }
  | { type: 'service'; service: string };

export interface EnvRow {
  name: string;
  /** What the container reads ('' when not resolved). */
  value: string;
  source: EnvSource;
  /** Where the value comes from, in words: `ConfigMap app-config, key MODE`, `fieldRef status.podIP`. */
  from: string;
  /** Read from a Secret (or expanded from such a value): masked until the learner reveals secrets. */
  secret: boolean;
  /** A later definition of the same name wins: the container does not see this one. */
  overridden: boolean;
  /** Not in the environment at all: its optional ConfigMap, Secret or key is missing. */
  absent?: boolean;
  /** Why it cannot be resolved (the kubelet's message), or what the value depends on. */
  problem?: string;
  note?: string;
}

export interface ContainerEnvironment {
  rows: EnvRow[];
  /** The CreateContainerConfigError message: the kubelet does not create the container. */
  error?: string;
  /** InvalidEnvironmentVariableNames: envFrom keys that are not valid variable names, skipped. */
  invalidKeys: string[];
  /** Services created after the container started: their variables are not in its environment. */
  laterServices: string[];
}

const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

type Kind = 'ConfigMap' | 'Secret';

/** A ConfigMap's `data` (env never reads binaryData) or a Secret's decoded `data`. */
function dataOf(obj: KubeObject, kind: Kind): Record<string, string> {
  const data = (obj as { data?: Record<string, string> }).data ?? {};
  if (kind === 'ConfigMap') return data;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, decodeSecretValue(v)]));
}

/** The Kubernetes NotFound message for a missing ConfigMap or Secret (`configmap "x" not found`). */
function notFound(kind: Kind, name: string): string {
  return `${kind.toLowerCase()} "${name}" not found`;
}

/** When the container was (last) created: its Service variables were fixed then. */
function startedAt(pod: Pod, name: string): string | undefined {
  const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])];
  const state = statuses.find((s) => s.name === name)?.state;
  return state?.running?.startedAt ?? state?.terminated?.startedAt;
}

export function containerEnvironment(view: Pick<ClusterView, 'get' | 'list'>, pod: Pod, container: Container): ContainerEnvironment {
  const ns = pod.metadata?.namespace ?? 'default';
  const rows: EnvRow[] = [];
  const invalidKeys: string[] = [];
  const defined = new Map<string, EnvRow>(); // what tmpEnv holds so far: the row that set each name
  let error: string | undefined;
  const fail = (message: string) => { error ??= message; };
  const lookup = (kind: Kind, name: string) => view.get(kind, name, ns);

  const define = (row: EnvRow) => {
    const before = defined.get(row.name);
    if (before) before.overridden = true;
    defined.set(row.name, row);
    rows.push(row);
  };

  for (const source of container.envFrom ?? []) envFromRows(source, lookup, define, rows, invalidKeys, fail, ns);

  const { linked, later } = linkedServices(view, pod, startedAt(pod, container.name));
  const serviceVars = new Map<string, [string, string]>();
  for (const svc of linked) for (const [k, v] of serviceLinkVars(svc)) serviceVars.set(k, [v, svc.metadata?.name ?? '']);

  for (const variable of container.env ?? []) {
    const row = envRow(variable, { view, pod, container, lookup, defined, serviceVars });
    if (row.problem && !row.absent) fail(row.problem);
    if (row.absent) rows.push(row);
    else define(row);
  }

  for (const [name, [value, service]] of serviceVars) {
    rows.push({ name, value, source: { type: 'service', service }, from: `Service ${service}`, secret: false, overridden: defined.has(name) });
  }
  return {
    rows,
    ...(error ? { error } : {}),
    invalidKeys,
    laterServices: later.map((s) => s.metadata?.name ?? ''),
  };
}

function envFromRows(
  source: EnvFromSource, lookup: (kind: Kind, name: string) => KubeObject | undefined, define: (row: EnvRow) => void,
  rows: EnvRow[], invalidKeys: string[], fail: (message: string) => void, ns: string,
): void {
  const ref = source.configMapRef ?? source.secretRef;
  const kind: Kind = source.configMapRef ? 'ConfigMap' : 'Secret';
  if (!ref?.name) return;
  const obj = lookup(kind, ref.name);
  const from = `envFrom ${kind} ${ref.name}${source.prefix ? ` (prefix ${source.prefix})` : ''}`;
  if (!obj) {
    const problem = notFound(kind, ref.name);
    rows.push({ name: `${source.prefix ?? ''}*`, value: '', source: { type: 'envFrom', kind, name: ref.name, key: '*' }, from,
      secret: kind === 'Secret', overridden: false, problem, ...(ref.optional ? { absent: true } : {}) });
    if (!ref.optional) fail(problem);
    return;
  }
  const invalid: string[] = [];
  for (const [key, value] of Object.entries(dataOf(obj, kind)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const name = `${source.prefix ?? ''}${key}`;
    if (!ENV_VAR_NAME.test(name)) {
      invalid.push(name);
      continue;
    }
    define({ name, value, source: { type: 'envFrom', kind, name: ref.name, key }, from, secret: kind === 'Secret', overridden: false });
  }
  if (invalid.length) {
    invalidKeys.push(`Keys [${invalid.join(', ')}] from the EnvFrom ${kind === 'ConfigMap' ? 'configMap' : 'secret'} ` +
      `${ns}/${ref.name} were skipped since they are considered invalid environment variable names.`);
  }
}

interface EnvContext {
  view: Pick<ClusterView, 'get' | 'list'>;
  pod: Pod;
  container: Container;
  lookup: (kind: Kind, name: string) => KubeObject | undefined;
  defined: ReadonlyMap<string, EnvRow>;
  serviceVars: ReadonlyMap<string, [string, string]>;
}

function envRow(variable: EnvVar, ctx: EnvContext): EnvRow {
  const base = { name: variable.name, overridden: false };
  const from = variable.valueFrom;
  if (!from) {
    const used = new Set<string>();
    const value = expandVars(variable.value ?? '', (n) => ctx.defined.get(n)?.value ?? ctx.serviceVars.get(n)?.[0], used);
    const secret = [...used].some((n) => ctx.defined.get(n)?.secret);
    const from = used.size ? `value, expanding ${[...used].map((n) => `$(${n})`).join(' ')}` : 'value';
    return { ...base, value, source: { type: 'value' }, from, secret };
  }
  if (from.fieldRef) {
    const path = from.fieldRef.fieldPath;
    const value = fieldRefValue(ctx.view, ctx.pod, path);
    const note = value === '' && /^status\.pod/.test(path) ? 'set once the Pod has an IP'
      : value === '' && /^(spec\.nodeName|status\.host)/.test(path) ? 'set once the Pod is scheduled' : undefined;
    return { ...base, value: value ?? '', source: { type: 'fieldRef', fieldPath: path }, from: `fieldRef ${path}`, secret: false,
      ...(value === undefined ? { problem: `unsupported fieldPath ${path}` } : {}), ...(note ? { note } : {}) };
  }
  if (from.resourceFieldRef) {
    const ref = from.resourceFieldRef;
    const result = resourceFieldValue(ctx.view, ctx.pod, ctx.container, ref);
    const what = `resourceFieldRef ${ref.containerName ? `${ref.containerName} ` : ''}${ref.resource}${ref.divisor ? ` ÷ ${ref.divisor}` : ''}`;
    return { ...base, value: 'value' in result ? result.value : '', source: { type: 'resourceFieldRef', resource: ref.resource }, from: what,
      secret: false, ...('error' in result ? { problem: result.error } : {}), ...('note' in result && result.note ? { note: result.note } : {}) };
  }
  const keyRef = from.configMapKeyRef ?? from.secretKeyRef;
  const kind: Kind = from.configMapKeyRef ? 'ConfigMap' : 'Secret';
  if (!keyRef) return { ...base, value: '', source: { type: 'value' }, from: 'value', secret: false };
  const type = kind === 'ConfigMap' ? 'configMapKeyRef' : 'secretKeyRef';
  const row = { ...base, source: { type, name: keyRef.name ?? '', key: keyRef.key }, from: `${kind} ${keyRef.name}, key ${keyRef.key}`, secret: kind === 'Secret' } as const;
  const obj = keyRef.name ? ctx.lookup(kind, keyRef.name) : undefined;
  if (!obj) return { ...row, value: '', problem: notFound(kind, keyRef.name ?? ''), ...(keyRef.optional ? { absent: true } : {}) };
  const data = dataOf(obj, kind);
  if (!(keyRef.key in data)) {
    const ns = ctx.pod.metadata?.namespace ?? 'default';
    return { ...row, value: '', problem: `couldn't find key ${keyRef.key} in ${kind} ${ns}/${keyRef.name}`, ...(keyRef.optional ? { absent: true } : {}) };
  }
  return { ...row, value: data[keyRef.key] };
}

/** What the inspector prints for a value: Secret values masked (without giving away their length) until revealed. */
export function displayValue(row: EnvRow, revealSecrets: boolean): string {
  return row.secret && !revealSecrets && row.value !== '' ? '••••••' : row.value;
}
