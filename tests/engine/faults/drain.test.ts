import { describe, expect, it } from 'vitest';
import { apply, cluster, condition, deployment, nodeOf, pods, readyOf, runUntil, stepsSince, syncErrors, type Obj } from './faultHelpers';

const daemonSet = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: a, image: busybox:1.36, command: [sleep, infinity]}]
`;

const pdb = (minAvailable: number | string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web-pdb}
spec:
  minAvailable: ${typeof minAvailable === 'string' ? `"${minAvailable}"` : minAvailable}
  selector: {matchLabels: {app: web}}
`;

const PDB_429 = "Cannot evict pod as it would violate the pod's disruption budget.";

describe('kubectl cordon / uncordon', () => {
  it('prints kubectl texts and keeps the unschedulable taint in step', () => {
    const c = cluster(1);
    expect(c.cordon('node-1')).toEqual({ ok: true, message: 'node/node-1 cordoned' });
    expect(c.cordon('node-1')).toEqual({ ok: true, message: 'node/node-1 already cordoned' });
    c.advance(1000);
    expect((c.get('Node', 'node-1') as Obj).spec).toMatchObject({ unschedulable: true,
      taints: [expect.objectContaining({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })] });
    expect(c.uncordon('node-1')).toEqual({ ok: true, message: 'node/node-1 uncordoned' });
    expect(c.uncordon('node-1')).toEqual({ ok: true, message: 'node/node-1 already uncordoned' });
    c.advance(1000);
    expect((c.get('Node', 'node-1') as Obj).spec.unschedulable).toBeUndefined();
    expect((c.get('Node', 'node-1') as Obj).spec.taints).toBeUndefined();
    expect(c.cordon('node-9')).toEqual({ ok: false, message: 'Error from server (NotFound): nodes "node-9" not found' });
    expect(c.steps.filter((s) => s.actor === 'kubectl').map((s) => s.message.split(':')[0])).toEqual(['node/node-1 cordoned', 'node/node-1 uncordoned']);
  });
});

describe('kubectl drain', () => {
  it('cordons, evicts through the Eviction API, waits for the Pod to go, and reports the Node drained', () => {
    const c = cluster(3);
    apply(c, deployment('web', 3) + '---\n' + daemonSet);
    c.advance(20_000);
    const web = pods(c).find((p) => p.metadata.name.startsWith('web-'))!;
    const target = nodeOf(web)!;
    const agent = pods(c).find((p) => p.metadata.name.startsWith('agent-') && nodeOf(p) === target)!;
    const from = c.steps.length;
    const result = c.drain(target, { ignoreDaemonSets: true });
    expect(result.ok).toBe(true);
    expect([...result.lines]).toEqual([
      `node/${target} cordoned`,
      `Warning: ignoring DaemonSet-managed Pods: default/${agent.metadata.name}`,
      `evicting pod default/${web.metadata.name}`,
    ]);
    expect(result.message).toBe(result.lines.join('\n'));
    const evicted = c.get('Pod', web.metadata.name) as Obj;
    expect(evicted.metadata.deletionTimestamp).toBeDefined();
    expect(condition(evicted, 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' });
    runUntil(c, () => result.lines.length === 5, 60_000);
    expect(result.lines.slice(3)).toEqual([`pod/${web.metadata.name} evicted`, `node/${target} drained`]);
    expect(c.get('Pod', web.metadata.name)).toBeUndefined();
    expect(c.get('Pod', agent.metadata.name)).toBeDefined();
    const table = c.table<Obj>('kubectl/drain');
    expect(table).toEqual([[target, expect.objectContaining({ state: 'drained', lines: result.lines })]]);
    const kubectl = stepsSince(c, from, 'kubectl');
    expect(kubectl[0].message).toMatch(new RegExp(`^node/${target} cordoned`));
    expect(kubectl.some((s) => s.message === `Eviction API: deleted Pod default/${web.metadata.name} (graceful)`)).toBe(true);
    runUntil(c, () => pods(c).filter((p) => p.metadata.name.startsWith('web-') && readyOf(p) === 'True').length === 3, 60_000);
    expect(pods(c).filter((p) => p.metadata.name.startsWith('web-')).every((p) => nodeOf(p) !== target)).toBe(true);
    expect(syncErrors(c)).toEqual([]);
  });

  it('retries every 5s while a PodDisruptionBudget refuses, and goes on once one more Pod is healthy', () => {
    const c = cluster(3);
    apply(c, deployment('web', 3) + '---\n' + pdb(3));
    c.advance(20_000);
    expect((c.get('PodDisruptionBudget', 'web-pdb') as Obj).status).toMatchObject({
      currentHealthy: 3, desiredHealthy: 3, disruptionsAllowed: 0, expectedPods: 3 });
    const web = pods(c)[0];
    const target = nodeOf(web)!;
    const name = web.metadata.name;
    const result = c.drain(target);
    const refused = `error when evicting pods/"${name}" -n "default" (will retry after 5s): ${PDB_429}`;
    expect([...result.lines]).toEqual([`node/${target} cordoned`, `evicting pod default/${name}`, refused]);
    c.advance(12_000);
    expect(result.lines.slice(3)).toEqual([`evicting pod default/${name}`, refused, `evicting pod default/${name}`, refused]);
    const retries = c.steps.filter((s) => s.actor === 'kubectl' && s.message.includes('will retry after 5s')).map((s) => s.time);
    // the first refusal shares the cordon's Step (no API write between them); the retries are Steps of their own
    expect(retries).toEqual([25_000, 30_000]);
    expect(c.get('Pod', name)).toBeDefined();

    c.scale('Deployment', 'web', 4);
    runUntil(c, () => result.lines[result.lines.length - 1] === `node/${target} drained`, 120_000);
    const tail = result.lines.slice(result.lines.lastIndexOf(refused) + 1);
    expect(tail).toEqual([`evicting pod default/${name}`, `pod/${name} evicted`, `node/${target} drained`]);
    const status = (c.get('PodDisruptionBudget', 'web-pdb') as Obj).status;
    expect(status).toMatchObject({ desiredHealthy: 3, expectedPods: 4 });
  });

  it('refuses DaemonSet-managed, unmanaged and local-storage Pods unless told otherwise', () => {
    const c = cluster(2);
    apply(c, daemonSet + `---
apiVersion: v1
kind: Pod
metadata: {name: bare}
spec:
  nodeName: node-1
  containers: [{name: app, image: nginx:1.27}]
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: cache}
spec:
  replicas: 1
  selector: {matchLabels: {app: cache}}
  template:
    metadata: {labels: {app: cache}}
    spec:
      nodeName: node-1
      volumes: [{name: tmp, emptyDir: {}}]
      containers: [{name: app, image: nginx:1.27}]
`);
    c.advance(20_000);
    const agent = pods(c).find((p) => p.metadata.name.startsWith('agent-') && nodeOf(p) === 'node-1')!.metadata.name;
    const cache = pods(c).find((p) => p.metadata.name.startsWith('cache-'))!.metadata.name;
    const refused = c.drain('node-1');
    const errors = `[cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/${agent}, ` +
      `cannot delete Pods declare no controller (use --force to override): default/bare, ` +
      `cannot delete Pods with local storage (use --delete-emptydir-data to override): default/${cache}]`;
    expect(refused.ok).toBe(false);
    expect([...refused.lines]).toEqual([
      'node/node-1 cordoned',
      `error: unable to drain node "node-1" due to error: ${errors}, continuing command...`,
      'There are pending nodes to be drained:',
      ' node-1',
      `error: ${errors}`,
    ]);
    expect(c.get('Pod', 'bare')).toBeDefined();

    const forced = c.drain('node-1', { ignoreDaemonSets: true, force: true, deleteEmptyDirData: true });
    expect(forced.ok).toBe(true);
    expect(forced.lines.slice(0, 4)).toEqual([
      'node/node-1 already cordoned',
      // upstream: a later filter's verdict replaces the local-storage warning of a Pod that has a controller
      `Warning: deleting Pods that declare no controller: default/bare; ignoring DaemonSet-managed Pods: default/${agent}`,
      'evicting pod default/bare',
      `evicting pod default/${cache}`,
    ]);
    runUntil(c, () => forced.lines[forced.lines.length - 1] === 'node/node-1 drained', 60_000);
  });

  it('reports a missing Node as kubectl does', () => {
    const c = cluster(1);
    expect(c.drain('nope')).toEqual({ ok: false, message: 'Error from server (NotFound): nodes "nope" not found',
      lines: ['Error from server (NotFound): nodes "nope" not found'] });
  });
});
