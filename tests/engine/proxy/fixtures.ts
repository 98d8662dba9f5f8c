import type { KubeObject } from '../../../src/engine/api';

/** A Service as the API server stores it (defaults and allocations applied). */
export function service(name: string, spec: Record<string, unknown>, namespace = 'default', status?: object): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name, namespace, uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: '2025-01-01T09:00:00Z' },
    spec: { type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ...spec },
    ...(status ? { status } : {}),
  };
}

export interface EndpointFixture {
  ip: string;
  node?: string;
  pod?: string;
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

/** An EndpointSlice as the endpointslice controller writes it (§10), built by hand. */
export function slice(svc: string, ports: { name?: string; port: number; protocol?: string }[], endpoints: EndpointFixture[],
  namespace = 'default', suffix = 'abcde'): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
    metadata: {
      name: `${svc}-${suffix}`, namespace, uid: `uid-${svc}-${suffix}`, resourceVersion: '1', creationTimestamp: '2025-01-01T09:00:00Z',
      labels: { 'kubernetes.io/service-name': svc, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
    },
    addressType: 'IPv4',
    ports: ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
    endpoints: endpoints.map((e) => {
      const ready = e.ready ?? true;
      return {
        addresses: [e.ip],
        conditions: { ready, serving: e.serving ?? ready, terminating: e.terminating ?? false },
        ...(e.node ? { nodeName: e.node } : {}),
        ...(e.pod ? { targetRef: { kind: 'Pod', name: e.pod, namespace } } : {}),
      };
    }),
  };
}
