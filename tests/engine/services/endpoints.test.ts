import { describe, expect, it } from 'vitest';
import type { EndpointSubset } from 'kubernetes-types/core/v1';
import { createCluster } from '../../../src/engine';
import { repack, truncateSubsets } from '../../../src/engine/controllers/endpoints/subsets';
import { runUntil } from '../helpers';
import { applyOk, deploymentYaml, podIP, podsOf, serviceYaml, slicesOf, type Obj } from './fixtures';

const subsets = (c: ReturnType<typeof createCluster>, name = 'web') => (c.get('Endpoints', name)?.subsets ?? []) as EndpointSubset[];
const ips = (list: EndpointSubset[], key: 'addresses' | 'notReadyAddresses') => list.flatMap((s) => (s[key] ?? []).map((a) => a.ip));

describe('endpoint-controller (legacy v1 Endpoints)', () => {
  it('writes ready Pods under addresses and the others under notReadyAddresses, with the resolved port', () => {
    const c = createCluster();
    applyOk(c, [
      deploymentYaml({ name: 'good', app: 'web', replicas: 2 }),
      deploymentYaml({ name: 'bad', app: 'web', replicas: 1, command: 'sleep 3600' }),
      serviceYaml({ labels: '{tier: front}', ports: '[{name: http, port: 80, targetPort: http}]' }),
    ].join('---\n'));
    runUntil(c, () => ips(subsets(c), 'addresses').length === 2 && ips(subsets(c), 'notReadyAddresses').length === 1);
    const ep = c.get('Endpoints', 'web')!;
    expect(ep.metadata.labels).toEqual({ tier: 'front' });
    expect(ep.metadata.ownerReferences).toBeUndefined();
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(/^2025-01-01T09:00:\d\dZ$/);
    const [subset, ...rest] = subsets(c);
    expect(rest).toEqual([]);
    expect(subset.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    const good = podsOf(c, 'web').filter((p) => p.metadata.name.startsWith('good'));
    const bad = podsOf(c, 'web').find((p) => p.metadata.name.startsWith('bad'))!;
    expect(subset.addresses).toEqual(good.map((p) => ({ ip: podIP(p), nodeName: (p.spec as Obj).nodeName,
      targetRef: { kind: 'Pod', namespace: 'default', name: p.metadata.name, uid: p.metadata.uid } }))
      .sort((a, b) => (a.ip! < b.ip! ? -1 : 1)));
    expect(subset.notReadyAddresses?.map((a) => a.targetRef?.name)).toEqual([bad.metadata.name]);
  });

  it('drops a terminating Pod at once (EndpointSlices keep it, marked terminating)', () => {
    const c = createCluster();
    applyOk(c, deploymentYaml({ replicas: 2 }) + '---\n' + serviceYaml());
    runUntil(c, () => ips(subsets(c), 'addresses').length === 2);
    const victim = podsOf(c, 'web')[0];
    c.delete('Pod', victim.metadata.name);
    runUntil(c, () => !ips(subsets(c), 'addresses').includes(podIP(victim)!) && !ips(subsets(c), 'notReadyAddresses').includes(podIP(victim)!));
    expect(c.get('Pod', victim.metadata.name)?.metadata.deletionTimestamp).toBeDefined();
    runUntil(c, () => slicesOf(c, 'web').some((s) => s.endpoints.some((e) => e.targetRef?.name === victim.metadata.name && e.conditions?.terminating)));
  });

  it('lists addresses without ports for a headless Service without ports, with the headless label and hostnames', () => {
    const c = createCluster();
    applyOk(c, `apiVersion: v1
kind: Service
metadata: {name: nginx}
spec:
  clusterIP: None
  selector: {app: nginx}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 2
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers: [{name: nginx, image: 'nginx:1.27'}]
`);
    runUntil(c, () => ips(subsets(c, 'nginx'), 'addresses').length === 2);
    const ep = c.get('Endpoints', 'nginx')!;
    expect(ep.metadata.labels).toEqual({ 'service.kubernetes.io/headless': '' });
    const [subset] = subsets(c, 'nginx');
    expect(subset.ports).toBeUndefined();
    expect(subset.addresses!.map((a) => a.hostname).sort()).toEqual(['web-0', 'web-1']);
    expect(slicesOf(c, 'nginx')[0].metadata.labels?.['service.kubernetes.io/headless']).toBe('');
  });

  it('goes away with its Service and comes back when deleted by hand', () => {
    const c = createCluster();
    applyOk(c, deploymentYaml({ replicas: 1 }) + '---\n' + serviceYaml());
    runUntil(c, () => ips(subsets(c), 'addresses').length === 1);
    const uid = c.get('Endpoints', 'web')!.metadata.uid;
    c.delete('Endpoints', 'web');
    runUntil(c, () => !!c.get('Endpoints', 'web'));
    expect(c.get('Endpoints', 'web')!.metadata.uid).not.toBe(uid);
    expect(ips(subsets(c), 'addresses')).toHaveLength(1);
    c.delete('Service', 'web');
    runUntil(c, () => !c.get('Endpoints', 'web'));
    expect(c.steps.findLast((s) => s.actor === 'endpoint-controller')!.message).toContain('deleted');
  });

  it('shows an empty Endpoints (no subsets) for a Service that selects nothing', () => {
    const c = createCluster();
    applyOk(c, serviceYaml());
    c.advance(1_000);
    const ep = c.get('Endpoints', 'web')!;
    expect(ep.subsets).toBeUndefined();
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toBe(c.get('Service', 'web')!.metadata.creationTimestamp);
  });
});

describe('Endpoints subsets (upstream RepackSubsets, truncateEndpoints)', () => {
  const addr = (ip: string) => ({ ip, targetRef: { kind: 'Pod', name: ip, uid: ip } });
  const http = { name: 'http', port: 8080, protocol: 'TCP' };
  const metrics = { name: 'metrics', port: 9090, protocol: 'TCP' };

  it('puts ports reaching the same addresses in one subset and splits the others', () => {
    const out = repack([
      { address: addr('10.244.1.5'), ready: true, port: http }, { address: addr('10.244.1.5'), ready: true, port: metrics },
      { address: addr('10.244.1.12'), ready: true, port: http }, { address: addr('10.244.1.12'), ready: true, port: metrics },
      { address: addr('10.244.2.7'), ready: false, port: http },
    ]);
    expect(out).toEqual([
      { addresses: [addr('10.244.1.12'), addr('10.244.1.5')], notReadyAddresses: [addr('10.244.2.7')], ports: [http] },
      { addresses: [addr('10.244.1.12'), addr('10.244.1.5')], ports: [metrics] },
    ]);
  });

  it('truncates over 1000 addresses, not-ready ones first, and says so', () => {
    const many = (n: number, ready: boolean) => Array.from({ length: n }, (_, i) => ({ address: addr(`10.1.${Math.floor(i / 250)}.${i % 250}`), ready, port: http }));
    const readyOnly = repack(many(999, true));
    expect(truncateSubsets(readyOnly)).toBe(false);
    const over = repack([...many(900, true), ...many(300, false).map((e) => ({ ...e, address: addr(`10.2.${e.address.ip.slice(5)}`) }))]);
    expect(truncateSubsets(over)).toBe(true);
    expect(over.flatMap((s) => s.addresses ?? [])).toHaveLength(900);
    expect(over.flatMap((s) => s.notReadyAddresses ?? [])).toHaveLength(100);
  });
});
