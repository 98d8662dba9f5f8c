import { createCluster, type Cluster, type KubeObject } from '../../src/engine';

export function podYaml(name: string, extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: app
    image: nginx:1.27${extra}
`;
}

/** Runs the cluster until `predicate` holds, at most `maxMs` of virtual time. */
export function runUntil(cluster: Cluster, predicate: () => boolean, maxMs = 120_000): void {
  const deadline = cluster.now + maxMs;
  while (!predicate()) {
    if (cluster.now >= deadline) throw new Error(`condition not reached within ${maxMs} ms of virtual time`);
    if (!cluster.step()) cluster.advance(1000);
  }
}

export function phaseOf(obj: KubeObject | undefined): string | undefined {
  return (obj?.status as { phase?: string } | undefined)?.phase;
}

export function newCluster(options?: Parameters<typeof createCluster>[0]): Cluster {
  return createCluster(options);
}

/** No reconcile failed with a programming error along the way. */
export function syncErrors(cluster: Cluster): string[] {
  return cluster.steps.filter((s) => s.message.startsWith('Error syncing')).map((s) => `${s.actor}: ${s.message}`);
}
