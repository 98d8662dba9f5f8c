import type { Cluster, KubeObject, Step } from '../../../src/engine';
import { runUntil } from '../helpers';

/** A StatefulSet `web` of nginx with a `www` claim template; `spec` lines are appended to its spec. */
export function stsYaml({ replicas = 3, image = 'nginx:1.27', spec = '', claims = true } = {}): string {
  return `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: ${replicas}
  selector:
    matchLabels: {app: nginx}
  template:
    metadata:
      labels: {app: nginx}
    spec:
      containers:
      - name: nginx
        image: ${image}
${spec}${claims ? `  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
` : ''}`;
}

export interface StsStatus {
  replicas: number; readyReplicas?: number; currentReplicas?: number; updatedReplicas?: number; availableReplicas: number;
  currentRevision?: string; updateRevision?: string; observedGeneration?: number; collisionCount?: number;
}

export const stsStatus = (c: Pick<Cluster, 'get'>) => c.get('StatefulSet', 'web')?.status as StsStatus | undefined;

export const isReady = (pod: KubeObject | undefined) =>
  (pod?.status as { phase?: string } | undefined)?.phase === 'Running' &&
  ((pod?.status as { conditions?: { type: string; status: string }[] }).conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** Runs until `n` Pods of the set are Running and Ready and status says so. */
export function runUntilReady(c: Cluster, n: number, maxMs = 120_000): void {
  runUntil(c, () => (stsStatus(c)?.readyReplicas ?? 0) === n && c.list('Pod').filter((p) => isReady(p)).length === n, maxMs);
}

/** The index (in `steps`) of the first Step with this change. */
export const indexOfChange = (steps: readonly Step[], type: string, kind: string, name: string) =>
  steps.findIndex((s) => s.changes.some((ch) => ch.type === type && ch.kind === kind && ch.name === name));

/** The first Step (global index) at which `pred` holds for the cluster as of that Step. */
export function firstStepWhere(c: Cluster, from: number, pred: (view: ReturnType<Cluster['at']>) => boolean): number {
  for (let i = from; i < c.steps.length; i++) if (pred(c.at(i))) return i;
  return -1;
}

export const revisionOf = (pod: KubeObject | undefined) => pod?.metadata.labels?.['controller-revision-hash'];
export const imageOf = (pod: KubeObject | undefined) =>
  (pod?.spec as { containers: { image: string }[] } | undefined)?.containers[0].image;
