/**
 * Quota evaluators: per kind, which quota names it charges, how much an object uses, and which
 * operations admission checks. Pods, Services and PersistentVolumeClaims have their own; every
 * other namespaced kind is counted by `count/<resource>[.<group>]` (plus the legacy names
 * `configmaps`, `secrets`, `replicationcontrollers`, `resourcequotas`).
 * upstream: pkg/quota/v1/evaluator/core/{pods,services,persistent_volume_claims,registry}.go,
 * staging/src/k8s.io/apiserver/pkg/quota/v1/generic/evaluator.go
 */
import type { PersistentVolumeClaim, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { allKinds, kindInfo } from '../kinds';
import { parse, quantityOf, ZERO, type Quantity, type ResourceList } from './quantities';
import type { Evaluator } from './evaluator';
import { podEvaluator } from './podEvaluator';

export type { Evaluator, Operation } from './evaluator';
export { podEvaluator } from './podEvaluator';

const ONE = quantityOf(1);
const STORAGE_CLASS_SUFFIX = '.storageclass.storage.k8s.io/';

const SERVICE_RESOURCES = ['count/services', 'services', 'services.loadbalancers', 'services.nodeports'];

export const serviceEvaluator: Evaluator = {
  kind: 'Service',
  // upstream: updates too, since a Service's type can change
  handles: () => true,
  matchingResources: (names) => names.filter((n) => SERVICE_RESOURCES.includes(n)),
  usage(obj) {
    const spec = ((obj as Service).spec ?? {}) as NonNullable<Service['spec']>;
    const ports = spec.ports ?? [];
    const out: ResourceList = { 'count/services': ONE, services: ONE, 'services.loadbalancers': ZERO, 'services.nodeports': ZERO };
    if (spec.type === 'NodePort') out['services.nodeports'] = quantityOf(ports.length);
    if (spec.type === 'LoadBalancer') {
      // upstream: without node ports allocated for the load balancer, only explicit nodePorts count
      const explicit = ports.filter((p) => p.nodePort).length;
      out['services.nodeports'] = quantityOf(spec.allocateLoadBalancerNodePorts === false ? explicit : ports.length);
      out['services.loadbalancers'] = ONE;
    }
    return out;
  },
  matchesScope: () => false,
};

/** The claim's class: the beta annotation wins over spec.storageClassName. */
function claimClass(pvc: PersistentVolumeClaim): string {
  return pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? '';
}

export const claimEvaluator: Evaluator = {
  kind: 'PersistentVolumeClaim',
  handles: () => true,
  matchingResources: (names) => names.filter((n) => ['count/persistentvolumeclaims', 'persistentvolumeclaims', 'requests.storage'].includes(n) ||
    n.endsWith(`${STORAGE_CLASS_SUFFIX}persistentvolumeclaims`) || n.endsWith(`${STORAGE_CLASS_SUFFIX}requests.storage`)),
  usage(obj) {
    const pvc = obj as KubeObject & PersistentVolumeClaim;
    const out: ResourceList = { persistentvolumeclaims: ONE, 'count/persistentvolumeclaims': ONE };
    const cls = claimClass(pvc);
    if (cls) out[`${cls}${STORAGE_CLASS_SUFFIX}persistentvolumeclaims`] = ONE;
    const storage = parse(pvc.spec?.resources?.requests?.storage);
    if (storage) {
      // upstream: storage is charged in whole bytes
      const whole = storage.exp >= 0 ? storage : roundUpToUnit(storage);
      out['requests.storage'] = whole;
      if (cls) out[`${cls}${STORAGE_CLASS_SUFFIX}requests.storage`] = whole;
    }
    return out;
  },
  matchesScope: () => false,
};

function roundUpToUnit(q: Quantity): Quantity {
  const f = 10n ** BigInt(-q.exp);
  const whole = q.value / f + (q.value % f === 0n ? 0n : 1n);
  return { value: whole, exp: 0, format: q.format };
}

/** Legacy object-count names of the core kinds that have one. */
const LEGACY_COUNT: Record<string, string> = {
  ConfigMap: 'configmaps', Secret: 'secrets', ReplicationController: 'replicationcontrollers', ResourceQuota: 'resourcequotas',
};

/** `count/pods`, `count/deployments.apps`: the object-count name of a kind. */
export function countName(kind: string): string | undefined {
  const info = kindInfo(kind);
  if (!info?.namespaced) return undefined;
  return `count/${info.plural}${info.group ? `.${info.group}` : ''}`;
}

function countEvaluator(kind: string): Evaluator | undefined {
  const name = countName(kind);
  if (!name) return undefined;
  const names = [name, ...(LEGACY_COUNT[kind] ? [LEGACY_COUNT[kind]] : [])];
  return {
    kind,
    handles: (op) => op === 'create',
    matchingResources: (input) => input.filter((n) => names.includes(n)),
    usage: () => Object.fromEntries(names.map((n) => [n, ONE])),
    matchesScope: () => false,
  };
}

const BUILTIN: Record<string, Evaluator> = { Pod: podEvaluator, Service: serviceEvaluator, PersistentVolumeClaim: claimEvaluator };
const generic = new Map<string, Evaluator | undefined>();

export function evaluatorFor(kind: string): Evaluator | undefined {
  if (BUILTIN[kind]) return BUILTIN[kind];
  if (!generic.has(kind)) generic.set(kind, countEvaluator(kind));
  return generic.get(kind);
}

/** Kinds whose object counts a name such as `count/deployments.apps` or `configmaps` stands for. */
function kindsNamedBy(name: string): string[] {
  const legacy = Object.entries(LEGACY_COUNT).find(([, n]) => n === name);
  if (legacy) return [legacy[0]];
  if (!name.startsWith('count/')) return [];
  return [...new Set(allKinds().filter((k) => k.namespaced && countName(k.kind) === name).map((k) => k.kind))];
}

/** The evaluators that track at least one of `names` (a quota's hard resources). */
export function evaluatorsFor(names: string[]): Evaluator[] {
  const out: Evaluator[] = [podEvaluator, serviceEvaluator, claimEvaluator].filter((e) => e.matchingResources(names).length);
  for (const kind of [...new Set(names.flatMap(kindsNamedBy))].sort()) {
    const e = evaluatorFor(kind);
    if (e && !out.includes(e)) out.push(e);
  }
  return out;
}
