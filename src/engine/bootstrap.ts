import type { ApiServer } from './apiserver/apiServer';
import { KUBE_PROXY_CONFIGMAP, kubeProxyConfig } from './commands/proxyMode';
import { registeredNode } from './nodes/nodeDefaults';
import { ANN_DEFAULT_CLASS, LOCAL_PATH_PROVISIONER } from './controllers/volume/constants';

export const BUILTIN_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export function bootstrapMessage(nodes: number): string {
  return `Cluster created: control plane up, ${nodes} worker Node${nodes === 1 ? '' : 's'} joined`;
}

/**
 * What `kubeadm init` + `kubeadm join` leave behind, written as one Step: the built-in namespaces,
 * the `kubernetes` Service in front of the API server, the default StorageClass `standard` (kind's:
 * local-path volumes on the node the first consumer lands on), and the worker Nodes as their
 * kubelets register them.
 */
export function bootstrapCluster(api: ApiServer, nodes: number): void {
  for (const name of BUILTIN_NAMESPACES) api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } as never });
  api.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } } as never,
    spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], type: 'ClusterIP' },
  });
  api.create({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: KUBE_PROXY_CONFIGMAP.name, namespace: KUBE_PROXY_CONFIGMAP.namespace, labels: { app: 'kube-proxy' } } as never,
    data: { 'config.conf': kubeProxyConfig('iptables') },
  });
  api.create({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { [ANN_DEFAULT_CLASS]: 'true' } } as never,
    provisioner: LOCAL_PATH_PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  });
  for (let i = 0; i < nodes; i++) {
    const node = registeredNode(`node-${i + 1}`, i);
    node.spec = { podCIDR: `10.244.${i + 1}.0/24`, podCIDRs: [`10.244.${i + 1}.0/24`] };
    api.create(node);
  }
}
