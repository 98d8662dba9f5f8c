import { createCluster, type Cluster, type KubeObject, type Step } from '../../../src/engine';

/** Tests read API objects as `kubectl get -o json` prints them: loosely typed JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

export function cluster(nodes = 3): Cluster {
  return createCluster({ nodes });
}

export function apply(c: Cluster, yaml: string): void {
  const result = c.apply(yaml);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
}

export function deployment(name: string, replicas: number, extra = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
      - name: app
        image: nginx:1.27
${extra}`;
}

export const pods = (c: Pick<Cluster, 'list'>, namespace = 'default') => c.list('Pod', namespace) as Obj[];
export const nodeOf = (pod: Obj) => pod.spec.nodeName as string | undefined;
export const readyOf = (pod: Obj) => (pod.status?.conditions ?? []).find((x: Obj) => x.type === 'Ready')?.status as string | undefined;
export const condition = (obj: Obj | undefined, type: string) => (obj?.status?.conditions ?? []).find((x: Obj) => x.type === type) as Obj | undefined;

/** Steps taken after index `from` (not metrics-server's scrapes), as `time actor: message`. */
export function stepsSince(c: Cluster, from: number, actor?: string): Step[] {
  return c.steps.slice(from).filter((s) => s.actor !== 'metrics-server' && (!actor || s.actor === actor));
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

/** Every Event about `name` (optionally of a reason), oldest first. */
export function eventsAbout(c: Pick<Cluster, 'events'>, name: string, reason?: string): Obj[] {
  return (c.events() as Obj[]).filter((e) => e.involvedObject.name === name && (!reason || e.reason === reason))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

export function syncErrors(c: Cluster): string[] {
  return c.steps.filter((s) => s.message.startsWith('Error syncing')).map((s) => `${s.actor}: ${s.message}`);
}

export type { Cluster, KubeObject };
