import { describe, expect, it } from 'vitest';
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../../src/engine';
import { planSlices, type DesiredGroup } from '../../../src/engine/controllers/endpointslice/planSlices';
import { endpointKey, portMapKey } from '../../../src/engine/controllers/endpointslice/podEndpoint';
import { ENDPOINTSLICE_CONTROLLER, newEndpointSlice, type SliceObject } from '../../../src/engine/controllers/endpointslice/sliceObjects';

const svc = (extra: Partial<KubeObject['metadata']> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Service',
  metadata: { name: 'web', namespace: 'default', uid: 'svc-uid', resourceVersion: '1', creationTimestamp: '', ...extra },
  spec: { clusterIP: '10.96.0.20', selector: { app: 'web' } },
});
const PORTS: EndpointPort[] = [{ name: '', port: 8080, protocol: 'TCP' }];
const ep = (i: number, ready = true): Endpoint => ({
  addresses: [`10.244.${Math.floor(i / 250) + 1}.${(i % 250) + 2}`], conditions: { ready, serving: ready, terminating: false },
  targetRef: { kind: 'Pod', namespace: 'default', name: `web-${i}`, uid: `u${i}` }, nodeName: 'node-1',
});
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

function desired(indexes: number[], ports = PORTS): Map<string, DesiredGroup> {
  const endpoints = new Map(indexes.map((i) => [endpointKey(ep(i)), ep(i)] as [string, Endpoint]));
  return new Map([[portMapKey(ports), { ports, endpoints }]]);
}

function stored(name: string, indexes: number[], service = svc(), ports = PORTS): SliceObject {
  const s = newEndpointSlice(service, ports, ENDPOINTSLICE_CONTROLLER);
  s.metadata = { ...s.metadata, name, uid: `uid-${name}`, resourceVersion: '5', creationTimestamp: '' };
  delete s.metadata.generateName;
  s.endpoints = indexes.map((i) => ep(i));
  return s;
}

const sizes = (slices: SliceObject[]) => slices.map((s) => s.endpoints.length);
const names = (slices: SliceObject[]) => slices.map((s) => s.metadata.name);

describe('EndpointSlice planning (upstream reconciler)', () => {
  it('creates slices of at most 100 endpoints for a new Service', () => {
    const plan = planSlices(svc(), desired(range(0, 250)), [], ENDPOINTSLICE_CONTROLLER, 100);
    expect(sizes(plan.create)).toEqual([100, 100, 50]);
    expect(plan.update).toEqual([]);
    expect(plan.delete).toEqual([]);
    expect(new Set(plan.create.flatMap((s) => s.endpoints.map((e) => e.targetRef!.name))).size).toBe(250);
    expect(plan.create[0].metadata.generateName).toBe('web-');
  });

  it('keeps unchanged slices untouched and puts a newcomer in a new slice when the only slice is full', () => {
    const plan = planSlices(svc(), desired(range(0, 101)), [stored('web-a', range(0, 100))], ENDPOINTSLICE_CONTROLLER, 100);
    expect(plan.update).toEqual([]);
    expect(sizes(plan.create)).toEqual([1]);
  });

  it('fills the unchanged slice the newcomers fit most closely', () => {
    const existing = [stored('web-a', range(0, 50)), stored('web-b', range(50, 80))];
    const plan = planSlices(svc(), desired(range(0, 100)), existing, ENDPOINTSLICE_CONTROLLER, 100);
    expect(plan.create).toEqual([]);
    expect(names(plan.update.map((u) => u.slice))).toEqual(['web-a']);
    expect(sizes(plan.update.map((u) => u.slice))).toEqual([70]);
  });

  it('updates a slice in place when an endpoint changes or goes', () => {
    const want = desired([0, 2]);
    want.get(portMapKey(PORTS))!.endpoints.set(endpointKey(ep(2)), ep(2, false));
    const plan = planSlices(svc(), want, [stored('web-a', [0, 1, 2])], ENDPOINTSLICE_CONTROLLER, 100);
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0].slice.endpoints.map((e) => [e.targetRef!.name, e.conditions!.ready])).toEqual([['web-0', true], ['web-2', false]]);
    expect(plan.update[0].old.metadata.name).toBe('web-a');
  });

  it('keeps one empty placeholder slice when nothing is selected, reusing the emptied slice', () => {
    const plan = planSlices(svc(), new Map(), [stored('web-a', [0, 1])], ENDPOINTSLICE_CONTROLLER, 100);
    expect(plan.create).toEqual([]);
    expect(plan.delete).toEqual([]);
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0]).toMatchObject({ recycled: true, slice: { metadata: { name: 'web-a' }, endpoints: [], ports: [] } });
  });

  it('leaves an existing placeholder alone', () => {
    const plan = planSlices(svc(), new Map(), [stored('web-a', [], svc(), [])], ENDPOINTSLICE_CONTROLLER, 100);
    expect(plan).toEqual({ create: [], update: [], delete: [] });
  });

  it('replaces the placeholder by the first real slice (recycling its name)', () => {
    const plan = planSlices(svc(), desired([0, 1]), [stored('web-a', [], svc(), [])], ENDPOINTSLICE_CONTROLLER, 100);
    expect(plan.create).toEqual([]);
    expect(plan.delete).toEqual([]);
    expect(plan.update[0].slice).toMatchObject({ metadata: { name: 'web-a' }, ports: PORTS });
    expect(sizes([plan.update[0].slice])).toEqual([2]);
  });

  it('deletes slices of an older Service of the same name', () => {
    const old = stored('web-old', [0], svc({ uid: 'older' }));
    const plan = planSlices(svc(), desired([0]), [old], ENDPOINTSLICE_CONTROLLER, 100);
    expect(names(plan.delete)).toEqual(['web-old']);
    expect(sizes(plan.create)).toEqual([1]);
  });

  it('groups Pods by the ports they resolve', () => {
    const other: EndpointPort[] = [{ name: '', port: 9090, protocol: 'TCP' }];
    const want = new Map([...desired([0, 1]), ...desired([2], other)]);
    const plan = planSlices(svc(), want, [], ENDPOINTSLICE_CONTROLLER, 100);
    expect(plan.create.map((s) => [s.ports[0].port, s.endpoints.length])).toEqual([[8080, 2], [9090, 1]]);
  });

  it('updates the labels when the Service labels change, and creates nothing for a Service being deleted', () => {
    const relabelled = svc({ labels: { tier: 'front' } });
    const plan = planSlices(relabelled, desired([0]), [stored('web-a', [0])], ENDPOINTSLICE_CONTROLLER, 100);
    expect(plan.update[0].slice.metadata.labels).toEqual({ tier: 'front', 'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': ENDPOINTSLICE_CONTROLLER });
    const deleting = planSlices(svc({ deletionTimestamp: '2025-01-01T09:00:00Z' }), desired([0]), [], ENDPOINTSLICE_CONTROLLER, 100);
    expect(deleting.create).toEqual([]);
  });
});
