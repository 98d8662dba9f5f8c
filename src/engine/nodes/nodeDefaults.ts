import type { KubeObject } from '../api';

/** The playground's worker Node size: 4 CPU, 8Gi, 110 pods (kubelet maxPods). */
export const DEFAULT_NODE_CAPACITY = {
  cpu: '4',
  memory: '8Gi',
  pods: '110',
  'ephemeral-storage': '100Gi',
  'hugepages-1Gi': '0',
  'hugepages-2Mi': '0',
};

/** The labels a kubelet registers its Node with. */
export function kubeletNodeLabels(name: string): Record<string, string> {
  return {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
}

/** Node InternalIPs come from the nodes' own network, like kind's 172.18.0.0/16. */
export function nodeInternalIP(index: number): string {
  return `172.18.0.${index + 2}`;
}

/** A Node object as a kubelet registers it (the kubelet then posts conditions and node info). */
export function registeredNode(name: string, index: number): Partial<KubeObject> & { kind: string; apiVersion: string } {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: kubeletNodeLabels(name) } as KubeObject['metadata'],
    spec: {},
    status: {
      capacity: { ...DEFAULT_NODE_CAPACITY },
      allocatable: { ...DEFAULT_NODE_CAPACITY },
      addresses: [{ type: 'InternalIP', address: nodeInternalIP(index) }, { type: 'Hostname', address: name }],
    },
  };
}

/**
 * What a Node applied from a manifest gets that a kubelet would have registered: its standard
 * labels, addresses, and capacity unless the manifest states one.
 */
export function completeNodeRegistration(node: KubeObject, index: number): KubeObject {
  const status = { ...((node.status as Record<string, unknown>) ?? {}) };
  const capacity = (status.capacity as Record<string, string>) ?? { ...DEFAULT_NODE_CAPACITY };
  status.capacity = capacity;
  status.allocatable = status.allocatable ?? { ...capacity };
  status.addresses = status.addresses ?? [{ type: 'InternalIP', address: nodeInternalIP(index) },
    { type: 'Hostname', address: node.metadata.name }];
  return {
    ...node,
    metadata: { ...node.metadata, labels: { ...kubeletNodeLabels(node.metadata.name), ...(node.metadata.labels ?? {}) } },
    status,
  };
}
