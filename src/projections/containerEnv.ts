/**
 * A container's environment as it sees it, with where each variable comes from. A container's
 * environment is fixed when the kubelet creates it: for a container created already this is what
 * the kubelet recorded then (its latest start), replayed against the ConfigMaps, Secrets and
 * Services as the kubelet read them, and compared with what they hold now (a restart would read
 * them again). A container not created yet gets what the objects hold now.
 * upstream: pkg/kubelet/kubelet_pods.go makeEnvironmentVariables, kuberuntime generateContainerConfig
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { ClusterView, KubeObject } from '../engine/api';
import { readContainerEnv, type ContainerEnvRecord } from '../engine/kubelet';
import { linkedServices, resolveEnvironment, type EnvNote } from './containerEnvValues';

export type { EnvNote };

/** Where a value comes from, as data (the UI words it: `ConfigMap app-config, key MODE`, `fieldRef status.podIP`). */
export type EnvSource =
  /** A literal `value`; `expands` names the `$(VAR)`s it resolved, in order. */
  | { type: 'value'; expands?: string[] }
  | { type: 'configMapKeyRef' | 'secretKeyRef'; name: string; key: string }
  | { type: 'fieldRef'; fieldPath: string }
  | { type: 'resourceFieldRef'; resource: string; containerName?: string; divisor?: string }
  | { type: 'envFrom'; kind: 'ConfigMap' | 'Secret'; name: string; key: string; prefix?: string }
  | { type: 'service'; service: string };

/** The object a value was read from (a `fieldRef` reads the Pod; an unset limit the Node). */
export interface ChangeSource {
  kind: 'ConfigMap' | 'Secret' | 'Service' | 'Pod' | 'Node';
  name: string;
}

/**
 * How the source of a started container's variable differs from what the container got. Without
 * `source` (a literal that expands other variables) one of the variables it expands changed.
 */
export type EnvChange =
  /** The source now gives another value: the container keeps the one it got until it restarts. */
  | { type: 'changed'; source?: ChangeSource }
  /** The source no longer gives the variable (object or key gone): the container keeps it until it restarts. */
  | { type: 'removed'; source?: ChangeSource }
  /** The source now gives a variable the container did not get: it gets it when it restarts. */
  | { type: 'added'; source?: ChangeSource };

export interface EnvRow {
  name: string;
  /** What the container reads ('' when not resolved). */
  value: string;
  source: EnvSource;
  /** Read from a Secret (or expanded from such a value): masked until the learner reveals secrets. */
  secret: boolean;
  /** A later definition of the same name wins: the container does not see this one. */
  overridden: boolean;
  /** Not in the environment at all: its optional ConfigMap, Secret or key is missing, or it came after the start (`change` added). */
  absent?: boolean;
  /** Why it cannot be resolved: the kubelet's message (Kubernetes output, English). */
  problem?: string;
  /** What the value depends on. */
  note?: EnvNote;
  /** A started container: how its source differs now from what the container got. */
  change?: EnvChange;
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

/** A snapshot view; with `table` and `runtime` (a ClusterView) a started container shows what it got. */
export type EnvView = Pick<ClusterView, 'get' | 'list'> & Partial<Pick<ClusterView, 'table' | 'runtime'>>;

type ContainerStatus = NonNullable<NonNullable<Pod['status']>['containerStatuses']>[number];

function statusOf(pod: Pod, name: string): ContainerStatus | undefined {
  return [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s) => s.name === name);
}

/** When the container was (last) created, per its status: Services created later are not in its environment. */
function startedAt(pod: Pod, name: string): string | undefined {
  const state = statusOf(pod, name)?.state;
  return state?.running?.startedAt ?? state?.terminated?.startedAt;
}

export function containerEnvironment(view: EnvView, pod: Pod, container: Container): ContainerEnvironment {
  const record = view.table && view.runtime ? readContainerEnv(view as Pick<ClusterView, 'table' | 'runtime'>, pod, container.name) : undefined;
  if (record) return asCreated(view, pod, container, record);
  return resolveEnvironment(view, pod, container, linkedServices(view, pod, startedAt(pod, container.name)));
}

/** The view with the ConfigMaps, Secrets and Services as the kubelet read them when it created the container. */
function asRead(view: EnvView, record: ContainerEnvRecord): Pick<ClusterView, 'get' | 'list'> {
  const inNamespace = (o: KubeObject, ns?: string) => ns === undefined || (o.metadata.namespace ?? 'default') === ns;
  return {
    get: (kind, name, ns) => {
      const key = `${kind}/${name}`;
      if ((kind === 'ConfigMap' || kind === 'Secret') && key in record.objects) return record.objects[key] ?? undefined;
      if (kind === 'Service') return record.services.find((s) => s.metadata.name === name && inNamespace(s, ns ?? 'default'));
      return view.get(kind, name, ns);
    },
    list: (kind, ns) => (kind === 'Service' ? record.services.filter((s) => inNamespace(s, ns)) : view.list(kind, ns)),
  };
}

function changeSource(row: EnvRow, pod: Pod): ChangeSource | undefined {
  const s = row.source;
  const podName = pod.metadata?.name ?? '';
  switch (s.type) {
    case 'configMapKeyRef': return { kind: 'ConfigMap', name: s.name };
    case 'secretKeyRef': return { kind: 'Secret', name: s.name };
    case 'envFrom': return { kind: s.kind, name: s.name };
    case 'service': return { kind: 'Service', name: s.service };
    case 'fieldRef': return { kind: 'Pod', name: podName };
    case 'resourceFieldRef': return row.note?.type === 'limitFromNode' ? { kind: 'Node', name: row.note.node } : { kind: 'Pod', name: podName };
    case 'value': return undefined;
  }
}

const isSet = (row: EnvRow) => !row.overridden && !row.absent;

/**
 * Whether the container runs with this environment or waits to start again: a terminated one
 * (a finished init container, a Job's container, a finished Pod's) has nothing left to compare.
 */
function mayRestart(pod: Pod, name: string): boolean {
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return false;
  return !statusOf(pod, name)?.state?.terminated;
}

/**
 * The rows as the container got them (values from the kubelet's record), each marked where its
 * source differs now; variables its sources gained since are added as rows not set. The
 * CreateContainerConfigError shows only while the kubelet reports it (a restart is failing).
 */
function asCreated(view: EnvView, pod: Pod, container: Container, record: ContainerEnvRecord): ContainerEnvironment {
  const read = asRead(view, record);
  const got = resolveEnvironment(read, pod, container, linkedServices(read, pod));
  const now = resolveEnvironment(view, pod, container, linkedServices(view, pod));
  const compare = mayRestart(pod, container.name);
  // a value the kubelet could not resolve now (its ConfigMap or key is gone) is no value
  const nowSet = new Map(now.rows.filter((r) => isSet(r) && !r.problem).map((r) => [r.name, r]));
  const rows = got.rows.map((row): EnvRow => {
    if (!isSet(row)) return row;
    const value = record.env[row.name] ?? row.value;
    const current = nowSet.get(row.name);
    const change: EnvChange | undefined = !compare ? undefined : !current ? { type: 'removed' } : current.value !== value ? { type: 'changed' } : undefined;
    const source = changeSource(row, pod);
    return { ...row, value, ...(change ? { change: source ? { ...change, source } : change } : {}) };
  });
  const gotSet = new Set(got.rows.filter(isSet).map((r) => r.name));
  for (const row of compare ? nowSet.values() : []) {
    if (gotSet.has(row.name) || row.source.type === 'service') continue;
    const source = changeSource(row, pod);
    rows.push({ ...row, absent: true, change: source ? { type: 'added', source } : { type: 'added' } });
  }
  const linkedThen = new Set(record.services.map((s) => s.metadata.name));
  const later = linkedServices(view, pod).linked.filter((s) => !linkedThen.has(s.metadata?.name ?? ''));
  const failing = statusOf(pod, container.name)?.state?.waiting?.reason === 'CreateContainerConfigError';
  return {
    rows,
    ...(failing && now.error ? { error: now.error } : {}),
    invalidKeys: got.invalidKeys,
    laterServices: later.map((s) => s.metadata?.name ?? ''),
  };
}

/** What the inspector prints for a value: Secret values masked (without giving away their length) until revealed. */
export function displayValue(row: EnvRow, revealSecrets: boolean): string {
  return row.secret && !revealSecrets && row.value !== '' ? '••••••' : row.value;
}
