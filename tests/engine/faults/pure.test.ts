import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine';
import { disruptionsAllowed, expectedPodCount, scaledValue } from '../../../src/engine/controllers/disruption/pdbMath';
import { lastRenewal, nextMonitorTick, unknownAt } from '../../../src/engine/controllers/nodelifecycle/heartbeat';
import { unknownConditions } from '../../../src/engine/controllers/nodelifecycle/nodeHealth';
import { noScheduleTaintChange } from '../../../src/engine/controllers/nodelifecycle/taints';
import { matchingTolerations, minTolerationMs } from '../../../src/engine/controllers/nodelifecycle/tolerations';
import { planZones, zoneState } from '../../../src/engine/controllers/nodelifecycle/zones';
import { aggregate, planDrain } from '../../../src/engine/commands/faults/drainFilters';
import { evictionMessage, memoryFigures } from '../../../src/engine/kubelet/evictionManager';
import { probeForcedAt } from '../../../src/engine/kubelet/faults';
import { forcedProbeFailure } from '../../../src/engine/kubelet/probeFaults';

const Mi = 1024 * 1024;

function node(name: string, ready?: string, extra: { taints?: object[]; unschedulable?: boolean; zone?: string; created?: string } = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name, uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: extra.created ?? '2025-01-01T09:00:00Z',
      labels: extra.zone ? { 'topology.kubernetes.io/zone': extra.zone } : {} },
    spec: { ...(extra.taints ? { taints: extra.taints } : {}), ...(extra.unschedulable ? { unschedulable: true } : {}) },
    status: ready ? { conditions: [{ type: 'Ready', status: ready }] } : {},
  };
}

function pod(name: string, extra: { owner?: string; daemon?: boolean; emptyDir?: boolean; phase?: string; mirror?: boolean } = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: '2025-01-01T09:00:00Z',
      ...(extra.owner || extra.daemon ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: extra.daemon ? 'DaemonSet' : 'ReplicaSet',
        name: extra.owner ?? 'ds', uid: 'owner', controller: true }] } : {}),
      ...(extra.mirror ? { annotations: { 'kubernetes.io/config.mirror': 'x' } } : {}) },
    spec: { containers: [{ name: 'app' }], ...(extra.emptyDir ? { volumes: [{ name: 'v', emptyDir: {} }] } : {}) },
    status: { phase: extra.phase ?? 'Running' },
  };
}

describe('PodDisruptionBudget arithmetic', () => {
  it.each([
    [2, 10, true, 2], ['50%', 3, true, 2], ['50%', 3, false, 1], ['0%', 5, true, 0], ['100%', 7, true, 7], ['34%', 3, true, 2],
  ] as const)('scaledValue(%s of %i, roundUp %s) = %i', (value, total, up, want) => {
    expect(scaledValue(value, total, up)).toBe(want);
  });

  it('rejects a string that is not a percentage', () => {
    expect((scaledValue('2', 3, true) as Error).message).toBe('invalid value for IntOrString: invalid type: string is not a percentage');
  });

  it.each([
    [{ minAvailable: 2 }, 5, 9, { expected: 5, desired: 2 }],
    [{ minAvailable: '50%' }, 5, 9, { expected: 9, desired: 5 }],
    [{ maxUnavailable: 1 }, 5, 9, { expected: 9, desired: 8 }],
    [{ maxUnavailable: '25%' }, 5, 9, { expected: 9, desired: 6 }],
    [{ maxUnavailable: 20 }, 5, 9, { expected: 9, desired: 0 }],
  ])('expectedPodCount(%j, %i pods, scale %i)', (spec, podCount, scale, want) => {
    expect(expectedPodCount(spec, podCount, () => scale)).toEqual(want);
  });

  it.each([[3, 2, 3, 1], [2, 2, 3, 0], [1, 2, 3, 0], [3, 0, 0, 0], [5, 1, 5, 4]])(
    'disruptionsAllowed(current %i, desired %i, expected %i) = %i', (current, desired, expected, want) => {
      expect(disruptionsAllowed(current, desired, expected)).toBe(want);
    });
});

describe('tolerations of NoExecute taints', () => {
  const unreachable = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
  const gpu = { key: 'gpu', value: 'yes', effect: 'NoExecute' };
  it.each([
    ['default 300s', [{ key: unreachable.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }], [unreachable], true, 300_000],
    ['forever', [{ key: unreachable.key, operator: 'Exists', effect: 'NoExecute' }], [unreachable], true, -1],
    ['the shortest', [{ key: unreachable.key, operator: 'Exists', tolerationSeconds: 60 }, { operator: 'Exists', tolerationSeconds: 10 }],
      [unreachable, gpu], true, 10_000],
    ['zero', [{ operator: 'Exists', tolerationSeconds: 0 }], [unreachable], true, 0],
    ['not tolerated', [{ key: unreachable.key, operator: 'Exists' }], [unreachable, gpu], false, 0],
  ])('%s', (_name, tolerations, taints, all, ms) => {
    const { allTolerated, used } = matchingTolerations(taints, tolerations);
    expect(allTolerated).toBe(all);
    if (all) expect(minTolerationMs(used)).toBe(ms);
  });
});

describe('node lifecycle decisions', () => {
  it.each([
    [[], 'Normal'], [['True', 'False'], 'Normal'], [['False', 'Unknown'], 'FullDisruption'],
    [['True', 'False', 'False', 'False'], 'PartialDisruption'], [['True', 'True', 'False', 'False', 'False'], 'PartialDisruption'],
    [['True', 'True', 'True', 'False', 'False', 'False'], 'Normal'],
  ] as const)('zone of %j is %s', (readies, state) => {
    expect(zoneState(readies.map((r, i) => node(`n${i}`, r)))).toBe(state);
  });

  it('enters master disruption mode only when every zone is fully disrupted, and ignores Nodes not reporting yet', () => {
    expect(planZones([node('a', 'Unknown', { zone: 'z1' }), node('b', 'Unknown', { zone: 'z2' })], 1e9).masterDisruption).toBe(true);
    expect(planZones([node('a', 'Unknown', { zone: 'z1' }), node('b', 'True', { zone: 'z2' })], 1e9).masterDisruption).toBe(false);
    expect(planZones([node('a'), node('b')], 1e9).masterDisruption).toBe(false);
    const justNotReady = node('c', 'False');
    (justNotReady.status as { conditions: object[] }).conditions = [{ type: 'Ready', status: 'False', lastTransitionTime: '2025-01-01T09:00:05Z' }];
    expect(planZones([justNotReady], 5000).masterDisruption).toBe(false);
    expect(planZones([justNotReady], 10_000).masterDisruption).toBe(true);
  });

  it.each([
    ['a Node not reporting yet', node('n', undefined), ['node.kubernetes.io/not-ready'], []],
    ['a Ready Node with the registration taint', node('n', 'True', { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] }),
      [], ['node.kubernetes.io/not-ready']],
    ['an unreachable Node', node('n', 'Unknown'), ['node.kubernetes.io/unreachable'], []],
    ['a cordoned Node', node('n', 'True', { unschedulable: true }), ['node.kubernetes.io/unschedulable'], []],
    ['a Node already tainted right', node('n', 'False', { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] }), undefined, undefined],
  ])('NoSchedule taints of %s', (_name, n, added, removed) => {
    const change = noScheduleTaintChange(n, 'T');
    if (added === undefined) expect(change).toBeUndefined();
    else expect(change).toMatchObject({ added, removed });
  });

  it('sets every condition Unknown, keeping the kubelet\'s heartbeat time', () => {
    const out = unknownConditions([{ type: 'Ready', status: 'True', reason: 'KubeletReady', lastHeartbeatTime: 'H', lastTransitionTime: 'T0' }], 'T1');
    expect(out[0]).toEqual({ type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.',
      lastHeartbeatTime: 'H', lastTransitionTime: 'T1' });
    expect(out.slice(1).map((c) => [c.type, c.reason])).toEqual([
      ['MemoryPressure', 'NodeStatusNeverUpdated'], ['DiskPressure', 'NodeStatusNeverUpdated'], ['PIDPressure', 'NodeStatusNeverUpdated']]);
  });

  it.each([
    [0, 30_000, 30_000, 80_000], [0, 33_000, 30_000, 80_000], [0, 39_999, 30_000, 80_000], [2_000, 33_000, 32_000, 85_000],
  ])('kubelet started at %i, stopped at %i: last renewal %i, Unknown at %i', (startedAt, stoppedAt, renewal, unknown) => {
    const n = node('n', 'True');
    const hb = { uid: 'uid-n', startedAt, stoppedAt };
    expect(lastRenewal(n, hb, 1e9)).toBe(renewal);
    expect(unknownAt(n, hb)).toBe(unknown);
  });

  it.each([[0, 0], [1, 5000], [5000, 5000], [5001, 10_000]])('the monitor tick at or after %i is %i', (t, tick) => {
    expect(nextMonitorTick(t)).toBe(tick);
  });
});

describe('kubectl drain filters', () => {
  const exists = () => true;
  it('evicts managed Pods, skips mirror Pods, refuses the rest by reason', () => {
    const plan = planDrain([pod('web', { owner: 'rs' }), pod('ds', { daemon: true }), pod('bare'), pod('cache', { owner: 'rs', emptyDir: true }),
      pod('static', { mirror: true, owner: 'rs' }), pod('done', { phase: 'Succeeded' })], {}, exists);
    expect(plan.evict.map((p) => p.metadata.name)).toEqual(['web', 'done']);
    expect(plan.errors).toEqual([
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/ds',
      'cannot delete Pods declare no controller (use --force to override): default/bare',
      'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache',
    ]);
  });

  it('turns refusals into warnings with the flags', () => {
    const plan = planDrain([pod('ds', { daemon: true }), pod('bare'), pod('orphan', { daemon: true, owner: 'gone' })],
      { ignoreDaemonSets: true, force: true }, (_ns, name) => name !== 'gone');
    expect(plan.errors).toEqual([]);
    expect(plan.evict.map((p) => p.metadata.name)).toEqual(['bare', 'orphan']);
    // upstream: the orphan's warning is replaced by the later filters' verdicts (only the last one counts)
    expect(plan.warnings).toBe('deleting Pods that declare no controller: default/bare; ignoring DaemonSet-managed Pods: default/ds');
  });

  it('aggregates errors like Go', () => {
    expect(aggregate(['a'])).toBe('a');
    expect(aggregate(['a', 'b'])).toBe('[a, b]');
  });
});

describe('kubelet faults', () => {
  it('computes what the eviction manager observes and says', () => {
    const figures = memoryFigures(8192 * Mi, 10 * Mi, 3 * Mi, 'app', { app: 3 * Mi, side: 1 * Mi });
    expect(figures).toEqual({ available: 51 * Mi, usage: { app: 8131 * Mi, side: 1 * Mi } });
    expect(evictionMessage(figures, [{ name: 'app', resources: { requests: { memory: '64Mi' } } }, { name: 'side', resources: { requests: { memory: '2Mi' } } }]))
      .toBe('The node was low on resource: memory. Threshold quantity: 100Mi, available: 51Mi. ' +
        'Container app was using 8131Mi, request is 64Mi, has larger consumption of memory. ');
  });

  it.each([
    [{ httpGet: { path: '/', port: 80 } }, 'HTTP probe failed with statuscode: 500'],
    [{ tcpSocket: { port: 'web' } }, 'dial tcp 10.244.1.5:8080: connect: connection refused'],
    [{ grpc: { port: 9000 } }, 'service unhealthy (responded with "NOT_SERVING")'],
    [{ exec: { command: ['true'] } }, ''],
  ])('a forced failure of %j reads %j', (probe, output) => {
    expect(forcedProbeFailure(probe, { name: 'app', ports: [{ name: 'web', containerPort: 8080 }] }, '10.244.1.5'))
      .toEqual({ result: 'failure', output });
  });

  it.each([[999, false], [1000, true], [1999, true], [2000, false], [5000, true]])('probe forced at %i: %s', (t, forced) => {
    expect(probeForcedAt({ liveness: [{ from: 1000, until: 2000 }, { from: 5000 }] }, 'liveness', t)).toBe(forced);
    expect(probeForcedAt({ liveness: [{ from: 0 }] }, 'readiness', t)).toBe(false);
  });
});
