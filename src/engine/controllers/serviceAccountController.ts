import type { Controller } from './types';

/** serviceaccount-controller: every active namespace has a `default` ServiceAccount. */
export const serviceAccountController: Controller = {
  name: 'serviceaccount-controller',
  watches: [
    { kind: 'Namespace', map: (ns) => [ns.metadata.name] },
    { kind: 'ServiceAccount', map: (sa) => (sa.metadata.name === 'default' ? [sa.metadata.namespace ?? ''] : []) },
  ],
  reconcile(namespace, ctx) {
    const ns = ctx.get('Namespace', namespace);
    if (!ns || ns.metadata.deletionTimestamp || ctx.get('ServiceAccount', 'default', namespace)) return;
    ctx.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } as never },
      `Created ServiceAccount ${namespace}/default`);
  },
};

/** A stand-in cluster CA: a well-formed PEM block whose content is fixed, so runs stay identical. */
const CLUSTER_CA = [
  '-----BEGIN CERTIFICATE-----',
  'MIIDBTCCAe2gAwIBAgIIKubePlaygroundMA0GCSqGSIb3DQEBCwUAMBUxEzARBgNV',
  'BAMTCmt1YmVybmV0ZXMwHhcNMjUwMTAxMDkwMDAwWhcNMzUwMTAxMDkwMDAwWjAV',
  'MRMwEQYDVQQDEwprdWJlcm5ldGVzMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIB',
  '-----END CERTIFICATE-----',
  '',
].join('\n');

/** root-ca-cert-publisher: every namespace has the `kube-root-ca.crt` ConfigMap Pods mount. */
export const rootCaCertPublisher: Controller = {
  name: 'root-ca-cert-publisher',
  watches: [
    { kind: 'Namespace', map: (ns) => [ns.metadata.name] },
    { kind: 'ConfigMap', map: (cm) => (cm.metadata.name === 'kube-root-ca.crt' ? [cm.metadata.namespace ?? ''] : []) },
  ],
  reconcile(namespace, ctx) {
    const ns = ctx.get('Namespace', namespace);
    if (!ns || ns.metadata.deletionTimestamp || ctx.get('ConfigMap', 'kube-root-ca.crt', namespace)) return;
    ctx.create({
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: { name: 'kube-root-ca.crt', namespace, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } } as never,
      data: { 'ca.crt': CLUSTER_CA },
    }, `Published ConfigMap ${namespace}/kube-root-ca.crt`);
  },
};
