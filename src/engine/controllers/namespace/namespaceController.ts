/**
 * namespace-controller: empties a terminating Namespace, then removes its `kubernetes` finalizer so
 * the API server deletes it. Each pass deletes what is left, records the five deletion conditions,
 * and, while content remains, looks again after half the estimated time (upstream: estimate/2 + 1 s;
 * Pods are estimated by their grace period, content held by finalizers at 15s). A pass that finds
 * content it cannot account for is retried with back-off (5ms doubling, at most 60s).
 * upstream: pkg/controller/namespace/namespace_controller.go,
 * pkg/controller/namespace/deletion/namespaced_resources_deleter.go (Delete)
 */
import type { Namespace } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { timestamp } from '../../core/time';
import { deepEqual } from '../../util/objects';
import type { Controller, ReconcileContext, ReconcileResult } from '../types';
import { namespaceConditions, remainingSummary } from './conditions';
import { deleteAllContent } from './deleteContent';

const FINALIZER = 'kubernetes';
const RETRY_BASE_MS = 5;
const RETRY_MAX_MS = 60_000;

type NamespaceObject = KubeObject & Namespace;

const finalizersOf = (ns: NamespaceObject) => ns.spec?.finalizers ?? [];

function retryAfter(ctx: ReconcileContext, name: string): ReconcileResult {
  const failures = ctx.memo.get<number>(`failures/${name}`) ?? 0;
  ctx.memo.set(`failures/${name}`, failures + 1);
  return { requeueAfter: Math.min(RETRY_BASE_MS * 2 ** failures, RETRY_MAX_MS) };
}

/** The finalize subresource: without `kubernetes` in spec.finalizers (and no other), the namespace is gone. */
function finalize(ctx: ReconcileContext, ns: NamespaceObject): void {
  const rest = finalizersOf(ns).filter((f) => f !== FINALIZER);
  const left = rest.length ? ` (finalizers ${rest.join(', ')} still hold it)` : '';
  ctx.update({ ...ns, spec: { ...ns.spec, finalizers: rest } } as KubeObject,
    `Namespace ${ns.metadata.name} is empty: the namespace controller removed its "kubernetes" finalizer, so the namespace is deleted${left}`);
}

function syncNamespace(ctx: ReconcileContext, name: string): ReconcileResult | void {
  const ns = ctx.get('Namespace', name) as NamespaceObject | undefined;
  if (!ns?.metadata.deletionTimestamp || !finalizersOf(ns).includes(FINALIZER)) {
    ctx.memo.delete(`failures/${name}`);
    return;
  }
  const pass = deleteAllContent(ctx, name, ns.metadata.deletionTimestamp);
  const current = (ctx.get('Namespace', name) as NamespaceObject | undefined) ?? ns;
  const conditions = namespaceConditions(current.status?.conditions, pass, timestamp(ctx.now));
  const waitSeconds = pass.estimate > 0 ? Math.floor(pass.estimate / 2) + 1 : 0;
  if (!deepEqual(conditions, current.status?.conditions)) {
    const open = remainingSummary(conditions);
    const wait = waitSeconds ? `; checking again in ${waitSeconds}s` : '';
    ctx.updateStatus({ ...current, status: { ...current.status, phase: 'Terminating', conditions } } as KubeObject,
      open ? `Namespace ${name} is terminating: ${open}${wait}` : `Namespace ${name} is terminating: all its content is gone`);
  }
  if (pass.errors.length) return retryAfter(ctx, name);
  ctx.memo.delete(`failures/${name}`);
  if (waitSeconds) return { requeueAfter: waitSeconds * 1000 };
  const latest = ctx.get('Namespace', name) as NamespaceObject | undefined;
  if (latest) finalize(ctx, latest);
}

export const namespaceController: Controller = {
  name: 'namespace-controller',
  watches: [{ kind: 'Namespace', map: (ns) => (ns.metadata.deletionTimestamp ? [ns.metadata.name] : []) }],
  reconcile: (key, ctx) => syncNamespace(ctx, key),
};
