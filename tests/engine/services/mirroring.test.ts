import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine';
import { runUntil } from '../helpers';
import { applyOk, eventsFor, slicesOf } from './fixtures';

const SERVICE = `apiVersion: v1
kind: Service
metadata: {name: db}
spec:
  ports: [{name: pg, port: 5432}]
`;
const endpoints = (addresses: string, notReady = '[]') => `apiVersion: v1
kind: Endpoints
metadata: {name: db, labels: {team: data}}
subsets:
- addresses: ${addresses}
  notReadyAddresses: ${notReady}
  ports: [{name: pg, port: 5432}]
`;

describe('endpointslicemirroring-controller', () => {
  it('mirrors hand-written Endpoints of a selector-less Service into an EndpointSlice', () => {
    const c = createCluster();
    applyOk(c, SERVICE + '---\n' + endpoints('[{ip: 192.168.1.10}, {ip: 192.168.1.11}]', '[{ip: 192.168.1.12}]'));
    runUntil(c, () => slicesOf(c, 'db').length === 1);
    const [slice] = slicesOf(c, 'db');
    const ep = c.get('Endpoints', 'db')!;
    expect(slice.metadata.generateName).toBe('db-');
    expect(slice.metadata.labels).toEqual({ team: 'data', 'kubernetes.io/service-name': 'db',
      'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' });
    expect(slice.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Endpoints', name: 'db', uid: ep.metadata.uid,
      controller: true, blockOwnerDeletion: true }]);
    expect(slice.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBeUndefined();
    expect(slice.ports).toEqual([{ name: 'pg', port: 5432, protocol: 'TCP' }]);
    expect(slice.endpoints.map((e) => [e.addresses[0], e.conditions])).toEqual([
      ['192.168.1.10', { ready: true }], ['192.168.1.11', { ready: true }], ['192.168.1.12', { ready: false }]]);
  });

  it('follows edits of the Endpoints and drops the slice when they go', () => {
    const c = createCluster();
    applyOk(c, SERVICE + '---\n' + endpoints('[{ip: 192.168.1.10}, {ip: 192.168.1.11}]'));
    runUntil(c, () => slicesOf(c, 'db').length === 1);
    const name = slicesOf(c, 'db')[0].metadata.name;
    applyOk(c, endpoints('[{ip: 192.168.1.20}]'));
    runUntil(c, () => slicesOf(c, 'db')[0]?.endpoints.length === 1);
    expect(slicesOf(c, 'db')[0].metadata.name).toBe(name);
    expect(slicesOf(c, 'db')[0].endpoints[0].addresses).toEqual(['192.168.1.20']);
    c.delete('Endpoints', 'db');
    runUntil(c, () => slicesOf(c, 'db').length === 0);
  });

  it('does not mirror the Endpoints of a Service with a selector, nor skip-mirror ones, and warns about invalid IPs', () => {
    const c = createCluster();
    applyOk(c, SERVICE + '---\n' + endpoints('[{ip: 192.168.1.10}, {ip: "fe80::1"}]'));
    runUntil(c, () => slicesOf(c, 'db').length === 1);
    expect(eventsFor(c, 'Endpoints', 'db').map((e) => [e.type, e.reason, e.message])).toContainEqual(
      ['Warning', 'InvalidIPAddress', 'Skipped 1 invalid IP addresses when mirroring to EndpointSlices']);
    applyOk(c, `apiVersion: v1
kind: Endpoints
metadata: {name: db, labels: {endpointslice.kubernetes.io/skip-mirror: "true"}}
subsets:
- addresses: [{ip: 192.168.1.10}]
  ports: [{name: pg, port: 5432}]
`);
    runUntil(c, () => slicesOf(c, 'db').length === 0);
    applyOk(c, `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`);
    runUntil(c, () => !!c.get('Endpoints', 'web'));
    c.advance(2_000);
    expect(slicesOf(c, 'web').map((s) => s.metadata.labels?.['endpointslice.kubernetes.io/managed-by']))
      .toEqual(['endpointslice-controller.k8s.io']);
  });
});
