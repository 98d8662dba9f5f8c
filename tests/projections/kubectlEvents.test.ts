import { describe, expect, it } from 'vitest';
import type { ClusterView, KubeObject } from '../../src/engine/api';
import { createCluster } from '../../src/engine/index';
import { eventsCommand, kubectlEventRows, noEventsMessage } from '../../src/projections/kubectlEvents';
import { formatEventsTable, formatWatch, RememberingTabWriter, watchRows } from '../../src/projections/kubectlEventsText';
import { StepObjectIndex } from '../../src/projections/stepFilterIndex';
import { epochOf } from '../../src/projections/time';
import { at, ts } from './fixtures';

function event(ns: string, name: string, o: { kind: string; name: string; namespace?: string }, reason: string, message: string,
  first: number, last = first, count = 1, type = 'Normal'): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Event',
    metadata: { name, namespace: ns, uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: ts(first) },
    involvedObject: { ...o, uid: `uid-${o.name}` }, reason, message, type, count,
    firstTimestamp: ts(first), lastTimestamp: ts(last), source: { component: 'x' },
  } as KubeObject;
}

const EVENTS = [
  event('default', 'web-1.18a2', { kind: 'Pod', name: 'web-1', namespace: 'default' }, 'Started', 'Started container nginx', 30),
  event('default', 'web-1.18a1', { kind: 'Pod', name: 'web-1', namespace: 'default' }, 'Scheduled', 'Successfully assigned default/web-1 to node-1', 2),
  event('default', 'node-1.17ff', { kind: 'Node', name: 'node-1' }, 'NodeReady', 'Node node-1 status is now: NodeReady', 0),
  event('shop', 'api.18a3', { kind: 'Deployment', name: 'api', namespace: 'shop' }, 'ScalingReplicaSet', 'Scaled up replica set api-5d to 2', 10),
  event('default', 'web-1.18b0', { kind: 'Pod', name: 'web-1', namespace: 'default' }, 'BackOff', 'Back-off restarting failed container nginx in pod web-1_default(uid)', 40, 190, 5, 'Warning'),
];

describe('kubectl get events', () => {
  it('-A: NAMESPACE first, in API list order (namespace, then name), aged at the cursor', () => {
    const rows = kubectlEventRows(EVENTS, at(200), { namespace: null });
    expect(formatEventsTable(rows, true)).toBe([
      'NAMESPACE   LAST SEEN   TYPE      REASON              OBJECT           MESSAGE',
      'default     3m20s       Normal    NodeReady           node/node-1      Node node-1 status is now: NodeReady',
      'default     3m18s       Normal    Scheduled           pod/web-1        Successfully assigned default/web-1 to node-1',
      'default     2m50s       Normal    Started             pod/web-1        Started container nginx',
      'default     10s         Warning   BackOff             pod/web-1        Back-off restarting failed container nginx in pod web-1_default(uid)',
      'shop        3m10s       Normal    ScalingReplicaSet   deployment/api   Scaled up replica set api-5d to 2',
      '',
    ].join('\n'));
  });

  it('-n: one namespace, no NAMESPACE column; the field selector narrows to one object', () => {
    const rows = kubectlEventRows(EVENTS, at(200), { namespace: 'default', object: { kind: 'Pod', name: 'web-1' } });
    expect(formatEventsTable(rows, false)).toBe([
      'LAST SEEN   TYPE      REASON      OBJECT      MESSAGE',
      '3m18s       Normal    Scheduled   pod/web-1   Successfully assigned default/web-1 to node-1',
      '2m50s       Normal    Started     pod/web-1   Started container nginx',
      '10s         Warning   BackOff     pod/web-1   Back-off restarting failed container nginx in pod web-1_default(uid)',
      '',
    ].join('\n'));
    expect(rows[0].involved).toEqual({ kind: 'Pod', name: 'web-1', namespace: 'default' });
  });

  it.each([
    [{ namespace: null }, false, 'kubectl get events -A', 'No resources found'],
    [{ namespace: 'shop' }, true, 'kubectl get events -n shop --watch', 'No resources found in shop namespace.'],
    [{ namespace: 'default', object: { kind: 'Pod', name: 'web-1' } }, false,
      'kubectl get events -n default --field-selector involvedObject.kind=Pod,involvedObject.name=web-1', 'No resources found in default namespace.'],
  ])('%j: the command and the empty answer', (q, watch, command, empty) => {
    expect(eventsCommand(q, watch)).toBe(command);
    expect(noEventsMessage(q)).toBe(empty);
  });
});

describe('the tabwriter kubectl uses (minwidth 6, padding 3, widths remembered across flushes)', () => {
  it('short columns still take 6; a later wider cell widens only the lines after it', () => {
    const w = new RememberingTabWriter();
    expect(w.flush([['A', 'B', 'msg'], ['1', '2', 'x']])).toEqual(['A     B     msg', '1     2     x']);
    expect(w.flush([['longer', '2', 'y']])).toEqual(['longer   2     y']);
    expect(w.flush([['1', '2', 'z']])).toEqual(['1        2     z']);
  });

  it('formatWatch: the header with the first line, then one flush per line', () => {
    const rows = kubectlEventRows(EVENTS.slice(1, 3), at(2), { namespace: 'default' }).reverse();
    expect(formatWatch(rows, false)).toBe([
      'LAST SEEN   TYPE     REASON      OBJECT      MESSAGE',
      '0s          Normal   Scheduled   pod/web-1   Successfully assigned default/web-1 to node-1',
      // flushed on its own: OBJECT widens for this line only (the header was printed narrower)
      '2s          Normal   NodeReady   node/node-1   Node node-1 status is now: NodeReady',
      '',
    ].join('\n'));
  });
});

describe('--watch over the real engine', () => {
  it('prints each Event write as it happened, aged 0s, growing with the cursor', () => {
    const cluster = createCluster({ nodes: 1 });
    cluster.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n');
    cluster.advance(10_000);
    const index = new StepObjectIndex().update(cluster);
    const view = (i: number): ClusterView => cluster.at(i);
    const q = { namespace: 'default', object: { kind: 'Pod', name: 'solo' } };
    const all = watchRows(index.eventsUpTo(cluster.steps.length - 1), view, q);
    expect(all.map((r) => r.reason)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    expect(new Set(all.map((r) => r.lastSeen))).toEqual(new Set(['0s']));
    const pulled = all.find((r) => r.reason === 'Pulled')!;
    expect(watchRows(index.eventsUpTo(pulled.step - 1), view, q).map((r) => r.reason)).toEqual(['Scheduled', 'Pulling']);
    // the list as of the end agrees with the watch on what exists
    const last = cluster.at(cluster.steps.length - 1);
    const listed = kubectlEventRows(last.events(), epochOf(last.now), q);
    expect(listed.map((r) => r.reason).sort()).toEqual(all.map((r) => r.reason).sort());
  });
});
