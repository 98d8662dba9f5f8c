/**
 * The revisions `kubectl rollout undo --to-revision` can pick for a workload, newest first, each
 * with the images of its Pod template (what a learner recognises a revision by). A Deployment
 * keeps them as its ReplicaSets (`deployment.kubernetes.io/revision`); a StatefulSet or DaemonSet
 * as ControllerRevisions (`revision`).
 */
import type { KubeObject } from '../engine/api';

export interface RevisionOption {
  revision: number;
  /** The ReplicaSet or ControllerRevision that holds it. */
  holder: string;
  images: string[];
  current: boolean;
}

interface Lister {
  list(kind: string, namespace?: string): KubeObject[];
}

interface TemplateSpec {
  spec?: { containers?: { image?: string }[]; initContainers?: { image?: string }[] };
}

const controlledBy = (owner: KubeObject) => (o: KubeObject) =>
  !!o.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid);

function imagesOf(template: TemplateSpec | undefined): string[] {
  const images = [...(template?.spec?.initContainers ?? []), ...(template?.spec?.containers ?? [])]
    .map((c) => c.image ?? '')
    .filter((i) => i !== '');
  return [...new Set(images)];
}

const toNumber = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : 0);

export function revisionOptions(view: Lister, owner: KubeObject): RevisionOption[] {
  const namespace = owner.metadata.namespace;
  let options: RevisionOption[];
  if (owner.kind === 'Deployment') {
    const current = toNumber(owner.metadata.annotations?.['deployment.kubernetes.io/revision']);
    options = view.list('ReplicaSet', namespace).filter(controlledBy(owner)).map((rs) => {
      const revision = toNumber(rs.metadata.annotations?.['deployment.kubernetes.io/revision']);
      const template = (rs.spec as { template?: TemplateSpec } | undefined)?.template;
      return { revision, holder: rs.metadata.name, images: imagesOf(template), current: revision === current };
    });
  } else {
    const updateRevision = (owner.status as { updateRevision?: string } | undefined)?.updateRevision;
    options = view.list('ControllerRevision', namespace).filter(controlledBy(owner)).map((cr) => {
      const template = (cr as { data?: { spec?: { template?: TemplateSpec } } }).data?.spec?.template;
      return { revision: toNumber((cr as { revision?: unknown }).revision), holder: cr.metadata.name, images: imagesOf(template),
        current: cr.metadata.name === updateRevision };
    });
    // a DaemonSet's current revision is its newest
    if (!updateRevision && options.length) {
      const newest = Math.max(...options.map((o) => o.revision));
      for (const o of options) o.current = o.revision === newest;
    }
  }
  return options.filter((o) => o.revision > 0).sort((a, b) => b.revision - a.revision);
}
