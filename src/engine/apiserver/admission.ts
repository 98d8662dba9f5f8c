import type { KubeObject } from '../api';
import type { Random } from '../core/random';
import { clone } from '../util/objects';
import { qosClass } from '../kubelet/qos';
import { applyDefaults, admitPod } from './defaults';
import { invalidMessage } from './errors';
import { kindInfo, lookupKind, noMatchMessage, type KindInfo } from './kinds';
import { generateName, newUid } from './names';
import type { ObjectStore } from './objectStore';
import { allocateServiceAddresses, prepareServiceUpdate } from './serviceAllocator';
import { completeNodeRegistration, nodeInternalIP } from '../nodes/nodeDefaults';
import { validateObject } from './validation';
import { admitStorageCreate, storageUpdateProblem } from '../controllers/volume/storageAdmission';
import { namespaceCreateProblem } from './admission/namespaceLifecycle';
import { mutatingAdmission, validatingAdmission } from './admission/plugins';

export interface AdmissionDeps {
  store: Pick<ObjectStore, 'get' | 'list'>;
  rng: Random;
  /** Virtual ms, when known (quota stops charging Pods stuck terminating past their grace period). */
  now?: number;
}

/** The first Node address (172.18.0.x) no Node uses yet. */
function freeNodeIndex(store: AdmissionDeps['store']): number {
  const used = new Set(store.list('Node').flatMap((n) =>
    ((n.status as { addresses?: { address: string }[] } | undefined)?.addresses ?? []).map((a) => a.address)));
  let i = 0;
  while (used.has(nodeInternalIP(i))) i++;
  return i;
}

export type Admitted =
  | { ok: true; object: KubeObject; info: KindInfo; uid: string }
  | { ok: false; message: string };

/** The namespace an object lands in, or the API server's refusal (NamespaceLifecycle). */
export function namespaceProblem(info: KindInfo, namespace: string, store: AdmissionDeps['store'], name?: string): string | undefined {
  return namespaceCreateProblem(info, name, namespace, store);
}

/** Initial status the registry strategies set on create (what a client sent is dropped). */
function initialStatus(obj: KubeObject, store: AdmissionDeps['store']): unknown {
  const status = (obj as { status?: Record<string, unknown> }).status;
  switch (obj.kind) {
    case 'Node': return completeNodeRegistration(obj, freeNodeIndex(store)).status;
    case 'Pod': return { phase: 'Pending', qosClass: qosClass(obj) };
    case 'Namespace': return { phase: 'Active' };
    case 'PersistentVolumeClaim': return { phase: 'Pending' };
    case 'PersistentVolume': return { phase: 'Pending' };
    case 'ConfigMap': case 'Secret': case 'ServiceAccount': case 'Event': return undefined;
    default: return status === undefined ? undefined : {};
  }
}

/**
 * The create half of admission: kind, namespace, name (generateName), defaulting, the admission
 * plugins that mutate (ServiceAccount, DefaultTolerationSeconds, Priority), address allocation,
 * then validation. Returns the object to store, without server metadata yet.
 */
export function admitCreate(input: Partial<KubeObject> & { kind: string; apiVersion: string }, deps: AdmissionDeps): Admitted {
  const info = lookupKind(input.apiVersion, input.kind);
  if (!info) return { ok: false, message: noMatchMessage(input.apiVersion, input.kind) };
  const obj = clone(input) as KubeObject;
  obj.metadata = { ...(obj.metadata ?? {}) } as KubeObject['metadata'];
  if (info.namespaced) obj.metadata.namespace = obj.metadata.namespace || 'default';
  else delete obj.metadata.namespace;
  const nsProblem = namespaceProblem(info, obj.metadata.namespace ?? '', deps.store, obj.metadata.name);
  if (nsProblem) return { ok: false, message: nsProblem };
  if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = generateName(obj.metadata.generateName, deps.rng);
  const uid = newUid(deps.rng);
  let admitted = mutatingAdmission('create', applyDefaults(obj, { uid }) as KubeObject, deps);
  if (admitted.kind === 'Pod') admitted = admitPod(admitted, deps.rng) as KubeObject;
  if (admitted.kind === 'Node') {
    admitted.metadata.labels = completeNodeRegistration(admitted, 0).metadata.labels;
    admitted = taintNewNode(admitted);
  }
  admitStorageCreate(admitted, deps.store);
  const status = initialStatus(admitted, deps.store);
  if (status === undefined) delete (admitted as { status?: unknown }).status;
  else (admitted as { status?: unknown }).status = status;
  const errors = validateObject(admitted);
  if (errors.length) return { ok: false, message: invalidMessage(info.kind, obj.metadata.name ?? '', errors) };
  const refused = validatingAdmission('create', admitted, undefined, info, deps);
  if (refused) return { ok: false, message: refused };
  if (admitted.kind === 'Service') {
    const allocated = allocateServiceAddresses(admitted, deps.store, deps.rng);
    if (!allocated.ok) return allocated;
    admitted = allocated.object;
  }
  return { ok: true, object: admitted, info, uid };
}

/**
 * upstream TaintNodesByCondition admission: a new Node starts with `node.kubernetes.io/not-ready:NoSchedule`,
 * which the node lifecycle controller removes once its kubelet reports Ready.
 */
function taintNewNode(node: KubeObject): KubeObject {
  const spec = (node.spec ?? {}) as { taints?: { key: string; effect: string }[] };
  const taints = spec.taints ?? [];
  if (taints.some((t) => t.key === 'node.kubernetes.io/not-ready' && t.effect === 'NoSchedule')) return node;
  return { ...node, spec: { ...spec, taints: [...taints, { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] } };
}

/** The update half: defaulting and validation against the stored object. */
export function admitUpdate(input: KubeObject, old: KubeObject, deps: AdmissionDeps): Admitted {
  const info = kindInfo(input.kind)!;
  let next = applyDefaults(clone(input), { uid: old.metadata.uid }) as KubeObject;
  if (next.kind === 'Service') {
    const prepared = prepareServiceUpdate(keepServiceAddresses(next, old), old, deps.store, deps.rng);
    if (!prepared.ok) return prepared;
    next = prepared.object;
  }
  const errors = validateObject(next, old);
  if (errors.length) return { ok: false, message: invalidMessage(info.kind, old.metadata.name, errors) };
  const storageProblem = storageUpdateProblem(next, old, deps.store);
  if (storageProblem) return { ok: false, message: storageProblem };
  const refused = validatingAdmission('update', next, old, info, deps);
  if (refused) return { ok: false, message: refused };
  return { ok: true, object: next, info, uid: old.metadata.uid };
}

/** A Service update that does not name its addresses keeps the allocated ones (as apply would). */
function keepServiceAddresses(next: KubeObject, old: KubeObject): KubeObject {
  const spec = next.spec as Record<string, unknown>;
  const oldSpec = old.spec as Record<string, unknown>;
  for (const field of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy']) {
    if (spec[field] === undefined && oldSpec[field] !== undefined) spec[field] = clone(oldSpec[field]);
  }
  const oldPorts = (oldSpec.ports as { port: number; protocol?: string; nodePort?: number }[] | undefined) ?? [];
  for (const port of (spec.ports as { port: number; protocol?: string; nodePort?: number }[] | undefined) ?? []) {
    const match = oldPorts.find((p) => p.port === port.port && (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP'));
    if (port.nodePort === undefined && match?.nodePort !== undefined && spec.type !== 'ClusterIP') port.nodePort = match.nodePort;
  }
  return next;
}
