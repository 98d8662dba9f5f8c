/**
 * The environment each container was created with, kept by its Node's kubelet in a versioned record
 * table keyed by container id, so the UI and tests can read it as of any Step
 * (`view.table(containerEnvTable(node))`). upstream: the kubelet resolves env once, in
 * generateContainerConfig, and the runtime keeps it for the container's life: editing a ConfigMap
 * or Secret later does not change a running container's environment; only a new container (a
 * restart) reads the objects again.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterView } from '../api';
import type { ReconcileContext } from '../controllers/types';
import type { EnvReads } from './env';

/** The record table of one Node's kubelet. Keys are runtime container ids. */
export const containerEnvTable = (node: string): string => `kubelet-container-env/${node}`;

/** What the kubelet gave one container when it created it. */
export interface ContainerEnvRecord extends EnvReads {
  podUid: string;
  /** The container's name in the Pod spec. */
  container: string;
  /** Name → value: the environment the container's process got. */
  env: Record<string, string>;
}

/**
 * The record of the newest container (highest attempt) of `container` in `pod`, as of the view:
 * the environment it got at its latest start. Undefined before the kubelet created one.
 */
export function readContainerEnv(
  view: Pick<ClusterView, 'table' | 'runtime'>, pod: Pod, container: string,
): (ContainerEnvRecord & { id: string }) | undefined {
  const node = pod.spec?.nodeName;
  const uid = pod.metadata?.uid;
  if (!node || !uid) return undefined;
  const rt = view.runtime(node);
  const sandboxes = new Set(rt.sandboxes.filter((b) => b.podUid === uid).map((b) => b.id));
  const latest = rt.containers
    .filter((c) => sandboxes.has(c.sandboxId) && c.name === container)
    .reduce<typeof rt.containers[number] | undefined>(
      (best, c) => (!best || c.attempt > best.attempt || (c.attempt === best.attempt && c.createdAt > best.createdAt) ? c : best), undefined);
  if (!latest) return undefined;
  const entry = view.table<ContainerEnvRecord>(containerEnvTable(node)).find(([id]) => id === latest.id)?.[1];
  return entry && entry.podUid === uid ? { ...entry, id: latest.id } : undefined;
}

/** Drops the records of a Pod's containers that are gone from the runtime (all of them when `alive` is empty). */
export function pruneContainerEnv(ctx: Pick<ReconcileContext, 'table'>, node: string, podUid: string, alive: ReadonlySet<string>): void {
  const table = ctx.table<ContainerEnvRecord>(containerEnvTable(node));
  for (const [id, entry] of table.entries()) if (entry.podUid === podUid && !alive.has(id)) table.set(id, undefined);
}

/** The kubelet's side: records the environment of a container it just created. */
export function recordContainerEnv(
  ctx: Pick<ReconcileContext, 'table'>, node: string, id: string, record: ContainerEnvRecord,
): void {
  ctx.table<ContainerEnvRecord>(containerEnvTable(node)).set(id, record);
}
