/**
 * The words that stay English in the Chinese UI, and the test of a text for English left behind.
 * Pure (no DOM): the catalog test, the source check (`tests/i18n/untranslated.test.ts`) and the
 * browser sweep (`tests/e2e/untranslatedSweep.ts`) all read it.
 *
 * Matching is exact and case-sensitive (`Pod`, not `pods`): Chinese text does not pluralise a kept
 * term, so an English plural ("3 Pods") is English left behind.
 */

/**
 * Kubernetes kinds, components, tools and field names that Chinese Kubernetes docs
 * (kubernetes.io/zh-cn) keep in English. A translation keeps them as written.
 */
export const KEPT_TERMS: readonly string[] = [
  // kinds
  'Pod', 'Node', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service',
  'EndpointSlice', 'Endpoints', 'ConfigMap', 'Secret', 'PVC', 'PV', 'PersistentVolumeClaim', 'PersistentVolume',
  'StorageClass', 'VolumeAttachment', 'Namespace', 'HPA', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'PDB',
  'ServiceAccount', 'ControllerRevision', 'ResourceQuota', 'LimitRange', 'Ingress', 'NetworkPolicy', 'Lease',
  // components and tools
  'Kubernetes', 'kubelet', 'kube-proxy', 'kube-scheduler', 'kube-controller-manager', 'kube-apiserver', 'kubectl',
  'etcd', 'CoreDNS', 'crictl', 'iptables', 'IPVS', 'ipvs', 'Monaco',
  // field names and values a learner types as they are
  'maxSurge', 'maxUnavailable', 'READY', 'ownerReferences', 'ClusterIP', 'NodePort', 'LoadBalancer',
  // acronyms and formats
  'DNS', 'YAML', 'JSON', 'CPU', 'IP', 'URL', 'API', 'TCP', 'UDP', 'SCTP', 'HTTP', 'HTTPS',
];

/**
 * Latin tokens the checks tolerate besides the kept terms: the name of the other language on the
 * language switch, and units that follow numbers.
 */
export const ALLOWED_LATIN: readonly string[] = [
  'English',
  'ms', 'Ki', 'Mi', 'Gi', 'Ti', 'KiB', 'MiB', 'GiB', 'px',
];

const ALLOWED = new Set<string>([...KEPT_TERMS, ...ALLOWED_LATIN]);

/** Chinese characters (CJK ideographs). Full-width punctuation alone does not make a text Chinese. */
export const CHINESE_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/**
 * Tokens: runs of Latin letters and digits, joined by inner `-`, `'` or `’` (`kube-proxy`, `don't`).
 * A token with a digit is data (`node-1`, `500m`, `v1`, `10s`); a single letter is a symbol or a
 * unit (`t = 3s`, `×`, `m`); everything else is a word.
 */
const TOKEN = /[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*/g;

/** The Latin words of a text that are neither kept terms nor allowed tokens, in order. */
export function untranslatedWords(text: string): string[] {
  const words: string[] = [];
  for (const [token] of text.matchAll(TOKEN)) {
    if (/\d/.test(token) || token.length < 2) continue;
    if (!ALLOWED.has(token)) words.push(token);
  }
  return words;
}

/** True when a text is English left behind: a Latin word that is not kept, and no Chinese at all. */
export function isUntranslated(text: string): boolean {
  return !CHINESE_CHAR.test(text) && untranslatedWords(text).length > 0;
}
