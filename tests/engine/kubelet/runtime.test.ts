import { describe, expect, it } from 'vitest';
import { apply, cluster, runUntil, status } from './kubeletHelpers';

describe('kubelet: the container runtime records (crictl pods / ps -a)', () => {
  it('lists one sandbox per pod and every container with its type, state and attempt', () => {
    const c = cluster(2);
    apply(c, `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  nodeName: node-2
  initContainers:
  - name: setup
    image: busybox:1.36
    command: ["sh", "-c", "sleep 1"]
  - name: proxy
    image: nginx:1.25
    restartPolicy: Always
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    resources:
      limits: { cpu: 250m, memory: 64Mi }
`);
    runUntil(c, () => status(c, 'web').phase === 'Running');
    expect(c.runtime('node-1')).toEqual({ sandboxes: [], containers: [] });
    const rt = c.runtime('node-2');
    expect(rt.sandboxes.map((s) => [s.pod, s.state, s.ip])).toEqual([['web', 'SANDBOX_READY', '10.244.2.2']]);
    const order = ['setup', 'proxy', 'app'];
    const containers = [...rt.containers].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
    expect(containers.map((x) => [x.name, x.type, x.state, x.attempt, x.exitCode])).toEqual([
      ['setup', 'init', 'CONTAINER_EXITED', 0, 0],
      ['proxy', 'sidecar', 'CONTAINER_RUNNING', 0, undefined],
      ['app', 'regular', 'CONTAINER_RUNNING', 0, undefined],
    ]);
    for (const x of containers) {
      expect(x.sandboxId).toBe(rt.sandboxes[0].id);
      expect(x.id).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(containers[2].limits).toEqual({ cpu: '250m', memory: '64Mi' });
    expect(containers[0].finishedAt! - containers[0].startedAt!).toBe(1000);
  });

  it('is the same for the same seed and commands (ids, IPs)', () => {
    const run = () => {
      const c = cluster();
      apply(c, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: app\n    image: nginx:1.25\n');
      runUntil(c, () => status(c, 'a').phase === 'Running');
      return c.runtime('node-1');
    };
    expect(run()).toEqual(run());
  });

  it('shows the runtime as it was at an earlier Step', () => {
    const c = cluster();
    apply(c, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: app\n    image: nginx:1.25\n');
    runUntil(c, () => status(c, 'a').phase === 'Running');
    const sandboxStep = c.steps.find((s) => s.message.startsWith('Created the pod sandbox'))!;
    expect(c.at(sandboxStep.index).runtime('node-1').containers).toEqual([]);
    expect(c.at(sandboxStep.index).runtime('node-1').sandboxes).toHaveLength(1);
    expect(c.at(sandboxStep.index - 1).runtime('node-1').sandboxes).toHaveLength(0);
  });

  it('gives hostNetwork pods the node IP and no address from the pod CIDR', () => {
    const c = cluster();
    apply(c, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: h\nspec:\n  hostNetwork: true\n  containers:\n  - name: app\n    image: nginx:1.25\n');
    apply(c, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: app\n    image: nginx:1.25\n');
    runUntil(c, () => status(c, 'h').phase === 'Running' && status(c, 'a').phase === 'Running');
    expect(status(c, 'h').podIP).toBe('172.18.0.2');
    expect(status(c, 'a').podIP).toBe('10.244.1.2');
  });
});
