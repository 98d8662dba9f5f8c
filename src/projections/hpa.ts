/**
 * A HorizontalPodAutoscaler as of one snapshot, as the HPA panel shows it: its target and range,
 * each metric's current value against its target (kubectl's TARGETS column), the replica counts,
 * its conditions, and the controller's own record of its last sync (the UI words its formula with
 * the numbers filled in: src/ui/hpa/explainSync.ts).
 */
import type { MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { ClusterView, KubeObject } from '../engine/api';
import { hpaSpecOf } from '../engine/controllers/podautoscaler/hpaSpec';
import { readStatus } from '../engine/controllers/podautoscaler/hpaStatus';
import { HPA_SYNCS_TABLE, type HpaSyncRecord } from '../engine/controllers/podautoscaler/syncRecord';
import { matchesMap } from '../engine/util/selectors';

export const HPA_KIND = 'HorizontalPodAutoscaler';

export interface HpaCondition { type: string; status: string; reason?: string; message?: string }

export interface HpaView {
  name: string;
  namespace: string;
  target: { kind: string; name: string };
  /** `Deployment/web`, as kubectl's REFERENCE column. */
  reference: string;
  minReplicas: number;
  maxReplicas: number;
  /** status.currentReplicas / desiredReplicas, once the controller has written a status. */
  currentReplicas?: number;
  desiredReplicas?: number;
  /** One per metric: `cpu: 45%/50%`. */
  metrics: string[];
  /** kubectl get hpa's TARGETS column (at most two metrics, then `+ N more...`). */
  targets: string;
  /** The first Utilization target and its current value, for the load gauge. */
  utilization?: { resource: string; current?: number; target: number };
  conditions: HpaCondition[];
  /** The latest sync that changed something: when, what it decided, and the controller's record of it. */
  sync?: { time: number; desired: number; record: HpaSyncRecord };
}

type AnyStatus = MetricStatus | { type: '' };

/** One metric as kubectl's TARGETS prints it (upstream printers.go formatHPAMetrics). */
export function metricTarget(spec: MetricSpec, status: AnyStatus | undefined): string {
  const st = status as MetricStatus | undefined;
  switch (spec.type) {
    case 'Resource':
    case 'ContainerResource': {
      const src = spec.type === 'Resource' ? spec.resource! : spec.containerResource!;
      const cur = spec.type === 'Resource' ? st?.resource : st?.containerResource;
      if (src.target.averageValue !== undefined) return `${src.name}: ${cur?.current.averageValue ?? '<unknown>'}/${src.target.averageValue}`;
      const current = cur?.current.averageUtilization !== undefined ? `${cur.current.averageUtilization}%` : '<unknown>';
      const target = src.target.averageUtilization !== undefined ? `${src.target.averageUtilization}%` : '<auto>';
      return `${src.name}: ${current}/${target}`;
    }
    case 'Pods':
      return `${st?.pods?.current.averageValue ?? '<unknown>'}/${spec.pods?.target.averageValue ?? ''}`;
    case 'Object':
    case 'External': {
      const target = spec.type === 'Object' ? spec.object!.target : spec.external!.target;
      const current = (spec.type === 'Object' ? st?.object : st?.external)?.current;
      if (target.averageValue !== undefined) return `${current?.averageValue ?? '<unknown>'}/${target.averageValue} (avg)`;
      return `${current?.value ?? '<unknown>'}/${target.value ?? ''}`;
    }
    default:
      return '<unknown type>';
  }
}

/** upstream formatHPAMetrics: the first two, then `+ N more...`; `<none>` without metrics. */
export function targetsColumn(metrics: string[]): string {
  if (metrics.length === 0) return '<none>';
  const shown = metrics.slice(0, 2).join(', ');
  return metrics.length > 2 ? `${shown} + ${metrics.length - 2} more...` : shown;
}

function utilizationOf(specs: MetricSpec[], statuses: AnyStatus[]): HpaView['utilization'] {
  for (let i = 0; i < specs.length; i++) {
    const s = specs[i];
    const src = s.type === 'Resource' ? s.resource : s.type === 'ContainerResource' ? s.containerResource : undefined;
    if (src?.target.averageUtilization === undefined) continue;
    const st = statuses[i] as MetricStatus | undefined;
    const current = (s.type === 'Resource' ? st?.resource : st?.containerResource)?.current.averageUtilization;
    return { resource: src.name, target: src.target.averageUtilization, ...(current !== undefined ? { current } : {}) };
  }
  return undefined;
}

export function hpaView(view: ClusterView, name: string, namespace = 'default'): HpaView | undefined {
  const hpa = view.get(HPA_KIND, name, namespace);
  if (!hpa) return undefined;
  const spec = hpaSpecOf(hpa);
  const status = hpa.status ? readStatus(hpa) : undefined;
  const statuses = status?.currentMetrics ?? [];
  const metrics = spec.metrics.map((m, i) => metricTarget(m, statuses[i]));
  const record = new Map(view.table<HpaSyncRecord>(HPA_SYNCS_TABLE)).get(`${namespace}/${name}`);
  const utilization = utilizationOf(spec.metrics, statuses);
  return {
    name, namespace,
    target: { kind: spec.scaleTargetRef.kind, name: spec.scaleTargetRef.name },
    reference: `${spec.scaleTargetRef.kind}/${spec.scaleTargetRef.name}`,
    minReplicas: spec.minReplicas, maxReplicas: spec.maxReplicas,
    ...(status && hpa.status ? { currentReplicas: status.currentReplicas, desiredReplicas: status.desiredReplicas } : {}),
    metrics, targets: targetsColumn(metrics),
    ...(utilization ? { utilization } : {}),
    conditions: (status?.conditions ?? []).map((c) => ({ type: c.type, status: c.status, reason: c.reason, message: c.message })),
    ...(record ? { sync: { time: record.time, desired: record.desiredReplicas, record } } : {}),
  };
}

/** The HPAs that scale `kind/name` (by their scaleTargetRef), by name. */
export function hpasTargeting(view: ClusterView, kind: string, name: string, namespace = 'default'): KubeObject[] {
  return view.list(HPA_KIND, namespace).filter((h) => {
    const ref = hpaSpecOf(h).scaleTargetRef;
    return ref.kind === kind && ref.name === name;
  }).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

/**
 * The Services that send traffic to the Pods of an HPA's target: those whose selector matches the
 * target's Pod template labels. This is where load for the HPA comes from.
 */
export function servicesForTarget(view: ClusterView, kind: string, name: string, namespace = 'default'): KubeObject[] {
  const target = view.get(kind, name, namespace);
  const labels = (target?.spec as { template?: { metadata?: { labels?: Record<string, string> } } } | undefined)?.template?.metadata?.labels;
  if (!labels) return [];
  return view.list('Service', namespace).filter((s) => {
    const selector = (s.spec as { selector?: Record<string, string> } | undefined)?.selector;
    return !!selector && Object.keys(selector).length > 0 && matchesMap(selector, labels);
  }).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}
