/**
 * The scale subresource of an HPA's target (upstream: the scale client over RESTMappings):
 * Deployment, ReplicaSet and StatefulSet (apps) and ReplicationController (core) expose
 * spec.replicas, status.replicas and their Pod selector as a string.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api';
import { allKinds } from '../../apiserver/kinds';
import { resourceName } from '../../apiserver/messages';
import { clone } from '../../util/objects';
import { matchesMap, matchesSelector } from '../../util/selectors';
import type { ReconcileContext } from '../types';
import type { ScaleTargetRef } from './types';

const SCALABLE = new Set(['apps/Deployment', 'apps/ReplicaSet', 'apps/StatefulSet', '/ReplicationController']);

export interface Scale {
  target: KubeObject;
  /** `deployment.apps/web`-like label for messages: `Deployment/web`. */
  reference: string;
  specReplicas: number;
  statusReplicas: number;
  /** status.selector of the scale, as labels.Selector.String() prints it ('' when there is none). */
  selector: string;
  matches(labels: Record<string, string> | undefined): boolean;
}

export type ScaleResult = { ok: true; scale: Scale } | { ok: false; error: string };

const groupOf = (apiVersion: string | undefined) => {
  const v = apiVersion ?? '';
  const slash = v.indexOf('/');
  return slash < 0 ? '' : v.slice(0, slash);
};

/** upstream labels.Selector.String(): requirements sorted by key, `in`/`notin` values sorted. */
export function selectorString(selector: LabelSelector | Record<string, string> | undefined, map = false): string {
  if (!selector) return '';
  const reqs: [string, string][] = [];
  const labels = map ? (selector as Record<string, string>) : (selector as LabelSelector).matchLabels ?? {};
  for (const [k, v] of Object.entries(labels)) reqs.push([k, `${k}=${v}`]);
  if (!map) {
    for (const r of (selector as LabelSelector).matchExpressions ?? []) {
      const values = [...(r.values ?? [])].sort().join(',');
      const text = r.operator === 'In' ? `${r.key} in (${values})` : r.operator === 'NotIn' ? `${r.key} notin (${values})`
        : r.operator === 'Exists' ? r.key : `!${r.key}`;
      reqs.push([r.key, text]);
    }
  }
  return reqs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, t]) => t).join(',');
}

export function getScale(ctx: Pick<ReconcileContext, 'get'>, namespace: string, ref: ScaleTargetRef): ScaleResult {
  const group = groupOf(ref.apiVersion);
  const infos = allKinds().filter((k) => k.group === group && k.kind === ref.kind);
  if (infos.length === 0) return { ok: false, error: `no matches for kind "${ref.kind}" in group "${group}"` };
  // upstream: a kind without a scale subresource answers 404 on <resource>/scale
  if (!SCALABLE.has(`${group}/${ref.kind}`)) return { ok: false, error: 'the server could not find the requested resource' };
  const target = ctx.get(ref.kind, ref.name, namespace);
  if (!target) return { ok: false, error: `${resourceName(infos[0])} "${ref.name}" not found` };
  const spec = (target.spec ?? {}) as { replicas?: number; selector?: LabelSelector | Record<string, string> };
  const isRc = ref.kind === 'ReplicationController';
  // upstream: an RC without a selector selects by its template's labels (defaulting); the stored object has it already
  const selectorObj = spec.selector;
  return {
    ok: true,
    scale: {
      target,
      reference: `${ref.kind}/${ref.name}`,
      specReplicas: spec.replicas ?? 1,
      statusReplicas: (target.status as { replicas?: number } | undefined)?.replicas ?? 0,
      selector: selectorString(selectorObj, isRc),
      matches: (labels) => (isRc ? matchesMap(selectorObj as Record<string, string>, labels)
        : matchesSelector(selectorObj as LabelSelector, labels)),
    },
  };
}

/** PUT <target>/scale: only spec.replicas changes. */
export function updateScale(ctx: ReconcileContext, scale: Scale, replicas: number, message: string): { ok: true } | { ok: false; error: string } {
  const latest = ctx.get(scale.target.kind, scale.target.metadata.name, scale.target.metadata.namespace) ?? scale.target;
  const next = clone(latest) as KubeObject & { spec: { replicas?: number } };
  next.spec = { ...next.spec, replicas };
  const result = ctx.update(next, message);
  return result.ok ? { ok: true } : { ok: false, error: result.message };
}
