/** Builders shared by the HPA tests: Pods and metrics for the pure calculator, manifests for scenarios. */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Cluster, KubeObject } from '../../../src/engine';
import { timestamp } from '../../../src/engine/core/time';
import type { PodMetrics } from '../../../src/engine/metrics/types';
import type { PodMetric } from '../../../src/engine/controllers/podautoscaler/types';

export const MIN = 60_000;

export interface PodOptions {
  phase?: string;
  /** Virtual ms the Pod started (status.startTime). */
  start?: number;
  /** Ready condition: status and when it last changed. */
  ready?: 'True' | 'False';
  readyAt?: number;
  deleting?: boolean;
  requests?: Record<string, string>;
  /** No requests at all on the container. */
  noRequests?: boolean;
  sidecarRequests?: Record<string, string>;
}

export function pod(name: string, o: PodOptions = {}): Pod {
  const start = o.start ?? 0;
  return {
    metadata: { name, namespace: 'default', uid: `uid-${name}`, ...(o.deleting ? { deletionTimestamp: timestamp(start) } : {}) },
    spec: {
      containers: [{ name: 'app', image: 'nginx', ...(o.noRequests ? {} : { resources: { requests: o.requests ?? { cpu: '100m', memory: '100Mi' } } }) }],
      ...(o.sidecarRequests ? { initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always', resources: { requests: o.sidecarRequests } }] } : {}),
    },
    status: {
      phase: o.phase ?? 'Running',
      ...(o.phase === 'Pending' ? {} : { startTime: timestamp(start) }),
      ...(o.phase === 'Pending' ? {} : { conditions: [{ type: 'Ready', status: o.ready ?? 'True', lastTransitionTime: timestamp(o.readyAt ?? start + 2000) }] }),
    },
  };
}

/** Metrics sampled at `at`, for the Pods named, in milli-units. */
export function metrics(values: Record<string, number>, at: number): Map<string, PodMetric> {
  return new Map(Object.entries(values).map(([name, value]) => [name, { value, timestamp: at, window: 15_000 }]));
}

/** metrics-server records for `pods` (cpu in millicores, memory in bytes), aligned with the list. */
export function records(pods: Pod[], cpu: Record<string, number>, at: number, memory: Record<string, number> = {}): (PodMetrics | undefined)[] {
  return pods.map((p) => {
    const name = p.metadata!.name!;
    if (cpu[name] === undefined) return undefined;
    const mem = memory[name] ?? 10 * 1024 * 1024;
    return { namespace: 'default', name, uid: p.metadata!.uid!, node: 'node-1', cpuMilli: cpu[name], memoryBytes: mem,
      window: 15_000, timestamp: at, containers: { app: { cpuMilli: cpu[name], memoryBytes: mem } } };
  });
}

/** A Deployment whose every Pod burns a whole CPU, held to `limit` by its CFS quota. */
export function burner(o: { replicas?: number; request?: string; limit?: string; name?: string } = {}): string {
  const name = o.name ?? 'web';
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${o.replicas ?? 1}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
      - name: app
        image: docker.io/vish/stress
        args: [-cpus, "1"]
        resources:
          requests: {cpu: ${o.request ?? '100m'}}
          limits: {cpu: ${o.limit ?? '150m'}}
`;
}

export function hpaV2(o: { name?: string; target?: string; min?: number; max?: number; utilization?: number; behavior?: string; metrics?: string } = {}): string {
  const metricsYaml = o.metrics ?? `  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: ${o.utilization ?? 50}}}`;
  return `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: ${o.name ?? 'web'}}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${o.target ?? 'web'}}
  minReplicas: ${o.min ?? 1}
  maxReplicas: ${o.max ?? 10}
  metrics:
${metricsYaml}
${o.behavior ?? ''}`;
}

export const join = (...docs: string[]) => docs.join('---\n');

export const hpaOf = (c: Pick<Cluster, 'get'>, name = 'web') => c.get('HorizontalPodAutoscaler', name) as KubeObject & {
  status: { currentReplicas?: number; desiredReplicas: number; lastScaleTime?: string; currentMetrics?: unknown[];
    conditions?: { type: string; status: string; reason: string; message: string; lastTransitionTime?: string }[]; observedGeneration?: number };
};

export const replicasOf = (c: Pick<Cluster, 'get'>, name = 'web') => (c.get('Deployment', name)?.spec as { replicas: number }).replicas;

export const condition = (c: Pick<Cluster, 'get'>, type: string, name = 'web') => hpaOf(c, name).status.conditions?.find((x) => x.type === type);

/** The HPA's Events, oldest first, as `Type Reason: message`. */
export function hpaEvents(c: Cluster, name = 'web'): string[] {
  return (c.events() as unknown as { type: string; reason: string; message: string; involvedObject: { kind: string; name: string } }[])
    .filter((e) => e.involvedObject.kind === 'HorizontalPodAutoscaler' && e.involvedObject.name === name)
    .map((e) => `${e.type} ${e.reason}: ${e.message}`);
}

/** The steps where the HPA set a new scale, as `time → replicas`. */
export function rescales(c: Cluster): { time: number; message: string; events: string[] }[] {
  return c.steps.filter((s) => s.actor === 'horizontal-pod-autoscaler' && s.events.some((e) => e.startsWith('SuccessfulRescale')))
    .map((s) => ({ time: s.time, message: s.message, events: s.events }));
}
