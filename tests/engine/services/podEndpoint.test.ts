import { describe, expect, it } from 'vitest';
import type { ServicePort } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../src/engine';
import { endpointPorts, findPort, podToEndpoint, shouldPodBeInEndpoints } from '../../../src/engine/controllers/endpointslice/podEndpoint';
import { podEndpointsChanged } from '../../../src/engine/controllers/endpointslice/podServices';
import type { Obj } from './fixtures';

function pod({ ip = '10.244.1.5', phase = 'Running', ready = true, deleting = false, spec = {} as Obj, labels = { app: 'web' } } = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'default', uid: 'uid-1', resourceVersion: '1', creationTimestamp: '', labels,
      ...(deleting ? { deletionTimestamp: '2025-01-01T09:01:00Z' } : {}) },
    spec: { nodeName: 'node-1', containers: [{ name: 'app', image: 'nginx', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }], ...spec },
    status: { phase, ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: '2025-01-01T09:00:05Z' }] },
  };
}

function service(spec: Obj = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', uid: 'svc', resourceVersion: '1', creationTimestamp: '' },
    spec: { selector: { app: 'web' }, clusterIP: '10.96.0.20', ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }], ...spec } };
}

describe('which Pods are endpoints (upstream ShouldPodBeInEndpoints)', () => {
  it.each<[string, Parameters<typeof pod>[0], boolean, boolean]>([
    ['a running Pod with an IP', {}, false, true],
    ['a Pod without an IP yet', { ip: '' }, true, false],
    ['a Succeeded Pod', { phase: 'Succeeded' }, true, false],
    ['a Failed Pod', { phase: 'Failed' }, true, false],
    ['a terminating Pod, terminating excluded (Endpoints)', { deleting: true }, false, false],
    ['a terminating Pod, terminating included (EndpointSlices)', { deleting: true }, true, true],
    ['a not-ready Pod', { ready: false }, false, true],
  ])('%s', (_name, p, includeTerminating, expected) => {
    expect(shouldPodBeInEndpoints(pod(p), includeTerminating)).toBe(expected);
  });
});

describe('endpoint conditions (upstream podToEndpoint)', () => {
  it.each<[string, boolean, boolean, boolean, { ready: boolean; serving: boolean; terminating: boolean }]>([
    ['ready Pod', true, false, false, { ready: true, serving: true, terminating: false }],
    ['unready Pod', false, false, false, { ready: false, serving: false, terminating: false }],
    ['terminating, still Ready', true, true, false, { ready: false, serving: true, terminating: true }],
    ['terminating, no longer Ready', false, true, false, { ready: false, serving: false, terminating: true }],
    ['unready with publishNotReadyAddresses', false, false, true, { ready: true, serving: false, terminating: false }],
    ['terminating with publishNotReadyAddresses', true, true, true, { ready: true, serving: true, terminating: true }],
  ])('%s', (_name, ready, deleting, publish, conditions) => {
    const ep = podToEndpoint(pod({ ready, deleting }), undefined, service({ publishNotReadyAddresses: publish }));
    expect(ep.conditions).toEqual(conditions);
  });

  it('carries the address, node, zone, target and (when the subdomain is the Service) the hostname', () => {
    const node = { metadata: { name: 'node-1', labels: { 'topology.kubernetes.io/zone': 'zone-a' } } } as unknown as KubeObject;
    const p = pod({ spec: { hostname: 'web-1', subdomain: 'web' } });
    expect(podToEndpoint(p, node, service())).toEqual({
      addresses: ['10.244.1.5'], conditions: { ready: true, serving: true, terminating: false },
      targetRef: { kind: 'Pod', namespace: 'default', name: 'web-1', uid: 'uid-1' }, hostname: 'web-1', nodeName: 'node-1', zone: 'zone-a',
    });
    const other = podToEndpoint(pod({ spec: { hostname: 'web-1', subdomain: 'other' } }), undefined, service());
    expect(other.hostname).toBeUndefined();
    expect(other.zone).toBeUndefined();
  });
});

describe('target ports (upstream FindPort)', () => {
  const sidecar = { initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always', ports: [{ name: 'admin', containerPort: 9901, protocol: 'TCP' }] }] };
  const init = { initContainers: [{ name: 'setup', image: 'busybox', ports: [{ name: 'admin', containerPort: 9901, protocol: 'TCP' }] }] };
  it.each<[string, Obj, Obj, number | undefined]>([
    ['a number is used as is', {}, { port: 80, targetPort: 9376, protocol: 'TCP' }, 9376],
    ['a name is looked up in the containers', {}, { port: 80, targetPort: 'http', protocol: 'TCP' }, 8080],
    ['the protocol must match too', {}, { port: 80, targetPort: 'http', protocol: 'UDP' }, undefined],
    ['an unknown name resolves to nothing', {}, { port: 80, targetPort: 'metrics', protocol: 'TCP' }, undefined],
    ['sidecar ports count', sidecar, { port: 80, targetPort: 'admin', protocol: 'TCP' }, 9901],
    ['plain init container ports do not', init, { port: 80, targetPort: 'admin', protocol: 'TCP' }, undefined],
  ])('%s', (_name, spec, port, expected) => {
    expect(findPort(pod({ spec }), port as ServicePort)).toBe(expected);
  });

  it('lists one endpoint port per Service port the Pod resolves, unnamed ports with name ""', () => {
    const svc = service({ ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }, { name: 'm', port: 9090, targetPort: 'metrics', protocol: 'TCP' },
      { name: 'dns', port: 53, targetPort: 53, protocol: 'UDP', appProtocol: 'dns' }] });
    expect(endpointPorts(svc, pod())).toEqual([
      { name: '', port: 8080, protocol: 'TCP' }, { name: 'dns', port: 53, protocol: 'UDP', appProtocol: 'dns' }]);
  });
});

describe('Pod changes that concern Services (upstream podEndpointsChanged)', () => {
  it.each<[string, Parameters<typeof pod>[0], [boolean, boolean]]>([
    ['nothing relevant', {}, [false, false]],
    ['readiness flips', { ready: false }, [true, false]],
    ['deletion starts', { deleting: true }, [true, false]],
    ['the IP changes', { ip: '10.244.2.9' }, [true, false]],
    ['the Pod finishes', { phase: 'Succeeded' }, [true, false]],
    ['labels change', { labels: { app: 'api' } }, [false, true]],
    ['the hostname changes', { spec: { hostname: 'x' } }, [false, true]],
  ])('%s', (_name, change, expected) => {
    expect(podEndpointsChanged(pod(), pod(change))).toEqual(expected);
  });
});
