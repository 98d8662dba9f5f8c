/**
 * What a StatefulSet or DaemonSet revision records: a strategic-merge patch that replaces the
 * owner's spec.template, and how a revision is applied back to get that template.
 * upstream: statefulset getPatch / ApplyRevision, daemon getPatch
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { clone } from '../../util/objects';
import type { ControllerRevisionObject } from './revisions';

export interface TemplatePatch {
  spec: { template: PodTemplateSpec & { $patch: 'replace' } };
}

/** The owner's pod template as a `$patch: replace` patch (a copy: the stored object stays frozen). */
export function templatePatch(owner: KubeObject): TemplatePatch {
  const template = clone(((owner.spec ?? {}) as { template?: PodTemplateSpec }).template ?? {});
  return { spec: { template: { ...template, $patch: 'replace' } } };
}

/** The pod template a revision records (upstream ApplyRevision, which only ever replaces the template). */
export function revisionTemplate(revision: ControllerRevisionObject): PodTemplateSpec {
  const data = revision.data as Partial<TemplatePatch> | undefined;
  const { $patch: _replace, ...template } = clone(data?.spec?.template ?? { $patch: 'replace' as const });
  return template;
}

/** A copy of the owner whose spec.template is the one the revision records. */
export function applyRevision<T extends KubeObject>(owner: T, revision: ControllerRevisionObject): T {
  const next = clone(owner) as T & { spec: Record<string, unknown> };
  next.spec = { ...(next.spec ?? {}), template: revisionTemplate(revision) };
  return next;
}
