import { createCluster, type Cluster, type KubeObject } from '../../../src/engine';

/** Tests read API objects as `kubectl get -o json` prints them: loosely typed JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

export function cluster(nodes = 1): Cluster {
  return createCluster({ nodes });
}

/** A Pod manifest; `spec` is YAML indented by two spaces under `spec:`. */
export function pod(name: string, spec: string, meta = ''): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${meta}spec:\n${spec}`;
}

export function apply(c: Cluster, yaml: string): void {
  const result = c.apply(yaml);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
}

export function status(c: Cluster, name: string): Obj {
  return (c.get('Pod', name)?.status ?? {}) as Obj;
}

export function containerStatus(c: Cluster, pod: string, container: string): Obj {
  const s = status(c, pod);
  return [...(s.initContainerStatuses ?? []), ...(s.containerStatuses ?? [])].find((x: Obj) => x.name === container);
}

/** `Reason: message` of every Event a kubelet emitted, in Step order, with the Step's time. */
export function kubeletEvents(c: Cluster): { time: number; text: string }[] {
  return c.steps.filter((s) => s.actor.startsWith('kubelet/')).flatMap((s) => s.events.map((text) => ({ time: s.time, text })));
}

/** The Events about one object, oldest first. */
export function eventObjects(c: Cluster, name: string): Obj[] {
  return (c.events() as Obj[]).filter((e) => e.involvedObject.name === name)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

/** Virtual times at which a Step of a kubelet carried an Event starting with `prefix`. */
export function eventTimes(c: Cluster, prefix: string): number[] {
  return c.steps.filter((s) => s.actor.startsWith('kubelet/')).flatMap((s) => s.events.filter((e) => e.startsWith(prefix)).map(() => s.time));
}

export function runUntil(c: Cluster, predicate: () => boolean, maxMs = 600_000): void {
  const deadline = c.now + maxMs;
  while (!predicate()) {
    if (c.now >= deadline) throw new Error(`not reached within ${maxMs} ms of virtual time (now ${c.now})`);
    const next = c.nextActionTime();
    if (next === undefined || next > deadline) c.advance(deadline - c.now);
    else c.step();
  }
}

export function syncErrors(c: Cluster): string[] {
  return c.steps.filter((s) => s.message.startsWith('Error syncing')).map((s) => `${s.actor}: ${s.message}`);
}

export type { KubeObject };
