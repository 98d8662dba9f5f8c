import { describe, expect, it } from 'vitest';
import type { Container, Node, Pod } from 'kubernetes-types/core/v1';
import { nodeAllocatable, nonZeroRequests, podLimits, podRequests } from '../../../src/engine/util/resources';

const Mi = 1024 * 1024;
const c = (name: string, requests?: Record<string, string>, limits?: Record<string, string>, sidecar = false): Container =>
  ({ name, image: 'busybox', resources: { requests, limits }, ...(sidecar ? { restartPolicy: 'Always' } : {}) });
const pod = (containers: Container[], initContainers: Container[] = [], overhead?: Record<string, string>): Pod =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers, initContainers, overhead } });

describe('podRequests', () => {
  it.each([
    ['one container', pod([c('a', { cpu: '250m', memory: '64Mi' })]), 250, 64 * Mi],
    ['sum of regular containers', pod([c('a', { cpu: '250m' }), c('b', { cpu: '1', memory: '1Gi' })]), 1250, 1024 * Mi],
    ['an init container larger than the app wins', pod([c('a', { cpu: '100m' })], [c('init', { cpu: '2' })]), 2000, 0],
    ['the largest init container, not their sum', pod([c('a', { cpu: '100m' })], [c('i1', { cpu: '500m' }), c('i2', { cpu: '300m' })]), 500, 0],
    ['per resource maximum', pod([c('a', { cpu: '1', memory: '10Mi' })], [c('i', { cpu: '100m', memory: '100Mi' })]), 1000, 100 * Mi],
    ['limits-only containers count their limits', pod([c('a', undefined, { cpu: '500m', memory: '128Mi' })]), 500, 128 * Mi],
    ['a missing request is taken from the limit per resource', pod([c('a', { cpu: '100m' }, { cpu: '1', memory: '256Mi' })]), 100, 256 * Mi],
    ['overhead is added', pod([c('a', { cpu: '100m', memory: '10Mi' })], [], { cpu: '250m', memory: '120Mi' }), 350, 130 * Mi],
    ['no requests', pod([c('a')]), 0, 0],
  ])('%s', (_name, p, cpu, memory) => {
    const r = podRequests(p);
    expect([r.cpu, r.memory, r.pods]).toEqual([cpu, memory, 1]);
  });

  it('adds sidecars to the regular containers and to the init containers that start after them', () => {
    // sidecar 200m runs alongside everything; init i1 (1) starts before it, i2 (900m) after it.
    const p = pod([c('app', { cpu: '300m' })], [c('i1', { cpu: '1' }), c('side', { cpu: '200m' }, undefined, true), c('i2', { cpu: '900m' })]);
    // regular + sidecars = 500m; i1 alone = 1000m; i2 + sidecar = 1100m → 1100m
    expect(podRequests(p).cpu).toBe(1100);
    const q = pod([c('app', { cpu: '2' })], [c('side', { cpu: '500m' }, undefined, true), c('i', { cpu: '1' })]);
    // regular + sidecar = 2500m beats i + sidecar = 1500m
    expect(podRequests(q).cpu).toBe(2500);
  });

  it('keeps ephemeral-storage and extended resources', () => {
    const r = podRequests(pod([c('a', { 'ephemeral-storage': '1Gi', 'example.com/gpu': '2', 'hugepages-2Mi': '4Mi' })]));
    expect(r.ephemeralStorage).toBe(1024 * Mi);
    expect(r.scalar).toEqual({ 'example.com/gpu': 2, 'hugepages-2Mi': 4 * Mi });
  });
});

describe('podLimits', () => {
  it('uses the same init/sidecar rule and adds overhead only to limits that are set', () => {
    const p = pod([c('a', undefined, { cpu: '1' })], [c('i', undefined, { cpu: '2', memory: '1Gi' })], { cpu: '100m', memory: '50Mi' });
    const l = podLimits(p);
    expect([l.cpu, l.memory]).toEqual([2100, 1024 * Mi + 50 * Mi]);
    const noMemory = podLimits(pod([c('a', undefined, { cpu: '1' })], [], { cpu: '100m', memory: '50Mi' }));
    expect([noMemory.cpu, noMemory.memory]).toEqual([1100, 0]);
  });
});

describe('nonZeroRequests', () => {
  it.each([
    ['defaults per container without requests', pod([c('a'), c('b')]), 200, 400 * Mi],
    ['only the missing resource is defaulted', pod([c('a', { cpu: '1' })]), 1000, 200 * Mi],
    ['an explicit zero stays zero', pod([c('a', { cpu: '0', memory: '0' })]), 0, 0],
    ['init containers get defaults too', pod([c('a', { cpu: '50m', memory: '1Mi' })], [c('i')]), 100, 200 * Mi],
  ])('%s', (_name, p, cpu, memory) => {
    expect(nonZeroRequests(p)).toEqual({ cpu, memory });
  });
});

describe('nodeAllocatable', () => {
  const node = (status: Node['status']): Node => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, status });
  it.each([
    ['allocatable', node({ capacity: { cpu: '4', memory: '8Gi', pods: '110' }, allocatable: { cpu: '3500m', memory: '7Gi', pods: '100' } }), 3500, 7 * 1024 * Mi, 100],
    ['falls back to capacity', node({ capacity: { cpu: '2', memory: '4Gi', pods: '110' } }), 2000, 4 * 1024 * Mi, 110],
    ['nothing reported', node({}), 0, 0, 0],
  ])('%s', (_name, n, cpu, memory, pods) => {
    const a = nodeAllocatable(n);
    expect([a.cpu, a.memory, a.pods]).toEqual([cpu, memory, pods]);
  });
});
