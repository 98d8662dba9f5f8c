import { describe, expect, it } from 'vitest';
import { newCluster, phaseOf, podYaml, runUntil, syncErrors } from './helpers';

describe('steps, time travel and determinism', () => {
  it('starts with the bootstrap Step and the default Nodes', () => {
    const c = newCluster();
    expect(c.steps[0]).toMatchObject({ index: 0, time: 0, actor: 'kubeadm' });
    expect(c.list('Node').map((n) => n.metadata.name)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(c.list('Namespace').map((n) => n.metadata.name).sort())
      .toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    expect(newCluster({ nodes: 0 }).list('Node')).toEqual([]);
  });

  it('numbers Steps in order and moves the clock forward only', () => {
    const c = newCluster();
    c.apply(podYaml('web'));
    runUntil(c, () => phaseOf(c.get('Pod', 'web')) === 'Running');
    c.steps.forEach((s, i) => expect(s.index).toBe(i));
    for (let i = 1; i < c.steps.length; i++) expect(c.steps[i].time).toBeGreaterThanOrEqual(c.steps[i - 1].time);
    expect(syncErrors(c)).toEqual([]);
  });

  it('reads any past Step without re-running', () => {
    const c = newCluster();
    c.apply(podYaml('web'));
    const applied = c.steps.length - 1;
    runUntil(c, () => phaseOf(c.get('Pod', 'web')) === 'Running');
    const past = c.at(applied);
    expect(phaseOf(past.get('Pod', 'web'))).toBe('Pending');
    expect((past.get('Pod', 'web')?.spec as { nodeName?: string }).nodeName).toBeUndefined();
    expect(past.now).toBe(c.steps[applied].time);
    const node = (c.get('Pod', 'web')?.spec as { nodeName: string }).nodeName;
    expect(past.runtime(node).sandboxes).toEqual([]);
    expect(c.at(c.steps.length - 1).runtime(node).sandboxes).toHaveLength(1);
    expect(c.at(0).get('Pod', 'web')).toBeUndefined();
  });

  it('gives the same Steps, names and IPs for the same seed and commands', () => {
    const run = (seed: number) => {
      const c = newCluster({ seed });
      c.apply(podYaml('web') + '---\n' + podYaml('api'));
      c.advance(60_000);
      return { steps: c.steps.map((s) => [s.time, s.actor, s.message]), pods: c.list('Pod'), events: c.events() };
    };
    expect(run(7)).toEqual(run(7));
    expect(JSON.stringify(run(7).pods)).not.toEqual(JSON.stringify(run(8).pods));
  });

  it('advance(ms) runs everything due and ends at now + ms', () => {
    const c = newCluster();
    c.apply(podYaml('web'));
    const steps = c.advance(30_000);
    expect(c.now).toBe(30_000);
    expect(steps.length).toBeGreaterThan(3);
    expect(phaseOf(c.get('Pod', 'web'))).toBe('Running');
  });

  it('step() returns undefined once the cluster is quiet', () => {
    const c = newCluster();
    c.apply(podYaml('web'));
    let n = 0;
    while (c.step()) if (++n > 500) throw new Error('never settled');
    expect(phaseOf(c.get('Pod', 'web'))).toBe('Running');
  });

  it('notifies subscribers of changes', () => {
    const c = newCluster();
    let calls = 0;
    const off = c.subscribe(() => calls++);
    c.apply(podYaml('web'));
    c.step();
    off();
    c.step();
    expect(calls).toBe(2);
  });
});
