/**
 * The built-in kinds a Kubernetes 1.31 API server serves (its discovery document), and how
 * kubectl resolves the names a learner types (`po`, `deploy`, `deployments.apps`).
 * Versions removed by 1.31 (extensions/v1beta1, apps/v1beta2, batch/v1beta1, policy/v1beta1,
 * autoscaling/v2beta2, networking.k8s.io/v1beta1, flowcontrol v1beta2, …) are deliberately absent,
 * and beta versions that are off by default are not served either.
 */

export interface KindInfo {
  kind: string;
  group: string;
  version: string;
  apiVersion: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
}

/** [Kind, plural, namespaced, shortNames] */
type Row = [string, string, boolean, string[]?];

/** Group versions in discovery order; within a group the first version listed is the preferred one. */
const SERVED: [string, Row[]][] = [
  ['v1', [
    ['Binding', 'bindings', true], ['ComponentStatus', 'componentstatuses', false, ['cs']],
    ['ConfigMap', 'configmaps', true, ['cm']], ['Endpoints', 'endpoints', true, ['ep']],
    ['Event', 'events', true, ['ev']], ['LimitRange', 'limitranges', true, ['limits']],
    ['Namespace', 'namespaces', false, ['ns']], ['Node', 'nodes', false, ['no']],
    ['PersistentVolumeClaim', 'persistentvolumeclaims', true, ['pvc']],
    ['PersistentVolume', 'persistentvolumes', false, ['pv']], ['Pod', 'pods', true, ['po']],
    ['PodTemplate', 'podtemplates', true], ['ReplicationController', 'replicationcontrollers', true, ['rc']],
    ['ResourceQuota', 'resourcequotas', true, ['quota']], ['Secret', 'secrets', true],
    ['ServiceAccount', 'serviceaccounts', true, ['sa']], ['Service', 'services', true, ['svc']],
  ]],
  ['apiregistration.k8s.io/v1', [['APIService', 'apiservices', false]]],
  ['apps/v1', [
    ['ControllerRevision', 'controllerrevisions', true], ['DaemonSet', 'daemonsets', true, ['ds']],
    ['Deployment', 'deployments', true, ['deploy']], ['ReplicaSet', 'replicasets', true, ['rs']],
    ['StatefulSet', 'statefulsets', true, ['sts']],
  ]],
  ['events.k8s.io/v1', [['Event', 'events', true, ['ev']]]],
  ['authentication.k8s.io/v1', [['SelfSubjectReview', 'selfsubjectreviews', false], ['TokenReview', 'tokenreviews', false]]],
  ['authorization.k8s.io/v1', [
    ['LocalSubjectAccessReview', 'localsubjectaccessreviews', true],
    ['SelfSubjectAccessReview', 'selfsubjectaccessreviews', false],
    ['SelfSubjectRulesReview', 'selfsubjectrulesreviews', false],
    ['SubjectAccessReview', 'subjectaccessreviews', false],
  ]],
  ['autoscaling/v2', [['HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, ['hpa']]]],
  ['autoscaling/v1', [['HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, ['hpa']]]],
  ['batch/v1', [['CronJob', 'cronjobs', true, ['cj']], ['Job', 'jobs', true]]],
  ['certificates.k8s.io/v1', [['CertificateSigningRequest', 'certificatesigningrequests', false, ['csr']]]],
  ['networking.k8s.io/v1', [
    ['IngressClass', 'ingressclasses', false], ['Ingress', 'ingresses', true, ['ing']],
    ['NetworkPolicy', 'networkpolicies', true, ['netpol']],
  ]],
  ['policy/v1', [['PodDisruptionBudget', 'poddisruptionbudgets', true, ['pdb']]]],
  ['rbac.authorization.k8s.io/v1', [
    ['ClusterRoleBinding', 'clusterrolebindings', false], ['ClusterRole', 'clusterroles', false],
    ['RoleBinding', 'rolebindings', true], ['Role', 'roles', true],
  ]],
  ['storage.k8s.io/v1', [
    ['CSIDriver', 'csidrivers', false], ['CSINode', 'csinodes', false],
    ['CSIStorageCapacity', 'csistoragecapacities', true], ['StorageClass', 'storageclasses', false, ['sc']],
    ['VolumeAttachment', 'volumeattachments', false],
  ]],
  ['admissionregistration.k8s.io/v1', [
    ['MutatingWebhookConfiguration', 'mutatingwebhookconfigurations', false],
    ['ValidatingAdmissionPolicy', 'validatingadmissionpolicies', false],
    ['ValidatingAdmissionPolicyBinding', 'validatingadmissionpolicybindings', false],
    ['ValidatingWebhookConfiguration', 'validatingwebhookconfigurations', false],
  ]],
  ['apiextensions.k8s.io/v1', [['CustomResourceDefinition', 'customresourcedefinitions', false, ['crd', 'crds']]]],
  ['scheduling.k8s.io/v1', [['PriorityClass', 'priorityclasses', false, ['pc']]]],
  ['coordination.k8s.io/v1', [['Lease', 'leases', true]]],
  ['node.k8s.io/v1', [['RuntimeClass', 'runtimeclasses', false]]],
  ['discovery.k8s.io/v1', [['EndpointSlice', 'endpointslices', true]]],
  // upstream: flowcontrol v1beta3 is still served (deprecated) in 1.31 and removed in 1.32
  ['flowcontrol.apiserver.k8s.io/v1', [
    ['FlowSchema', 'flowschemas', false], ['PriorityLevelConfiguration', 'prioritylevelconfigurations', false],
  ]],
  ['flowcontrol.apiserver.k8s.io/v1beta3', [
    ['FlowSchema', 'flowschemas', false], ['PriorityLevelConfiguration', 'prioritylevelconfigurations', false],
  ]],
];

function toInfo(apiVersion: string, [kind, plural, namespaced, shortNames = []]: Row): KindInfo {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  return Object.freeze({ kind, group, version, apiVersion, plural, singular: kind.toLowerCase(), namespaced, shortNames });
}

const ALL: KindInfo[] = SERVED.flatMap(([gv, rows]) => rows.map((r) => toInfo(gv, r)));
const BY_GVK = new Map(ALL.map((k) => [`${k.apiVersion}|${k.kind}`, k]));

/** The preferred version of each kind; where two groups share a Kind name, the core group wins. */
const PREFERRED = new Map<string, KindInfo>();
const PREFERRED_GROUP_KIND = new Map<string, KindInfo>();
for (const k of ALL) {
  if (!PREFERRED_GROUP_KIND.has(`${k.group}|${k.kind}`)) PREFERRED_GROUP_KIND.set(`${k.group}|${k.kind}`, k);
  if (!PREFERRED.has(k.kind)) PREFERRED.set(k.kind, k);
}
const PREFERRED_LIST = [...PREFERRED_GROUP_KIND.values()];

/** The kind as served at exactly this apiVersion, or undefined (removed or unknown version). */
export function lookupKind(apiVersion: string, kind: string): KindInfo | undefined {
  return BY_GVK.get(`${apiVersion}|${kind}`);
}

/** The preferred KindInfo for a Kind name such as 'Deployment'. */
export function kindInfo(kind: string): KindInfo | undefined {
  return PREFERRED.get(kind);
}

export function allKinds(): KindInfo[] {
  return [...ALL];
}

function matchesName(k: KindInfo, name: string): boolean {
  const lower = name.toLowerCase();
  return k.plural === lower || k.singular === lower || k.shortNames.includes(lower);
}

/**
 * Resolves a resource name as kubectl does: 'pods', 'po', 'pod', 'Pod', 'deploy',
 * 'deployments.apps', 'deployment.v1.apps' → the preferred version's KindInfo.
 */
export function resolveKindName(name: string): KindInfo | undefined {
  const trimmed = name.trim();
  const dot = trimmed.indexOf('.');
  if (dot < 0) return PREFERRED_LIST.find((k) => matchesName(k, trimmed));
  const resource = trimmed.slice(0, dot);
  const rest = trimmed.slice(dot + 1);
  // `resource.version.group` first (deployments.v1.apps), then `resource.group` (deployments.apps)
  const vDot = rest.indexOf('.');
  if (vDot > 0) {
    const version = rest.slice(0, vDot);
    const group = rest.slice(vDot + 1);
    const exact = ALL.find((k) => k.group === group && k.version === version && matchesName(k, resource));
    if (exact) return exact;
  }
  return PREFERRED_LIST.find((k) => k.group === rest && matchesName(k, resource));
}

/** `no matches for kind "CronJob" in version "batch/v1beta1"` */
export function noMatchMessage(apiVersion: string, kind: string): string {
  return `no matches for kind "${kind}" in version "${apiVersion}"`;
}

/** 'Deployment.apps' / 'Pod' — the qualified kind the API server puts in messages. */
export function qualifiedKind(info: KindInfo): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}
