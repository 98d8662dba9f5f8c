/**
 * The Pod a DaemonSet creates for one Node: its template with the daemon tolerations, the
 * revision labels, and a required node affinity naming the Node so the default scheduler binds it
 * there. upstream: pkg/controller/daemon/util/daemonset_util.go (CreatePodTemplate,
 * ReplaceDaemonSetPodNodeNameNodeAffinity, GetTargetNodeName)
 */
import type { Affinity, PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { clone } from '../../util/objects';
import { addDaemonTolerations } from './eligibility';
import { REVISION_HASH_LABEL, TEMPLATE_GENERATION_LABEL } from './daemonSetSpec';

/** upstream CreatePodTemplate: tolerations added, `pod-template-generation` and `controller-revision-hash` labels. */
export function createPodTemplate(template: PodTemplateSpec | undefined, generation: number | undefined, hash: string): PodTemplateSpec {
  const t = clone(template ?? {}) as PodTemplateSpec;
  const spec = (t.spec ?? { containers: [] }) as PodSpec;
  spec.tolerations = addDaemonTolerations(spec);
  t.spec = spec;
  const labels = { ...(t.metadata?.labels ?? {}) };
  if (generation !== undefined) labels[TEMPLATE_GENERATION_LABEL] = String(generation);
  if (hash) labels[REVISION_HASH_LABEL] = hash;
  t.metadata = { ...(t.metadata ?? {}), labels };
  return t;
}

/**
 * upstream ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes the single
 * term `matchFields metadata.name In [node]` (the controller already checked the template's own
 * terms against the Node); preferred terms and pod (anti-)affinity are kept.
 */
export function replaceNodeNameAffinity(affinity: Affinity | undefined, nodeName: string): Affinity {
  const required = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] };
  const next = clone(affinity ?? {}) as Affinity;
  next.nodeAffinity = { ...(next.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: required };
  return next;
}

/**
 * upstream GetTargetNodeName: the Node a daemon Pod belongs to — its spec.nodeName once bound,
 * before that the Node its `metadata.name In [...]` node affinity names. Undefined if neither.
 */
export function targetNodeName(pod: KubeObject): string | undefined {
  const spec = (pod.spec ?? {}) as PodSpec;
  if (spec.nodeName) return spec.nodeName;
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    for (const exp of term.matchFields ?? []) {
      if (exp.key === 'metadata.name' && exp.operator === 'In') return exp.values?.length === 1 ? exp.values[0] : undefined;
    }
  }
  return undefined;
}
