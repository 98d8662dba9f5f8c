/**
 * Networking benchmarks in plain Node: kube-proxy rule rendering for 1,000 Services × 10
 * endpoints (iptables and ipvs), and the traffic simulation at 1,000 requests per virtual second.
 */
import { performance } from 'node:perf_hooks';
import { createCluster, type KubeObject } from '../src/engine';
import { buildProxyModel } from '../src/engine/proxy/model';
import { renderIptables } from '../src/engine/proxy/iptables';
import { renderIpvs } from '../src/engine/proxy/ipvs';
import { servicePortInfos } from '../src/engine/proxy/serviceMap';

function service(i: number): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: `svc-${i}`, namespace: 'default', uid: `uid-${i}`, resourceVersion: '1', creationTimestamp: '2025-01-01T09:00:00Z' },
    spec: { type: 'ClusterIP', clusterIP: `10.96.${(i >> 8) & 255}.${i & 255}`, sessionAffinity: 'None', ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }] },
  };
}

function slice(i: number, endpoints: number): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
    metadata: { name: `svc-${i}-x`, namespace: 'default', uid: `s-${i}`, resourceVersion: '1', creationTimestamp: '2025-01-01T09:00:00Z',
      labels: { 'kubernetes.io/service-name': `svc-${i}`, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' } },
    addressType: 'IPv4',
    ports: [{ name: '', port: 8080, protocol: 'TCP' }],
    endpoints: Array.from({ length: endpoints }, (_, e) => ({
      addresses: [`10.244.${(i * endpoints + e) >> 8 & 255}.${(i * endpoints + e) & 255}`],
      conditions: { ready: true, serving: true, terminating: false }, nodeName: 'node-1',
    })),
  };
}

function rules(services: number, endpoints: number) {
  const infos = Array.from({ length: services }, (_, i) => servicePortInfos(service(i), [slice(i, endpoints)])).flat();
  const result: Record<string, number> = {};
  for (const mode of ['iptables', 'ipvs'] as const) {
    for (let run = 0; run < 2; run++) {
      const t0 = performance.now();
      const model = buildProxyModel({ mode, node: 'node-1', nodeIPs: ['172.18.0.2'], clusterCIDR: '10.244.0.0/16', servicePorts: infos });
      const text = mode === 'iptables' ? renderIptables(model) : renderIpvs(model);
      const ms = performance.now() - t0;
      result[`${mode}${run === 0 ? 'Cold' : 'Warm'}Ms`] = Math.round(ms);
      result[`${mode}Lines`] = text.split('\n').length;
    }
  }
  return { services, endpointsPerService: endpoints, ...result };
}

function traffic(rate: number, seconds: number) {
  const c = createCluster({ seed: 1 });
  c.apply(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 5
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: "nginx:1.27", ports: [{containerPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`);
  c.advance(30_000);
  const started = c.startTraffic({ service: 'web', ratePerSecond: rate });
  if (!started.ok) throw new Error(started.message);
  const t0 = performance.now();
  c.advance(seconds * 1000);
  const ms = performance.now() - t0;
  return { requestsPerVirtualSecond: rate, virtualSeconds: seconds, msPerVirtualSecond: Math.round((ms / seconds) * 100) / 100 };
}

console.log(JSON.stringify({ network: { rules: rules(1000, 10), traffic: traffic(1000, 60) } }));
