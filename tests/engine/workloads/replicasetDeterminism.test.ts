import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine';
import { newCluster } from '../helpers';

const rsYaml = (replicas: number) => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: ${replicas}
  minReadySeconds: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: app
        image: nginx:1.27
`;

/** The same commands, in the same order, at the same virtual times. */
function scenario(seed: number): Cluster {
  const c = newCluster({ seed });
  c.apply(rsYaml(5));
  c.advance(20_000);
  c.scale('ReplicaSet', 'web', 2);
  c.advance(5_000);
  c.delete('Pod', c.list('Pod').filter((p) => !p.metadata.deletionTimestamp)[0].metadata.name);
  c.advance(40_000);
  c.delete('ReplicaSet', 'web', 'default', { propagationPolicy: 'Foreground' });
  c.advance(60_000);
  return c;
}

const trace = (c: Cluster) => c.steps.map((s) => ({ time: s.time, actor: s.actor, message: s.message, changes: s.changes, events: s.events }));

describe('ReplicaSet and garbage collector determinism', () => {
  it('gives the same Steps, names and Events for the same seed and commands', () => {
    const a = scenario(7);
    const b = scenario(7);
    expect(trace(a)).toEqual(trace(b));
    expect(a.events().map((e) => [e.reason, e.message])).toEqual(b.events().map((e) => [e.reason, e.message]));
    expect(a.steps.some((s) => s.actor === 'garbage-collector')).toBe(true);
    expect(a.list('ReplicaSet')).toEqual([]);
  });

  it('draws different Pod names from a different seed', () => {
    const names = (c: Cluster) => c.steps.flatMap((s) => s.changes).filter((ch) => ch.kind === 'Pod' && ch.type === 'ADDED').map((ch) => ch.name);
    expect(names(scenario(7))).not.toEqual(names(scenario(8)));
  });
});
