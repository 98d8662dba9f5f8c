/** A hand-built ClusterView for the condition tests: a few objects, Events, runtime records and tables. */
import type { ClusterView, KubeObject, NodeRuntime } from '../../src/engine/api';

let uid = 0;

export function obj(kind: string, name: string, rest: Partial<KubeObject> & { namespace?: string; labels?: Record<string, string> } = {}): KubeObject {
  const { namespace, labels, metadata, ...fields } = rest;
  return {
    apiVersion: 'v1',
    kind,
    metadata: {
      name, uid: `uid-${++uid}`, resourceVersion: '1', creationTimestamp: '2025-01-01T09:00:00Z',
      ...(namespace ? { namespace } : {}), ...(labels ? { labels } : {}), ...metadata,
    },
    ...fields,
  };
}

export const pod = (name: string, o: { labels?: Record<string, string>; phase?: string; ready?: boolean; node?: string; deleting?: boolean; owner?: { kind: string; name: string } } = {}) =>
  obj('Pod', name, {
    namespace: 'default',
    labels: o.labels,
    metadata: {
      name, uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: '2025-01-01T09:00:00Z', namespace: 'default', labels: o.labels,
      ...(o.deleting ? { deletionTimestamp: '2025-01-01T09:01:00Z' } : {}),
      ...(o.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', ...o.owner, uid: 'x', controller: true }] } : {}),
    },
    spec: { nodeName: o.node, containers: [{ name: 'app', image: 'nginx' }] },
    status: {
      phase: o.phase ?? 'Running',
      podIP: '10.244.1.5',
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }],
      containerStatuses: [{ name: 'app', restartCount: 2, state: { terminated: { exitCode: 0 } } }],
    },
  });

export interface FakeWorld {
  objects?: KubeObject[];
  events?: KubeObject[];
  runtime?: Record<string, NodeRuntime>;
  tables?: Record<string, [string, unknown][]>;
}

export function fakeView(world: FakeWorld): ClusterView {
  const objects = world.objects ?? [];
  return {
    now: 0,
    stepIndex: 0,
    get: (kind, name, namespace) => objects.find((o) => o.kind === kind && o.metadata.name === name
      && (o.metadata.namespace === undefined || o.metadata.namespace === (namespace ?? 'default'))),
    list: (kind, namespace) => objects.filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace)),
    events: () => world.events ?? [],
    runtime: (node) => world.runtime?.[node] ?? { sandboxes: [], containers: [] },
    table: <T>(name: string) => (world.tables?.[name] ?? []) as [string, T][],
  };
}
