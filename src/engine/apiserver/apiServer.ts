import type { KubeObject } from '../api';
import type { DeleteOptions, WriteResult } from '../controllers/types';
import type { Random } from '../core/random';
import { timestamp } from '../core/time';
import { clone, deepEqual } from '../util/objects';
import { admitCreate, admitUpdate, type AdmissionDeps, type Admitted } from './admission';
import { kindInfo, type KindInfo } from './kinds';
import type { ObjectStore } from './objectStore';
import { notFoundMessage, resourceName } from './messages';
import { namespaceDeleteProblem } from './admission/namespaceLifecycle';

export interface ApiServerDeps {
  store: ObjectStore;
  rng: Random;
  now(): number;
  /** The Step index that the next write belongs to. */
  version(): number;
}

/**
 * Kinds whose registry strategy keeps `metadata.generation` (1 on create, +1 per spec change);
 * the others (Pods before 1.33, Services, Nodes, volumes, config…) have none.
 */
const WITH_GENERATION = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet', 'Job',
  'CronJob', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy', 'Ingress', 'CustomResourceDefinition',
  'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'FlowSchema', 'PriorityLevelConfiguration']);

const DS_TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

const withoutMetaStatus = (o: KubeObject) => {
  const { metadata: _m, status: _s, ...rest } = o as KubeObject & { status?: unknown };
  return rest;
};

/**
 * The API server's write path: admission (names, defaults, validation) and the object semantics
 * (uid, resourceVersion, generation, graceful deletion, finalizers) on top of the object store.
 */
export class ApiServer {
  constructor(private readonly deps: ApiServerDeps) {}

  private get admission(): AdmissionDeps {
    return { store: this.deps.store, rng: this.deps.rng, now: this.deps.now() };
  }

  create(input: Partial<KubeObject> & { kind: string; apiVersion: string }): WriteResult {
    if (input.kind === 'Binding') return this.bind(input as KubeObject);
    const admitted = admitCreate(input, this.admission);
    if (!admitted.ok) return admitted;
    return this.createAdmitted(admitted);
  }

  /** Stores an object admission already accepted (kubectl apply admits every document before writing any). */
  createAdmitted(admitted: Extract<Admitted, { ok: true }>): WriteResult {
    const obj = admitted.object;
    const info = admitted.info;
    const existing = this.deps.store.get(obj.kind, obj.metadata.name, obj.metadata.namespace);
    if (existing) {
      // upstream: the registry says why the name is still taken
      const deleting = existing.metadata.deletionTimestamp ? 'object is being deleted: ' : '';
      return { ok: false, message: `${deleting}${resourceName(info)} "${obj.metadata.name}" already exists` };
    }
    obj.metadata.uid = admitted.uid;
    obj.metadata.creationTimestamp = timestamp(this.deps.now());
    obj.metadata.resourceVersion = this.deps.store.nextResourceVersion();
    if (WITH_GENERATION.has(obj.kind)) obj.metadata.generation = 1;
    // upstream daemonset strategy: the template generation, 1 on create and +1 per template change
    if (obj.kind === 'DaemonSet') obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [DS_TEMPLATE_GENERATION]: '1' };
    return { ok: true, object: this.deps.store.put(obj, this.deps.version()) };
  }

  /** POST pods/binding: sets spec.nodeName and the PodScheduled condition (upstream assignPod). */
  private bind(binding: KubeObject): WriteResult {
    const { name, namespace } = binding.metadata;
    const pod = this.deps.store.get('Pod', name, namespace ?? 'default');
    if (!pod) return { ok: false, message: notFoundMessage('Pod', name) };
    const node = (binding.target as { name: string }).name;
    const assigned = (pod.spec as { nodeName?: string }).nodeName;
    if (assigned) {
      return { ok: false, message: `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is already assigned to node "${assigned}"` };
    }
    if (pod.metadata.deletionTimestamp) {
      return { ok: false, message: `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is being deleted, cannot be assigned to a host` };
    }
    const status = (pod.status ?? {}) as { conditions?: Record<string, unknown>[] };
    const next = { ...pod, metadata: { ...pod.metadata }, spec: { ...(pod.spec as object), nodeName: node } } as KubeObject;
    const conditions = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    next.status = { ...status, conditions: [...conditions,
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: timestamp(this.deps.now()) }] };
    return this.write(next, pod);
  }

  update(input: KubeObject): WriteResult {
    const old = this.deps.store.get(input.kind, input.metadata.name, input.metadata.namespace);
    const info = kindInfo(input.kind);
    if (!old || !info) return { ok: false, message: notFoundMessage(input.kind, input.metadata.name) };
    const conflict = this.conflict(input, old, info);
    if (conflict) return conflict;
    const admitted = admitUpdate(input, old, this.admission);
    if (!admitted.ok) return admitted;
    const next = admitted.object;
    next.metadata = { ...next.metadata, uid: old.metadata.uid, creationTimestamp: old.metadata.creationTimestamp,
      resourceVersion: old.metadata.resourceVersion };
    if (old.metadata.deletionTimestamp) {
      next.metadata.deletionTimestamp = old.metadata.deletionTimestamp;
      next.metadata.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    }
    if ('status' in old) (next as Record<string, unknown>).status = clone(old.status);
    if (next.kind === 'Namespace') keepNamespaceFinalizers(next, input, old);
    if (old.metadata.generation !== undefined) {
      const specChanged = !deepEqual(withoutMetaStatus(next), withoutMetaStatus(old)) ||
        (old.kind === 'Deployment' && !deepEqual(next.metadata.annotations, old.metadata.annotations));
      next.metadata.generation = old.metadata.generation + (specChanged ? 1 : 0);
    }
    if (next.kind === 'DaemonSet') {
      const previous = Number(old.metadata.annotations?.[DS_TEMPLATE_GENERATION] ?? '0');
      const changed = !deepEqual((next.spec as { template?: unknown }).template, (old.spec as { template?: unknown }).template);
      next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [DS_TEMPLATE_GENERATION]: String(previous + (changed ? 1 : 0)) };
    }
    return this.write(next, old);
  }

  updateStatus(input: KubeObject): WriteResult {
    const old = this.deps.store.get(input.kind, input.metadata.name, input.metadata.namespace);
    if (!old) return { ok: false, message: notFoundMessage(input.kind, input.metadata.name) };
    // the stored spec and metadata objects are kept (they are frozen), so a status write costs only the status
    // upstream status strategies reset spec (and labels) to the stored ones; annotations written with the status are kept
    const annotations = input.metadata?.annotations;
    const metadata = { ...old.metadata };
    if (annotations && !deepEqual(annotations, old.metadata.annotations)) metadata.annotations = { ...annotations };
    const next = { ...old, metadata, status: (input as { status?: unknown }).status } as KubeObject;
    return this.write(next, old);
  }

  /** Writes `next` over `old` unless nothing changed; removes it when a deletion's finalizers are done. */
  private write(next: KubeObject, old: KubeObject): WriteResult {
    if (deepEqual(next, old)) return { ok: true, object: old };
    // upstream: an object whose deletion is due (grace 0) goes once its last finalizer is removed
    if (next.metadata.deletionTimestamp && !(next.metadata.finalizers?.length) &&
      !(next.metadata.deletionGracePeriodSeconds ?? 0) && !namespaceFinalizers(next).length) {
      this.deps.store.remove(old, this.deps.version());
      return { ok: true, object: next };
    }
    next.metadata.resourceVersion = this.deps.store.nextResourceVersion();
    return { ok: true, object: this.deps.store.put(next, this.deps.version()) };
  }

  private conflict(input: KubeObject, old: KubeObject, info: KindInfo): WriteResult | undefined {
    const rv = input.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) {
      return { ok: false, message: `Operation cannot be fulfilled on ${resourceName(info)} "${old.metadata.name}": ` +
        'the object has been modified; please apply your changes to the latest version and try again' };
    }
    return undefined;
  }

  delete(kind: string, name: string, namespace: string | undefined, options: DeleteOptions = {}): WriteResult {
    const info = kindInfo(kind);
    const old = info && this.deps.store.get(kind, name, info.namespaced ? namespace ?? 'default' : undefined);
    if (!old || !info) return { ok: false, message: notFoundMessage(kind, name) };
    if (kind === 'Namespace') return this.deleteNamespace(old, options);
    const next = clone(old);
    const finalizers = new Set(next.metadata.finalizers ?? []);
    if (options.propagationPolicy === 'Foreground') finalizers.add('foregroundDeletion');
    if (options.propagationPolicy === 'Orphan') finalizers.add('orphan');
    const grace = kind === 'Pod' ? this.podGrace(old, options) : 0;
    if (grace === 0 && finalizers.size === 0) {
      this.deps.store.remove(old, this.deps.version());
      return { ok: true, object: old };
    }
    if (finalizers.size) next.metadata.finalizers = [...finalizers];
    const deadline = this.deps.now() + grace * 1000;
    const current = old.metadata.deletionTimestamp;
    // upstream: a second delete may shorten the grace period, never lengthen it
    if (!current || grace < (old.metadata.deletionGracePeriodSeconds ?? Infinity)) {
      next.metadata.deletionTimestamp = timestamp(deadline);
      next.metadata.deletionGracePeriodSeconds = grace;
    }
    return this.write(next, old);
  }

  /**
   * upstream namespace REST Delete: the first delete marks the namespace (deletionTimestamp, phase
   * Terminating) and leaves it to the namespace controller, which empties it and then removes the
   * `kubernetes` finalizer from spec.finalizers; only a namespace with no finalizers left goes.
   */
  private deleteNamespace(old: KubeObject, options: DeleteOptions): WriteResult {
    const forbidden = namespaceDeleteProblem(old.metadata.name);
    if (forbidden) return { ok: false, message: forbidden };
    if (old.metadata.deletionTimestamp) {
      if (namespaceFinalizers(old).length || old.metadata.finalizers?.length) return { ok: true, object: old };
      this.deps.store.remove(old, this.deps.version());
      return { ok: true, object: old };
    }
    const next = clone(old);
    const finalizers = new Set(next.metadata.finalizers ?? []);
    if (options.propagationPolicy === 'Foreground') finalizers.add('foregroundDeletion');
    if (options.propagationPolicy === 'Orphan') finalizers.add('orphan');
    if (finalizers.size) next.metadata.finalizers = [...finalizers];
    next.metadata.deletionTimestamp = timestamp(this.deps.now());
    (next as { status?: unknown }).status = { ...(old as { status?: object }).status, phase: 'Terminating' };
    return this.write(next, old);
  }

  /** upstream pod strategy: unscheduled or terminal pods go at once; otherwise the pod's grace period. */
  private podGrace(pod: KubeObject, options: DeleteOptions): number {
    const spec = pod.spec as { nodeName?: string; terminationGracePeriodSeconds?: number };
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
    return Math.max(0, options.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30);
  }
}

/** A Namespace's `spec.finalizers` (`kubernetes` until the namespace controller has emptied it). */
function namespaceFinalizers(obj: KubeObject): string[] {
  return obj.kind === 'Namespace' ? ((obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []) : [];
}

/**
 * upstream namespace strategy: an update keeps spec.finalizers (they change only through the
 * `finalize` subresource, which is what the namespace controller's update of a terminating
 * namespace stands for here).
 */
function keepNamespaceFinalizers(next: KubeObject, input: KubeObject, old: KubeObject): void {
  const given = (input.spec as { finalizers?: unknown } | undefined)?.finalizers;
  const wanted = old.metadata.deletionTimestamp && Array.isArray(given) ? given as string[] : namespaceFinalizers(old);
  next.spec = { ...(next.spec as object), finalizers: [...wanted] };
}
