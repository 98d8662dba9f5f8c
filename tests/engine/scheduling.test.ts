import { describe, expect, it } from 'vitest';
import { newCluster, podYaml, runUntil } from './helpers';

const bigPod = (name: string, cpu: string) => podYaml(name, `
    resources:
      requests:
        cpu: "${cpu}"`);

describe('scheduling through the public API', () => {
  it('binds a Pod and records Scheduled from default-scheduler', () => {
    const c = newCluster();
    c.apply(podYaml('web'));
    runUntil(c, () => !!(c.get('Pod', 'web')?.spec as { nodeName?: string }).nodeName);
    const node = (c.get('Pod', 'web')?.spec as { nodeName: string }).nodeName;
    const scheduled = c.events().find((e) => e.reason === 'Scheduled');
    expect(scheduled).toMatchObject({
      type: 'Normal', message: `Successfully assigned default/web to ${node}`, source: { component: 'default-scheduler' },
    });
    expect(c.steps.find((s) => s.actor === 'kube-scheduler')?.message).toContain(`Bound Pod default/web to ${node}`);
  });

  it('reports FailedScheduling in the upstream format and keeps the Pod Pending', () => {
    const c = newCluster();
    c.apply(bigPod('huge', '5'));
    runUntil(c, () => c.events().some((e) => e.reason === 'FailedScheduling'));
    const message = '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
    expect(c.events().find((e) => e.reason === 'FailedScheduling')).toMatchObject({ type: 'Warning', message });
    const cond = (c.get('Pod', 'huge')?.status as { conditions: { type: string; reason?: string; message?: string }[] })
      .conditions.find((x) => x.type === 'PodScheduled');
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable', message });
  });

  it('retries an unschedulable Pod when a Node joins', () => {
    const c = newCluster();
    c.apply(bigPod('huge', '6'));
    runUntil(c, () => c.events().some((e) => e.reason === 'FailedScheduling'));
    c.apply(`apiVersion: v1
kind: Node
metadata:
  name: big-node
status:
  capacity:
    cpu: "16"
    memory: 64Gi
    pods: "110"
`);
    runUntil(c, () => (c.get('Pod', 'huge')?.spec as { nodeName?: string }).nodeName === 'big-node', 60_000);
  });

  it('says so when there are no Nodes', () => {
    const c = newCluster({ nodes: 0 });
    c.apply(podYaml('web'));
    runUntil(c, () => c.events().some((e) => e.reason === 'FailedScheduling'));
    expect(c.events().find((e) => e.reason === 'FailedScheduling')?.message).toBe('no nodes available to schedule pods');
  });

  it('spreads the Pods of one owner over the Nodes', () => {
    const c = newCluster();
    const pods = ['a', 'b', 'c'].map((n) => podYaml(`web-${n}`).replace('  name: web-' + n + '\n', `  name: web-${n}\n  labels:\n    app: web\n`));
    c.apply(`apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
---
${pods.join('---\n')}`);
    runUntil(c, () => c.list('Pod').every((p) => (p.spec as { nodeName?: string }).nodeName));
    const nodes = new Set(c.list('Pod').map((p) => (p.spec as { nodeName: string }).nodeName));
    expect(nodes.size).toBe(3);
  });
});
