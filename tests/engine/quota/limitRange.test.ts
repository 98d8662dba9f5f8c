import { describe, expect, it } from 'vitest';
import { cluster, ok, pod, refusal, type Obj } from './quotaFixtures';

const LIMITS = `apiVersion: v1
kind: LimitRange
metadata:
  name: limits
spec:
  limits:
  - type: Container
    default: { cpu: 500m, memory: 512Mi }
    defaultRequest: { cpu: 200m, memory: 256Mi }
    min: { cpu: 100m, memory: 64Mi }
    max: { cpu: "1", memory: 1Gi }
    maxLimitRequestRatio: { cpu: "4" }
  - type: Pod
    max: { cpu: "2" }
  - type: PersistentVolumeClaim
    min: { storage: 1Gi }
    max: { storage: 2Gi }
`;

const forbidden = (name: string, why: string) => `Error from server (Forbidden): pods "${name}" is forbidden: ${why}`;

describe('LimitRanger admission', () => {
  it('defaults the requests and limits a container leaves out, and says so in an annotation', () => {
    const c = cluster();
    ok(c, LIMITS);
    ok(c, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n  - { name: init, image: busybox:1.36, command: ["true"], ' +
      'resources: { requests: { cpu: 300m } } }\n  containers:\n  - { name: app, image: nginx:1.27 }\n');
    const p = c.get('Pod', 'p') as Obj;
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '512Mi' }, requests: { cpu: '200m', memory: '256Mi' } });
    expect(p.spec.initContainers[0].resources).toEqual({ limits: { cpu: '500m', memory: '512Mi' }, requests: { cpu: '300m', memory: '256Mi' } });
    expect(p.metadata.annotations['kubernetes.io/limit-ranger']).toBe('LimitRanger plugin set: cpu, memory request for container app; ' +
      'cpu, memory limit for container app; memory request for init container init; cpu, memory limit for init container init');
    expect(p.status.qosClass).toBe('Burstable');
  });

  it('leaves a container that states everything alone (and a limit alone becomes the request, not the default)', () => {
    const c = cluster();
    ok(c, LIMITS);
    ok(c, pod('g', '{limits: {cpu: 800m, memory: 128Mi}}'));
    const p = c.get('Pod', 'g') as Obj;
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: '800m', memory: '128Mi' }, requests: { cpu: '800m', memory: '128Mi' } });
    expect(p.metadata.annotations?.['kubernetes.io/limit-ranger']).toBeUndefined();
    expect(p.status.qosClass).toBe('Guaranteed');
  });

  it.each([
    ['min request', '{requests: {cpu: 50m}, limits: {cpu: 100m}}', 'minimum cpu usage per Container is 100m, but request is 50m'],
    ['max limit', '{limits: {cpu: "2"}}', 'maximum cpu usage per Container is 1, but limit is 2'],
    ['max memory limit', '{limits: {memory: 2Gi}}', 'maximum memory usage per Container is 1Gi, but limit is 2Gi'],
    ['limit/request ratio', '{requests: {cpu: 100m}, limits: {cpu: 500m}}',
      'cpu max limit to request ratio per Container is 4, but provided ratio is 5.000000'],
    ['several, bracketed', '{requests: {cpu: 50m, memory: 32Mi}, limits: {cpu: 150m, memory: 32Mi}}',
      '[minimum cpu usage per Container is 100m, but request is 50m, minimum memory usage per Container is 64Mi, but request is 32Mi]'],
  ])('refuses a container under or over its bounds: %s', (_what, resources, why) => {
    const c = cluster();
    ok(c, LIMITS);
    expect(refusal(c, pod('x', resources))).toBe(forbidden('x', why));
    expect(c.get('Pod', 'x')).toBeUndefined();
  });

  it('checks the Pod total against a Pod-type max', () => {
    const c = cluster();
    ok(c, LIMITS);
    const two = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n' +
      '  - { name: a, image: nginx:1.27, resources: { limits: { cpu: 800m } } }\n' +
      '  - { name: b, image: nginx:1.27, resources: { limits: { cpu: "1" } } }\n' +
      '  - { name: c, image: nginx:1.27, resources: { limits: { cpu: 700m } } }\n';
    expect(refusal(c, two)).toBe(forbidden('big', 'maximum cpu usage per Pod is 2, but limit is 2500m'));
  });

  it('reports a missing request or limit that a bound needs', () => {
    const c = cluster();
    // a Container max would have become the default limit; a Pod-type bound has no defaults
    ok(c, 'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: strict\nspec:\n  limits:\n  - type: Pod\n' +
      '    max: { memory: 1Gi }\n    min: { cpu: 100m }\n');
    expect(refusal(c, pod('none'))).toBe(forbidden('none', '[minimum cpu usage per Pod is 100m.  No request is specified, ' +
      'maximum memory usage per Pod is 1Gi.  No limit is specified]'));
  });

  it('turns a default limit below the stated request into a validation error', () => {
    const c = cluster();
    ok(c, LIMITS);
    expect(refusal(c, pod('e', '{requests: {cpu: 800m}}'))).toBe('The Pod "e" is invalid: ' +
      'spec.containers[0].resources.requests: Invalid value: "800m": must be less than or equal to cpu limit of 500m');
  });

  it('bounds the storage a PersistentVolumeClaim requests', () => {
    const c = cluster();
    ok(c, LIMITS);
    const claim = (size: string) => 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n' +
      `  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: ${size} } }\n`;
    expect(refusal(c, claim('5Gi'))).toBe('Error from server (Forbidden): persistentvolumeclaims "data" is forbidden: ' +
      'maximum storage usage per PersistentVolumeClaim is 2Gi, but request is 5Gi');
    expect(refusal(c, claim('500Mi'))).toBe('Error from server (Forbidden): persistentvolumeclaims "data" is forbidden: ' +
      'minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi');
    ok(c, claim('1Gi'));
  });

  it('only acts in its own namespace', () => {
    const c = cluster();
    ok(c, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n');
    ok(c, LIMITS.replace('metadata:\n', 'metadata:\n  namespace: other\n'));
    ok(c, pod('free', '{limits: {cpu: "3"}}'));
    expect((c.get('Pod', 'free') as Obj).metadata.annotations?.['kubernetes.io/limit-ranger']).toBeUndefined();
  });
});
