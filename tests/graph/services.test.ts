import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterView, KubeObject } from '../../src/engine/api';
import { projectGraph } from '../../src/graph/projectGraph';
import {
  formatServicePorts, formatServiceSelector, isApiServerService, serviceData, serviceEndpoints,
} from '../../src/graph/services';
import type { GraphNode, ServiceData } from '../../src/graph/types';
import { makeNode, makePod, running } from './fixtures';

let uid = 0;
function svc(name: string, spec: Record<string, unknown>, extra: Partial<KubeObject> = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name, namespace: 'default', uid: `svc-${name}-${uid++}`, resourceVersion: '1', creationTimestamp: '2025-01-01T09:00:00Z', ...extra.metadata },
    spec: { type: 'ClusterIP', clusterIP: '10.96.12.7', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], ...spec },
    ...(extra.status ? { status: extra.status } : {}),
  };
}

function slice(service: string, endpoints: unknown[], managed = true): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
    metadata: {
      name: `${service}-abcde`, namespace: 'default', uid: `slice-${uid++}`, resourceVersion: '1', creationTimestamp: '2025-01-01T09:00:00Z',
      labels: { 'kubernetes.io/service-name': service, ...(managed ? { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' } : {}) },
    },
    addressType: 'IPv4', endpoints,
  };
}

function endpoint(pod: Pod, conditions: Record<string, boolean | undefined>) {
  return { addresses: [pod.status?.podIP ?? ''], conditions, targetRef: { kind: 'Pod', namespace: 'default', name: pod.metadata!.name, uid: pod.metadata!.uid } };
}

const readyCond = [{ type: 'Ready', status: 'True' }] as NonNullable<Pod['status']>['conditions'];
const notReadyCond = [{ type: 'Ready', status: 'False' }] as NonNullable<Pod['status']>['conditions'];
const label = (p: Pod, labels: Record<string, string>): Pod => ({ ...p, metadata: { ...p.metadata, labels } });

const webA = label(makePod('web-a', { node: 'node-1', phase: 'Running', podIP: '10.244.1.2', conditions: readyCond, statuses: [running('app')] }), { app: 'web' });
const webB = label(makePod('web-b', { node: 'node-1', phase: 'Running', podIP: '10.244.1.3', conditions: notReadyCond, statuses: [running('app', false)] }), { app: 'web' });
const webC = label(makePod('web-c', { node: 'node-1', phase: 'Running', podIP: '10.244.1.4', conditions: readyCond, deleting: true }), { app: 'web' });
const noIP = label(makePod('web-d', { node: 'node-1' }), { app: 'web' });
const done = label(makePod('web-e', { node: 'node-1', phase: 'Succeeded', podIP: '10.244.1.5' }), { app: 'web' });
const other = label(makePod('db', { node: 'node-1', phase: 'Running', podIP: '10.244.1.6', conditions: readyCond }), { app: 'db' });
const pods = [webA, webB, webC, noIP, done, other];
const byUid = new Map(pods.map((p) => [p.metadata!.uid!, p]));
const byName = new Map(pods.map((p) => [`default/${p.metadata!.name}`, p]));

const states = (r: ReturnType<typeof serviceEndpoints>) => r.endpoints.map((e) => `${e.pod.metadata!.name}:${e.state}`);

describe('Service columns, as kubectl prints them', () => {
  it.each([
    [[{ port: 80, protocol: 'TCP' }], '80/TCP'],
    [[{ port: 80, protocol: 'TCP', nodePort: 30080 }, { port: 53, protocol: 'UDP' }], '80:30080/TCP,53/UDP'],
    [[], '<none>'],
    [undefined, '<none>'],
  ])('ports %j → %s', (ports, text) => {
    expect(formatServicePorts(ports)).toBe(text);
  });

  it.each([
    [{ app: 'web', tier: 'front' }, 'app=web,tier=front'],
    [{ tier: 'front', app: 'web' }, 'app=web,tier=front'],
    [{}, '<none>'],
    [undefined, '<none>'],
  ])('selector %j → %s', (selector, text) => {
    expect(formatServiceSelector(selector)).toBe(text);
  });

  it.each([
    ['ClusterIP', svc('web', {}), 'Service web, ClusterIP 10.96.12.7', '10.96.12.7', undefined],
    ['headless', svc('db', { clusterIP: 'None' }), 'Service db, ClusterIP None', 'None', undefined],
    ['NodePort', svc('web', { type: 'NodePort' }), 'Service web, NodePort 10.96.12.7', '10.96.12.7', undefined],
    ['LoadBalancer pending', svc('lb', { type: 'LoadBalancer' }), 'Service lb, LoadBalancer 10.96.12.7', '10.96.12.7', '<pending>'],
    ['LoadBalancer with IP', svc('lb', { type: 'LoadBalancer' }, { status: { loadBalancer: { ingress: [{ ip: '172.18.255.200' }] } } }),
      'Service lb, LoadBalancer 10.96.12.7', '10.96.12.7', '172.18.255.200'],
    ['ExternalName', svc('ext', { type: 'ExternalName', clusterIP: undefined, externalName: 'db.example.com' }),
      'Service ext, ExternalName db.example.com', '<none>', 'db.example.com'],
  ])('%s', (_, service, ariaLabel, clusterIP, externalIP) => {
    const data = serviceData(service, { source: 'none', endpoints: [] });
    expect(data).toMatchObject({ ariaLabel, clusterIP, ref: { kind: 'Service', name: service.metadata.name, namespace: 'default' } });
    expect(data.externalIP).toBe(externalIP);
  });

  it('recognises only the API server Service as the built-in one', () => {
    const apiserver = svc('kubernetes', {}, { metadata: { labels: { component: 'apiserver', provider: 'kubernetes' } } as never });
    expect(isApiServerService(apiserver)).toBe(true);
    expect(isApiServerService(svc('kubernetes', {}))).toBe(false);
  });
});

describe('endpoints of a Service', () => {
  const web = svc('web', { selector: { app: 'web' } });

  it('reads EndpointSlices: ready, not ready, terminating; a nil ready is ready; each Pod once', () => {
    const slices = [slice('web', [
      endpoint(webA, { ready: true, serving: true, terminating: false }),
      endpoint(webB, { ready: false, serving: false, terminating: false }),
      endpoint(webC, { ready: false, serving: true, terminating: true }),
      endpoint(other, {}),
      endpoint(webA, { ready: true }),
    ])];
    const r = serviceEndpoints(web, slices, true, pods, byUid, byName);
    expect(r.source).toBe('EndpointSlice');
    expect(states(r)).toEqual(['web-a:ready', 'web-b:notReady', 'web-c:terminating', 'db:ready']);
  });

  it('uses the slices and nothing else once the cluster has an EndpointSlice controller', () => {
    const r = serviceEndpoints(web, [], true, pods, byUid, byName);
    expect(r).toEqual({ source: 'EndpointSlice', endpoints: [] });
  });

  it('falls back to the selector by the controller\'s rules until any slice exists', () => {
    const r = serviceEndpoints(web, [], false, pods, byUid, byName);
    expect(r.source).toBe('selector');
    // no IP yet and Succeeded Pods are left out; db does not match
    expect(states(r)).toEqual(['web-a:ready', 'web-b:notReady', 'web-c:terminating']);
    const publish = svc('web', { selector: { app: 'web' }, publishNotReadyAddresses: true });
    expect(states(serviceEndpoints(publish, [], false, pods, byUid, byName))).toEqual(['web-a:ready', 'web-b:ready', 'web-c:terminating']);
  });

  it('has none without a selector or slices, and none for ExternalName', () => {
    expect(serviceEndpoints(svc('manual', {}), [], false, pods, byUid, byName).source).toBe('none');
    const manual = serviceEndpoints(svc('manual', {}), [slice('manual', [endpoint(other, { ready: true })], false)], false, pods, byUid, byName);
    expect(states(manual)).toEqual(['db:ready']);
    const ext = svc('ext', { type: 'ExternalName', externalName: 'x.example.com', selector: { app: 'web' } });
    expect(serviceEndpoints(ext, [], false, pods, byUid, byName).source).toBe('none');
  });
});

describe('Services in the graph', () => {
  function view(objects: Record<string, KubeObject[]>): ClusterView {
    return {
      now: 0, stepIndex: 0,
      get: () => undefined,
      list: (kind) => objects[kind] ?? [],
      events: () => [], runtime: () => ({ sandboxes: [], containers: [] }), table: () => [],
    };
  }
  const apiserver = svc('kubernetes', {}, { metadata: { labels: { component: 'apiserver', provider: 'kubernetes' } } as never });
  const web = svc('web', { selector: { app: 'web' } });
  const g = projectGraph(view({
    Node: [makeNode('node-1')] as unknown as KubeObject[],
    Pod: pods as unknown as KubeObject[],
    Service: [apiserver, web],
    EndpointSlice: [slice('web', [endpoint(webA, { ready: true }), endpoint(webB, { ready: false }), endpoint(webC, { terminating: true, ready: false })])],
  }));
  const service = g.nodes.find((n) => n.type === 'service') as GraphNode<ServiceData>;

  it('draws each Service but the API server\'s as a selectable button with its counts', () => {
    expect(g.nodes.filter((n) => n.type === 'service').map((n) => n.ariaLabel)).toEqual(['Service web, ClusterIP 10.96.12.7']);
    expect(service).toMatchObject({ ariaRole: 'button', selectable: true });
    expect(service.parentId).toBeUndefined();
    expect(service.data.endpoints).toEqual({ ready: 1, notReady: 1, terminating: 1 });
  });

  it('links the Service to its endpoint Pods, marked by state', () => {
    const edges = g.edges.filter((e) => e.source === service.id);
    expect(edges.map((e) => e.ariaLabel)).toEqual([
      'Service web routes to Pod web-a, ready',
      'Service web routes to Pod web-b, not ready',
      'Service web routes to Pod web-c, terminating',
    ]);
    expect(edges.map((e) => e.data)).toEqual([
      { relation: 'endpoint', state: 'ready' }, { relation: 'endpoint', state: 'notReady' }, { relation: 'endpoint', state: 'terminating' },
    ]);
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const e of edges) expect(ids.has(e.target), e.target).toBe(true);
  });

  it('puts the band above the lane, and the lane and Nodes below it', () => {
    const lane = g.nodes.find((n) => n.type === 'lane')!;
    expect(lane.position.y).toBeGreaterThanOrEqual(service.position.y + service.height);
  });
});
