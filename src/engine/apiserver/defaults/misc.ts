/**
 * Defaults of the remaining kinds: Namespace, Secret, Node, LimitRange, ResourceQuota, Endpoints,
 * EndpointSlice, HPA, NetworkPolicy, RBAC bindings, PriorityClass.
 * upstream: pkg/apis/{core,autoscaling,networking,rbac,scheduling,discovery}/<version>/defaults.go,
 * pkg/registry/core/namespace/strategy.go
 */
import { defaultResourceList } from './podSpec';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

export function defaultNamespace(obj: Obj): void {
  const name = obj.metadata?.name;
  if (name) obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name };
  obj.spec ??= {};
  // upstream: the namespace strategy adds the `kubernetes` finalizer on create
  if (!Array.isArray(obj.spec.finalizers)) obj.spec.finalizers = ['kubernetes'];
  else if (!obj.spec.finalizers.includes('kubernetes')) obj.spec.finalizers.push('kubernetes');
  obj.status ??= {};
  obj.status.phase ||= 'Active';
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 of a string's UTF-8 bytes. */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return out;
}

/** upstream: stringData is write-only — the conversion merges it into data (base64), overriding same keys. */
export function defaultSecret(obj: Obj): void {
  obj.type ||= 'Opaque';
  if (obj.stringData && typeof obj.stringData === 'object') {
    obj.data = { ...(obj.data ?? {}) };
    for (const [k, v] of Object.entries(obj.stringData)) obj.data[k] = base64Utf8(String(v ?? ''));
    delete obj.stringData;
  }
}

export function defaultNode(obj: Obj): void {
  const status = obj.status;
  if (!status || typeof status !== 'object') return;
  defaultResourceList(status.capacity);
  defaultResourceList(status.allocatable);
  if (status.allocatable == null && status.capacity) status.allocatable = { ...status.capacity };
}

export function defaultLimitRange(obj: Obj): void {
  for (const item of obj.spec?.limits ?? []) {
    if (!item || typeof item !== 'object') continue;
    for (const key of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) defaultResourceList(item[key]);
    if (item.type !== 'Container') continue;
    // upstream: default limit ← max; default request ← default limit, else ← min
    item.default ??= {};
    item.defaultRequest ??= {};
    for (const [k, v] of Object.entries(item.max ?? {})) if (!(k in item.default)) item.default[k] = v;
    for (const [k, v] of Object.entries(item.default)) if (!(k in item.defaultRequest)) item.defaultRequest[k] = v;
    for (const [k, v] of Object.entries(item.min ?? {})) if (!(k in item.defaultRequest)) item.defaultRequest[k] = v;
  }
}

export function defaultResourceQuota(obj: Obj): void {
  defaultResourceList(obj.spec?.hard);
}

export function defaultEndpoints(obj: Obj): void {
  for (const subset of obj.subsets ?? []) for (const p of subset?.ports ?? []) if (p) p.protocol ||= 'TCP';
}

export function defaultEndpointSlice(obj: Obj): void {
  for (const p of obj.ports ?? []) {
    if (!p) continue;
    p.name ??= '';
    p.protocol ??= 'TCP';
  }
}

function scalingRules(given: Obj | undefined, defaults: Obj): Obj {
  if (!given) return defaults;
  return {
    ...given,
    ...(given.stabilizationWindowSeconds == null && defaults.stabilizationWindowSeconds != null
      ? { stabilizationWindowSeconds: defaults.stabilizationWindowSeconds } : {}),
    selectPolicy: given.selectPolicy ?? defaults.selectPolicy,
    policies: given.policies ?? defaults.policies,
  };
}

/** autoscaling/v2: minReplicas 1, CPU 80% when no metrics, behavior gaps filled (upstream GenerateHPAScale*Rules). */
export function defaultHorizontalPodAutoscaler(obj: Obj): void {
  const s: Obj = (obj.spec ??= {});
  s.minReplicas ??= 1;
  if (obj.apiVersion !== 'autoscaling/v2') return;
  if (!Array.isArray(s.metrics) || s.metrics.length === 0) {
    s.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  }
  if (s.behavior) {
    s.behavior.scaleUp = scalingRules(s.behavior.scaleUp, {
      stabilizationWindowSeconds: 0, selectPolicy: 'Max',
      policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }],
    });
    s.behavior.scaleDown = scalingRules(s.behavior.scaleDown, {
      selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
    });
  }
}

export function defaultNetworkPolicy(obj: Obj): void {
  const s: Obj = (obj.spec ??= {});
  for (const rule of [...(s.ingress ?? []), ...(s.egress ?? [])]) for (const p of rule?.ports ?? []) if (p) p.protocol ??= 'TCP';
  if (!Array.isArray(s.policyTypes) || s.policyTypes.length === 0) {
    // upstream: a policy naming no policyTypes is Ingress, plus Egress when it has egress rules
    s.policyTypes = Array.isArray(s.egress) && s.egress.length ? ['Ingress', 'Egress'] : ['Ingress'];
  }
}

export function defaultRoleBinding(obj: Obj): void {
  if (obj.roleRef && !obj.roleRef.apiGroup) obj.roleRef.apiGroup = 'rbac.authorization.k8s.io';
  for (const subject of obj.subjects ?? []) {
    if (!subject || subject.apiGroup) continue;
    // upstream: ServiceAccount subjects keep the core group, which serializes as an omitted apiGroup
    if (subject.kind === 'User' || subject.kind === 'Group') subject.apiGroup = 'rbac.authorization.k8s.io';
  }
}

export function defaultPriorityClass(obj: Obj): void {
  obj.preemptionPolicy ??= 'PreemptLowerPriority';
}
