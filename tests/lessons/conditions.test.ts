import { describe, expect, it } from 'vitest';
import type { NodeRuntime, RuntimeContainer, RuntimeSandbox } from '../../src/engine/api';
import { createCluster } from '../../src/engine/index';
import { evaluate } from '../../src/lessons/conditions';
import { parsePath, readPath } from '../../src/lessons/path';
import type { Condition } from '../../src/lessons/types';
import { fakeView, obj, pod } from './fakeView';

describe('readPath', () => {
  const value = {
    status: { containerStatuses: [{ name: 'web', restartCount: 0 }, { name: 'check', state: { terminated: { exitCode: 1 } } }] },
    metadata: { annotations: { 'deployment.kubernetes.io/revision': '4' } },
    items: [1, 2, 3],
  };
  it.each([
    ['status.containerStatuses[name=check].state.terminated.exitCode', 1],
    ['status.containerStatuses[0].name', 'web'],
    ['status.containerStatuses.1.name', 'check'],
    ['items[-1]', 3],
    ['items.length', 3],
    ['metadata.annotations["deployment.kubernetes.io/revision"]', '4'],
    ["metadata.annotations['deployment.kubernetes.io/revision']", '4'],
    ['status.containerStatuses[name=nope].state', undefined],
    ['status.missing.deeper', undefined],
    ['items[name=x]', undefined],
    ['', value],
  ])('%s → %j', (path, want) => {
    expect(readPath(value, path)).toEqual(want);
  });

  it('rejects a malformed path', () => {
    expect(() => parsePath('a[0')).toThrow(/missing \]/);
    expect(() => parsePath('a[=]')).toThrow(/cannot read/);
  });
});

const sandbox = (pod: string, ip: string, createdAt = 0): RuntimeSandbox =>
  ({ id: `sb-${pod}`, pod, namespace: 'default', podUid: `uid-${pod}`, state: 'SANDBOX_READY', ip, image: 'registry.k8s.io/pause:3.10', createdAt });
const container = (pod: string, name: string, cpu: string, attempt = 0): RuntimeContainer =>
  ({ id: `c-${pod}-${name}-${attempt}`, sandboxId: `sb-${pod}`, pod, namespace: 'default', name, image: 'nginx', type: 'regular',
    state: attempt === 0 ? 'CONTAINER_EXITED' : 'CONTAINER_RUNNING', attempt, createdAt: attempt, limits: { cpu } });

const node1: NodeRuntime = { sandboxes: [sandbox('a', '10.244.1.5')], containers: [container('a', 'web', '500m'), container('a', 'web', '500m', 1), container('a', 'helper', '100m')] };

const view = fakeView({
  objects: [
    obj('Node', 'node-1'), obj('Node', 'node-2'),
    pod('a', { labels: { app: 'web' }, node: 'node-1', owner: { kind: 'ReplicaSet', name: 'web-1' } }),
    pod('b', { labels: { app: 'web' }, node: 'node-2', ready: false, owner: { kind: 'ReplicaSet', name: 'web-1' } }),
    pod('c', { labels: { app: 'web' }, node: 'node-2', deleting: true }),
    pod('d', { labels: { app: 'db' }, phase: 'Pending' }),
    obj('Service', 'web', { namespace: 'default', spec: { clusterIP: '10.96.0.20' } }),
  ],
  events: [
    obj('Event', 'e1', { namespace: 'default', reason: 'SuccessfulCreate', type: 'Normal', message: 'Created pod: a', involvedObject: { kind: 'ReplicaSet', name: 'web-1', namespace: 'default' } }),
    obj('Event', 'e2', { namespace: 'default', reason: 'SuccessfulCreate', type: 'Normal', message: 'Created pod: b', involvedObject: { kind: 'ReplicaSet', name: 'web-1', namespace: 'default' } }),
    obj('Event', 'e3', { namespace: 'default', reason: 'BackOff', type: 'Warning', message: 'Back-off restarting failed container', involvedObject: { kind: 'Pod', name: 'b', namespace: 'default' } }),
  ],
  runtime: { 'node-1': node1 },
  tables: { 'kube-proxy/node-1': [['rules', { mode: 'iptables', text: '-A KUBE-SVC-X -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-Y\n' }]] },
});

describe('evaluate', () => {
  const cases: [string, Condition, boolean][] = [
    ['count by selector', { count: { kind: 'Pod', selector: { app: 'web' } }, equals: 3 }, true],
    ['count ready, not terminating', { count: { kind: 'Pod', selector: { app: 'web' }, ready: true, terminating: false }, equals: 1 }, true],
    ['count by phase', { count: { kind: 'Pod', phase: 'Pending' }, equals: 1 }, true],
    ['count by field', { count: { kind: 'Pod', fields: { 'spec.nodeName': 'node-2' } }, equals: 2 }, true],
    ['count by owner kind', { count: { kind: 'Pod', ownedBy: { kind: 'ReplicaSet' } }, equals: 2 }, true],
    ['count by owner name', { count: { kind: 'Pod', ownedBy: { kind: 'ReplicaSet', name: 'other' } }, equals: 0 }, true],
    ['count by name prefix in a namespace', { count: { kind: 'Pod', namePrefix: 'a', namespace: 'kube-system' }, equals: 0 }, true],
    ['a bare count is truthy when above zero', { count: { kind: 'Pod', selector: { app: 'db' } } }, true],
    ['a bare count of nothing is false', { count: { kind: 'Pod', selector: { app: 'none' } } }, false],
    ['object field equals', { object: { kind: 'Service', name: 'web' }, path: 'spec.clusterIP', equals: '10.96.0.20' }, true],
    ['object field matches', { object: { kind: 'Pod', name: 'a' }, path: 'status.podIP', matches: '^10\\.244\\.' }, true],
    ['absent object does not exist', { object: { kind: 'Pod', name: 'zzz' }, exists: false }, true],
    ['atLeast on a missing value is false', { object: { kind: 'Pod', name: 'zzz' }, path: 'status.x', atLeast: 0 }, false],
    ['atMost', { object: { kind: 'Pod', name: 'a' }, path: 'status.containerStatuses[name=app].restartCount', atMost: 2 }, true],
    ['oneOf', { object: { kind: 'Pod', name: 'd' }, path: 'status.phase', oneOf: ['Pending', 'Running'] }, true],
    ['values in name order', { values: { kind: 'Pod', selector: { app: 'web' } }, path: 'metadata.name', equals: ['a', 'b', 'c'] }, true],
    ['values contains', { values: { kind: 'Pod' }, path: 'spec.nodeName', contains: 'node-1' }, true],
    ['values length', { values: { kind: 'Pod' }, path: 'metadata.name', length: { atLeast: 4, atMost: 4 } }, true],
    ['events by reason and object', { events: { reason: 'SuccessfulCreate', kind: 'ReplicaSet', name: 'web-1' }, equals: 2 }, true],
    ['events by message substring and type', { events: { type: 'Warning', message: 'Back-off' }, equals: 1 }, true],
    ['sandboxes of a pod, all Nodes', { sandboxes: { pod: 'a' }, length: { equals: 1 } }, true],
    ['sandbox IP is the Pod IP', { sandboxes: { pod: 'a' }, path: 'ip', sameAs: { values: { kind: 'Pod', name: 'a' }, path: 'status.podIP' } }, true],
    ['container records of a name', { containers: { pod: 'a', name: 'web' }, length: { equals: 2 } }, true],
    ['container records by state', { containers: { pod: 'a', state: 'CONTAINER_RUNNING' }, path: 'name', equals: ['web'] }, true],
    ['containers have no IP', { containers: { pod: 'a', name: 'helper' }, path: 'ip', sameAs: { values: { kind: 'Pod', name: 'a' }, path: 'status.podIP' } }, false],
    ['table record text contains', { table: 'kube-proxy/node-1', key: 'rules', path: 'text', contains: '--probability 0.33333333349' }, true],
    ['table record missing', { table: 'kube-proxy/node-9', key: 'rules', exists: false }, true],
    ['differsFrom', { object: { kind: 'Pod', name: 'a' }, path: 'status.podIP', differsFrom: { object: { kind: 'Service', name: 'web' }, path: 'spec.clusterIP' } }, true],
    ['length of an object counts keys', { object: { kind: 'Service', name: 'web' }, path: 'spec', length: { equals: 1 } }, true],
    ['allOf', { allOf: [{ count: { kind: 'Pod' }, equals: 4 }, { count: { kind: 'Service' }, equals: 1 }] }, true],
    ['allOf with one false', { allOf: [{ count: { kind: 'Pod' }, equals: 4 }, { count: { kind: 'Service' }, equals: 2 }] }, false],
    ['anyOf', { anyOf: [{ count: { kind: 'Pod' }, equals: 9 }, { count: { kind: 'Service' }, equals: 1 }] }, true],
    ['not', { not: { count: { kind: 'Pod' }, equals: 9 } }, true],
    ['ever without a run judges now', { ever: { count: { kind: 'Pod' }, equals: 4 } }, true],
  ];
  it.each(cases)('%s', (_, condition, want) => {
    expect(evaluate(condition, view)).toBe(want);
  });

  it('judges ever and always over the views of a run', () => {
    const one = fakeView({ objects: [pod('a')] });
    const two = fakeView({ objects: [pod('a'), pod('b')] });
    const during = [one, two, one];
    const twoPods: Condition = { count: { kind: 'Pod' }, equals: 2 };
    expect(evaluate({ ever: twoPods }, one, during)).toBe(true);
    expect(evaluate({ always: twoPods }, one, during)).toBe(false);
    expect(evaluate({ always: { count: { kind: 'Pod' }, atLeast: 1 } }, one, during)).toBe(true);
    expect(evaluate({ not: { ever: { count: { kind: 'Pod' }, equals: 3 } } }, one, during)).toBe(true);
    // outside ever/always, the moment judged is the view given
    expect(evaluate(twoPods, one, during)).toBe(false);
  });

  it('reads the cluster DNS like a Pod of the namespace would', () => {
    const c = createCluster({ nodes: 1 });
    const ok = c.apply('apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n');
    expect(ok.ok).toBe(true);
    const ip = { object: { kind: 'Service', name: 'web' }, path: 'spec.clusterIP' };
    expect(evaluate({ dns: { name: 'web' }, path: 'answers[0].data', sameAs: ip }, c)).toBe(true);
    expect(evaluate({ dns: { name: 'web.default.svc.cluster.local' }, path: 'rcode', equals: 'NOERROR' }, c)).toBe(true);
    expect(evaluate({ dns: { name: 'web', namespace: 'kube-system' }, path: 'rcode', equals: 'NXDOMAIN' }, c)).toBe(true);
  });
});
