/**
 * One sync of the legacy Endpoints controller for one Service key.
 * upstream: pkg/controller/endpoint/endpoints_controller.go (syncService)
 */
import type { EndpointAddress, EndpointSubset } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { clone, deepEqual, splitKey } from '../../util/objects';
import type { ReconcileContext, ReconcileResult } from '../types';
import { listNames } from '../endpointslice/messages';
import { isHeadless } from '../endpointslice/podEndpoint';
import { serviceSelector } from '../endpointslice/podServices';
import { nextRetry, resetRetry } from '../endpointslice/retry';
import { LABEL_HEADLESS } from '../endpointslice/sliceObjects';
import { formatMap, selectedPods } from '../endpointslice/syncService';
import { computeTriggerTime, forgetTriggerTime, withTriggerTime } from '../endpointslice/triggerTime';
import { MAX_ENDPOINTS_CAPACITY, endpointSubsets, truncateSubsets } from './subsets';

export const OVER_CAPACITY_ANNOTATION = 'endpoints.kubernetes.io/over-capacity';

const count = (subsets: EndpointSubset[] | undefined, key: 'addresses' | 'notReadyAddresses') =>
  (subsets ?? []).reduce((n, s) => n + (s[key]?.length ?? 0), 0);

/** upstream capacityAnnotationSetCorrectly */
function capacityAnnotationCorrect(annotations: Record<string, string> | undefined, subsets: EndpointSubset[] | undefined): boolean {
  const n = count(subsets, 'addresses') + count(subsets, 'notReadyAddresses');
  if (n > MAX_ENDPOINTS_CAPACITY) return false;
  return !(annotations && OVER_CAPACITY_ANNOTATION in annotations) || n === MAX_ENDPOINTS_CAPACITY;
}

const withoutHeadless = (labels: Record<string, string> | undefined) => {
  if (!labels || !(LABEL_HEADLESS in labels)) return labels ?? {};
  const { [LABEL_HEADLESS]: _, ...rest } = labels;
  return rest;
};

const podOf = (a: EndpointAddress) => a.targetRef?.name ?? a.ip;
const names = (subsets: EndpointSubset[] | undefined, key: 'addresses' | 'notReadyAddresses') =>
  [...new Set((subsets ?? []).flatMap((s) => (s[key] ?? []).map(podOf)))];

function message(svc: KubeObject, subsets: EndpointSubset[], old: KubeObject | undefined, selector: string): string {
  const ready = names(subsets, 'addresses');
  const notReady = names(subsets, 'notReadyAddresses');
  const ports = [...new Set(subsets.flatMap((s) => (s.ports ?? []).map((p) => `${p.name ? `${p.name}:` : ''}${p.port}/${p.protocol}`)))];
  const counts = `${ready.length} ready address${ready.length === 1 ? '' : 'es'}, ${notReady.length} not ready` +
    (ports.length ? ` on ${ports.join(', ')}` : '');
  if (!old) {
    const listed = [ready.length ? `ready: ${listNames(ready)}` : '', notReady.length ? `not ready: ${listNames(notReady)}` : '']
      .filter(Boolean).join('; ');
    return `Endpoints ${svc.metadata.name} created for Service ${svc.metadata.namespace}/${svc.metadata.name} ` +
      `(Pods matching ${selector}): ${counts}${listed ? ` (${listed})` : ''}`;
  }
  const oldSubsets = old.subsets as EndpointSubset[] | undefined;
  const was = new Set([...names(oldSubsets, 'addresses'), ...names(oldSubsets, 'notReadyAddresses')]);
  const wasReady = new Set(names(oldSubsets, 'addresses'));
  const listed = new Set([...ready, ...notReady]);
  const change = [
    [ready.filter((n) => !wasReady.has(n)), 'now ready'],
    [notReady.filter((n) => wasReady.has(n)), 'no longer ready'],
    [notReady.filter((n) => !was.has(n)), 'added, not ready'],
    [[...was].filter((n) => !listed.has(n)), 'removed'],
  ].filter(([list]) => list.length).map(([list, what]) => `${listNames(list as string[])} ${what}`);
  return `Endpoints ${svc.metadata.name} updated${change.length ? `: ${change.join('; ')}` : ''}; now ${counts}`;
}

function deleteEndpoints(ctx: ReconcileContext, name: string, namespace: string | undefined): void {
  if (!ctx.get('Endpoints', name, namespace)) return;
  ctx.delete('Endpoints', name, namespace, {}, `Endpoints ${name} deleted: Service ${namespace}/${name} is gone`);
}

/**
 * Lists the Pods the Service selects and writes them into the Endpoints object of the same name,
 * ready Pods under `addresses` and the others under `notReadyAddresses` (terminating Pods are left
 * out unless publishNotReadyAddresses). The Endpoints go when the Service goes.
 */
export function syncEndpoints(key: string, ctx: ReconcileContext): ReconcileResult | void {
  const { namespace, name } = splitKey(key);
  const svc = ctx.get('Service', name, namespace);
  if (!svc) {
    deleteEndpoints(ctx, name, namespace);
    forgetTriggerTime(ctx.memo, key);
    return;
  }
  const selector = serviceSelector(svc);
  if ((svc.spec as { type?: string }).type === 'ExternalName' || !selector) return;
  const pods = selectedPods(ctx, svc, selector);
  const trigger = computeTriggerTime(ctx.memo, key, svc, pods);
  const subsets = endpointSubsets(svc, pods);
  const current = ctx.get('Endpoints', name, namespace);
  const currentSubsets = (current?.subsets as EndpointSubset[] | undefined) ?? [];
  if (current && deepEqual(currentSubsets, subsets) && deepEqual(withoutHeadless(current.metadata.labels), svc.metadata.labels ?? {}) &&
    capacityAnnotationCorrect(current.metadata.annotations, currentSubsets)) return;
  const next: KubeObject = current ? clone(current) : {
    apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace } as KubeObject['metadata'],
  };
  next.subsets = subsets;
  if (!subsets.length) delete next.subsets;
  const annotations = withTriggerTime(next.metadata.annotations, trigger) ?? {};
  if (truncateSubsets(subsets)) annotations[OVER_CAPACITY_ANNOTATION] = 'truncated';
  else delete annotations[OVER_CAPACITY_ANNOTATION];
  next.metadata.annotations = Object.keys(annotations).length ? annotations : undefined;
  const labels: Record<string, string> = { ...withoutHeadless(svc.metadata.labels) };
  if (isHeadless(svc)) labels[LABEL_HEADLESS] = '';
  next.metadata.labels = Object.keys(labels).length ? labels : undefined;
  const text = message(svc, subsets, current, formatMap(selector));
  const result = current ? ctx.update(next, text) : ctx.create(next, text);
  if (result.ok) {
    resetRetry(ctx.memo, key);
    return;
  }
  if (!current && result.message.includes('because it is being terminated')) return;
  ctx.event(next, 'Warning', current ? 'FailedToUpdateEndpoint' : 'FailedToCreateEndpoint', current
    ? `Failed to update endpoint ${namespace}/${name}: ${result.message}`
    : `Failed to create endpoint for service ${namespace}/${name}: ${result.message}`);
  return { requeueAfter: nextRetry(ctx.memo, key) };
}
