import type { ApplyAction, ApplyError, ApplyResult, KubeObject } from '../api';
import type { ReconcileContext } from '../controllers/types';
import { createRandom, type Random } from '../core/random';
import { parseManifests, type ManifestDocument } from '../../manifests/parse';
import { clone, deepEqual } from '../util/objects';
import { admitCreate, admitUpdate, type Admitted } from './admission';
import { decodeProblem } from './decode';
import { lookupKind, noMatchMessage, type KindInfo } from './kinds';
import { kubectlName } from './messages';
import type { ObjectStore } from './objectStore';
import { threeWayMerge } from './threeWayMerge';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

interface Plan {
  info: KindInfo;
  manifest: KubeObject;
  namespace?: string;
  action: ApplyAction;
  /** A create's admitted object, written as is (Services are admitted again: their addresses are allocated then). */
  admitted?: Extract<Admitted, { ok: true }>;
}

export interface ApplyDeps {
  store: ObjectStore;
  ctx: ReconcileContext;
  rng: Random;
  closeStep(): void;
  /** Writes an admitted object as one kubectl Step. */
  createAdmitted(admitted: Extract<Admitted, { ok: true }>, message: string): void;
}

type StoreReader = Pick<ObjectStore, 'get' | 'list'>;

/**
 * `kubectl apply -f`: every document is checked first (kind, decoding, namespace, admission and
 * validation, against the cluster plus the documents before it); only when all pass is anything
 * written, one Step per changed object, in document order.
 */
export function applyManifests(yaml: string, deps: ApplyDeps): ApplyResult {
  const parsed = parseManifests(yaml);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  if (parsed.documents.length === 0) return { ok: false, errors: [{ message: 'error: no objects passed to apply' }] };
  const plans: Plan[] = [];
  const errors: ApplyError[] = [];
  // what earlier documents of this apply will create counts for the later ones (a namespace, a
  // LimitRange's defaults, a quota's usage), as it would when kubectl sends them one after another
  const pending: KubeObject[] = [];
  const pendingOf = (kind: string, namespace?: string) =>
    pending.filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace));
  const reader: StoreReader = {
    get: (kind, name, namespace) => deps.store.get(kind, name, namespace) ??
      pendingOf(kind, namespace).find((o) => o.metadata.name === name),
    list: (kind, namespace) => [...deps.store.list(kind, namespace), ...pendingOf(kind, namespace)],
  };
  for (const doc of parsed.documents) {
    const planned = planDocument(doc, reader, deps.rng);
    if ('error' in planned) errors.push(planned.error);
    else {
      plans.push(planned);
      const created = planned.admitted?.object ??
        (planned.action === 'created' ? { ...planned.manifest, metadata: { ...planned.manifest.metadata, namespace: planned.namespace } } : undefined);
      if (created) pending.push(created as KubeObject);
    }
  }
  if (errors.length) return { ok: false, errors };
  const results = plans.map((plan) => commit(plan, deps));
  return { ok: true, results };
}

function errorAt(doc: ManifestDocument, message: string, path?: string): { error: ApplyError } {
  const pos = path ? doc.positionOf(path) : { line: doc.line, column: 1 };
  return { error: { message, line: pos.line, column: pos.column, document: doc.index } };
}

function planDocument(doc: ManifestDocument, store: StoreReader, rng: Random): Plan | { error: ApplyError } {
  const obj = doc.object as Partial<KubeObject>;
  const missing = [!obj.apiVersion && 'apiVersion not set', !obj.kind && 'kind not set'].filter(Boolean);
  if (missing.length) return errorAt(doc, `error: error validating data: [${missing.join(', ')}]`);
  const apiVersion = String(obj.apiVersion);
  const kind = String(obj.kind);
  const name = (obj.metadata as { name?: string } | undefined)?.name;
  const info = lookupKind(apiVersion, kind);
  if (!info) {
    return errorAt(doc, `error: resource mapping not found for name: "${name ?? ''}" namespace: ` +
      `"${(obj.metadata as { namespace?: string } | undefined)?.namespace ?? ''}": ${noMatchMessage(apiVersion, kind)}\n` +
      'ensure CRDs are installed first', 'apiVersion');
  }
  const problem = decodeProblem(obj as Record<string, unknown>);
  if (problem) return errorAt(doc, `Error from server (BadRequest): ${problem.message}`, problem.path);
  if (!name) return errorAt(doc, 'error: resource name may not be empty', 'metadata');
  const manifest = withLastApplied(obj as KubeObject);
  const namespace = info.namespaced ? manifest.metadata.namespace || 'default' : undefined;
  const live = store.get(info.kind, name, namespace);
  // a Service's addresses are allocated when it is written; checking it must not draw from the cluster's random source
  const admission = { store, rng: info.kind === 'Service' ? createRandom(0) : rng };
  if (!live) {
    const admitted = admitCreate(manifest, admission);
    if (!admitted.ok) return errorAt(doc, serverMessage(admitted.message), firstCausePath(admitted.message));
    return { info, manifest, namespace, action: 'created', ...(info.kind === 'Service' ? {} : { admitted }) };
  }
  const merged = mergeWithLive(manifest, live);
  const admitted = admitUpdate(merged, live, admission);
  if (!admitted.ok) return errorAt(doc, serverMessage(admitted.message), firstCausePath(admitted.message));
  const unchanged = deepEqual(withoutServerFields(admitted.object), withoutServerFields(live)) &&
    !nodeStatusChange(manifest, live);
  return { info, manifest, namespace, action: unchanged ? 'unchanged' : 'configured' };
}

function commit(plan: Plan, deps: ApplyDeps): { kind: string; name: string; namespace?: string; action: ApplyAction } {
  const { info, manifest, namespace } = plan;
  const name = manifest.metadata.name;
  const result = { kind: info.kind, name, ...(namespace ? { namespace } : {}), action: plan.action };
  if (plan.action === 'unchanged') return result;
  deps.closeStep();
  const message = `${kubectlName(info, name)} ${plan.action}`;
  const live = deps.store.get(info.kind, name, namespace);
  if (!live && plan.admitted) deps.createAdmitted(plan.admitted, message);
  else if (!live) deps.ctx.create({ ...manifest, metadata: { ...manifest.metadata, ...(namespace ? { namespace } : {}) } }, message);
  else deps.ctx.update(mergeWithLive(manifest, live), message);
  if (info.kind === 'Node' && nodeStatusChange(manifest, live)) {
    const node = deps.store.get('Node', name)!;
    const status = { ...(node.status as object), ...pickCapacity(manifest) };
    deps.ctx.updateStatus({ ...node, status }, message);
  }
  return result;
}

/** kubectl records what was applied, so the next apply knows which fields it owns. */
function withLastApplied(obj: KubeObject): KubeObject {
  const manifest = clone(obj);
  const annotations = { ...(manifest.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const recorded = clone(manifest);
  if (Object.keys(annotations).length) recorded.metadata.annotations = annotations;
  else delete recorded.metadata.annotations;
  annotations[LAST_APPLIED] = JSON.stringify(recorded) + '\n';
  manifest.metadata = { ...manifest.metadata, annotations };
  return manifest;
}

function mergeWithLive(manifest: KubeObject, live: KubeObject): KubeObject {
  const text = live.metadata.annotations?.[LAST_APPLIED];
  let previous: unknown;
  try {
    previous = text ? JSON.parse(text) : undefined;
  } catch {
    previous = undefined;
  }
  const { status: _s, ...desired } = manifest as KubeObject & { status?: unknown };
  const merged = threeWayMerge(previous, desired, clone(live)) as KubeObject;
  merged.metadata = { ...merged.metadata, resourceVersion: live.metadata.resourceVersion };
  return merged;
}

function withoutServerFields(obj: KubeObject): unknown {
  const { resourceVersion: _r, generation: _g, ...metadata } = obj.metadata;
  return { ...obj, metadata, status: undefined };
}

function pickCapacity(manifest: KubeObject): Record<string, unknown> {
  const status = (manifest as { status?: Record<string, unknown> }).status ?? {};
  const out: Record<string, unknown> = {};
  if (status.capacity) out.capacity = status.capacity;
  if (status.allocatable ?? status.capacity) out.allocatable = status.allocatable ?? status.capacity;
  return out;
}

/** A Node manifest may state its capacity (as the kubelet would register it). */
function nodeStatusChange(manifest: KubeObject, live: KubeObject | undefined): boolean {
  if (manifest.kind !== 'Node' || !live) return false;
  const wanted = pickCapacity(manifest);
  const status = (live.status ?? {}) as Record<string, unknown>;
  return Object.entries(wanted).some(([k, v]) => !deepEqual(status[k], v));
}

/** Admission failures other than Invalid come back as kubectl shows server errors. */
function serverMessage(message: string): string {
  if (/^The \S+ "[^"]*" is invalid:/.test(message)) return message;
  if (message.startsWith('namespaces "') && message.endsWith('not found')) return `Error from server (NotFound): ${message}`;
  if (message.includes('is forbidden:')) return `Error from server (Forbidden): ${message}`;
  if (message.startsWith('no matches for kind')) return `error: ${message}`;
  return `Error from server: ${message}`;
}

function firstCausePath(message: string): string | undefined {
  const m = /is invalid: (?:\n\* )?([A-Za-z0-9_.[\]-]+): /.exec(message);
  return m?.[1];
}
