import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine';
import { newCluster, runUntil, syncErrors } from '../helpers';
import { dsStatus, dsYaml, isReady, nodeOf, runUntilRolledOut } from './daemonsetFixtures';

const strategy = (maxUnavailable: number | string, maxSurge: number | string) =>
  `  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: ${maxUnavailable}\n      maxSurge: ${maxSurge}\n`;
const image = (c: Pick<Cluster, 'list'>, name: string) =>
  (c.list('Pod').find((p) => p.metadata.name === name)!.spec as { containers: { image: string }[] }).containers[0].image;

/** Over the Steps from `from`: the most Nodes at once without a live, Ready daemon Pod. */
function maxNodesWithoutReadyPod(c: Cluster, from: number): number {
  let worst = 0;
  for (let i = from; i < c.steps.length; i++) {
    const view = c.at(i);
    const covered = new Set(view.list('Pod').filter((p) => !p.metadata.deletionTimestamp && isReady(p)).map(nodeOf));
    worst = Math.max(worst, view.list('Node').filter((n) => !covered.has(n.metadata.name)).length);
  }
  return worst;
}

/** Over the Steps from `from`: the most daemon Pods (terminating ones too) on one Node at once. */
function maxPodsPerNode(c: Cluster, from: number): number {
  let worst = 0;
  for (let i = from; i < c.steps.length; i++) {
    const counts = new Map<string, number>();
    for (const p of c.at(i).list('Pod')) counts.set(nodeOf(p) ?? '', (counts.get(nodeOf(p) ?? '') ?? 0) + 1);
    worst = Math.max(worst, ...counts.values());
  }
  return worst;
}

function rolledOutCluster(spec = ''): Cluster {
  const c = newCluster();
  c.apply(dsYaml({ spec }));
  runUntilRolledOut(c, 3);
  return c;
}

describe('DaemonSet RollingUpdate', () => {
  it('with maxUnavailable 1 replaces one Node at a time: old Pod deleted, then the new one created', () => {
    const c = rolledOutCluster();
    const before = c.list('Pod').map((p) => p.metadata.name);
    const from = c.steps.length;
    c.apply(dsYaml({ image: 'nginx:1.28' }));
    runUntil(c, () => dsStatus(c)?.observedGeneration === 2 && dsStatus(c)?.updatedNumberScheduled === 3 && dsStatus(c)?.numberAvailable === 3 &&
      c.list('Pod').length === 3, 120_000);
    for (const p of c.list('Pod')) expect(image(c, p.metadata.name)).toBe('nginx:1.28');
    expect(c.list('Pod').some((p) => before.includes(p.metadata.name))).toBe(false);
    expect(maxNodesWithoutReadyPod(c, from)).toBe(1);
    expect(maxPodsPerNode(c, from)).toBe(1);
    const deletes = c.steps.slice(from).filter((s) => s.actor === 'daemonset-controller' && s.message.includes(' deletes '));
    expect(deletes.map((s) => s.message.match(/old Pod on (node-\d)/)?.[1])).toEqual(['node-1', 'node-2', 'node-3']);
    expect(deletes[0].message).toMatch(/^DaemonSet agent deletes agent-\w{5}: rolling update \(maxUnavailable 1\): the old Pod on node-1 goes first/);
    const revisions = c.list('ControllerRevision').map((r) => (r as unknown as { revision: number }).revision).sort();
    expect(revisions).toEqual([1, 2]);
    expect(c.list('Pod').every((p) => p.metadata.labels?.['pod-template-generation'] === '2')).toBe(true);
    expect(dsStatus(c)).toMatchObject({ observedGeneration: 2, updatedNumberScheduled: 3, numberReady: 3 });
    expect(syncErrors(c)).toEqual([]);
  });

  it('with maxUnavailable 2 takes down two Nodes at once', () => {
    const c = rolledOutCluster(strategy(2, 0));
    const from = c.steps.length;
    c.apply(dsYaml({ image: 'nginx:1.28', spec: strategy(2, 0) }));
    c.advance(0);
    const deleting = c.list('Pod').filter((p) => p.metadata.deletionTimestamp);
    expect(deleting).toHaveLength(2);
    runUntil(c, () => dsStatus(c)?.observedGeneration === 2 && dsStatus(c)?.updatedNumberScheduled === 3 && dsStatus(c)?.numberAvailable === 3, 120_000);
    expect(maxNodesWithoutReadyPod(c, from)).toBe(2);
  });

  it('with maxSurge 1 starts the new Pod beside the old one and deletes the old one once the new one is available', () => {
    const surge = strategy(0, 1);
    const c = rolledOutCluster(surge);
    const from = c.steps.length;
    c.apply(dsYaml({ image: 'nginx:1.28', spec: surge }));
    runUntil(c, () => dsStatus(c)?.observedGeneration === 2 && dsStatus(c)?.updatedNumberScheduled === 3 && dsStatus(c)?.numberAvailable === 3 &&
      c.list('Pod').length === 3, 120_000);
    // full availability throughout, with a second Pod on a Node during its handover
    expect(maxNodesWithoutReadyPod(c, from)).toBe(0);
    expect(maxPodsPerNode(c, from)).toBe(2);
    const steps = c.steps.slice(from);
    const firstCreate = steps.findIndex((s) => s.actor === 'daemonset-controller' && s.changes.some((ch) => ch.type === 'ADDED' && ch.kind === 'Pod'));
    const firstDelete = steps.findIndex((s) => s.actor === 'daemonset-controller' && s.message.includes(' deletes '));
    expect(steps[firstCreate].message).toMatch(/rolling update \(maxSurge 1\): a new Pod starts next to the old one on node-1/);
    expect(firstDelete).toBeGreaterThan(firstCreate);
    expect(steps[firstDelete].message).toMatch(/the new Pod agent-\w{5} on node-1 is available, so the old one goes$/);
    expect(syncErrors(c)).toEqual([]);
  });

  it('waits minReadySeconds before counting a new Pod available and moving on', () => {
    const spec = '  minReadySeconds: 10\n';
    const c = rolledOutCluster(spec);
    const from = c.steps.length;
    c.apply(dsYaml({ image: 'nginx:1.28', spec }));
    runUntil(c, () => dsStatus(c)?.observedGeneration === 2 && dsStatus(c)?.updatedNumberScheduled === 3 && dsStatus(c)?.numberAvailable === 3, 180_000);
    const deletes = c.steps.slice(from).filter((s) => s.actor === 'daemonset-controller' && s.message.includes(' deletes '));
    expect(deletes).toHaveLength(3);
    // each next Node waits for the previous Node's new Pod to be Ready for 10s
    expect(deletes[1].time - deletes[0].time).toBeGreaterThanOrEqual(10_000);
    expect(deletes[2].time - deletes[1].time).toBeGreaterThanOrEqual(10_000);
  });
});

describe('DaemonSet OnDelete', () => {
  it('replaces a Pod only when it is deleted', () => {
    const onDelete = '  updateStrategy:\n    type: OnDelete\n';
    const c = rolledOutCluster(onDelete);
    const from = c.steps.length;
    c.apply(dsYaml({ image: 'nginx:1.28', spec: onDelete }));
    c.advance(60_000);
    expect(c.steps.slice(from).filter((s) => s.actor === 'daemonset-controller' && s.changes.some((ch) => ch.kind === 'Pod'))).toEqual([]);
    expect(dsStatus(c)).toMatchObject({ desiredNumberScheduled: 3, numberReady: 3, observedGeneration: 2 });
    expect(dsStatus(c)?.updatedNumberScheduled).toBeUndefined();

    const victim = c.list('Pod').find((p) => nodeOf(p) === 'node-2')!.metadata.name;
    c.delete('Pod', victim);
    runUntil(c, () => dsStatus(c)?.observedGeneration === 2 && dsStatus(c)?.updatedNumberScheduled === 1 && dsStatus(c)?.numberReady === 3, 60_000);
    const byNode = Object.fromEntries(c.list('Pod').map((p) => [nodeOf(p), image(c, p.metadata.name)]));
    expect(byNode).toEqual({ 'node-1': 'nginx:1.27', 'node-2': 'nginx:1.28', 'node-3': 'nginx:1.27' });
  });
});
