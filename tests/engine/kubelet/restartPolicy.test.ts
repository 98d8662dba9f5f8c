import { describe, expect, it } from 'vitest';
import { podStatusColumn } from '../../../src/engine/kubelet/columns';
import { apply, cluster, containerStatus, eventObjects, runUntil, status, type Obj } from './kubeletHelpers';

const job = (name: string, policy: string, script: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  restartPolicy: ${policy}
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "${script}"]
`;

describe('kubelet: restart policies and phases', () => {
  it.each([
    ['Never', 'sleep 1; exit 0', 'Succeeded', 'Completed', 0],
    ['Never', 'sleep 1; exit 2', 'Failed', 'Error', 0],
    ['OnFailure', 'sleep 1; exit 0', 'Succeeded', 'Completed', 0],
  ])('restartPolicy %s, `%s` → %s (%s)', (policy, script, phase, column, restarts) => {
    const c = cluster();
    apply(c, job('p', policy, script));
    runUntil(c, () => status(c, 'p').phase === phase, 60_000);
    expect(podStatusColumn(c.get('Pod', 'p') as Obj)).toBe(column);
    expect(containerStatus(c, 'p', 'app').restartCount).toBe(restarts);
    c.advance(60_000);
    expect(status(c, 'p').phase).toBe(phase);
    expect(c.runtime('node-1').sandboxes[0].state).toBe('SANDBOX_NOTREADY');
    expect(c.runtime('node-1').containers.map((x) => x.state)).toEqual(['CONTAINER_EXITED']);
    const ready = status(c, 'p').conditions.find((x: Obj) => x.type === 'Ready');
    expect(ready).toMatchObject({ status: 'False', reason: phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed' });
  });

  it('restarts a failed container under OnFailure and stays Running', () => {
    const c = cluster();
    apply(c, job('p', 'OnFailure', 'sleep 1; exit 1'));
    runUntil(c, () => containerStatus(c, 'p', 'app')?.restartCount === 2, 60_000);
    expect(status(c, 'p').phase).toBe('Running');
  });

  it('restarts a container that exits 0 under Always (Completed, then CrashLoopBackOff)', () => {
    const c = cluster();
    apply(c, job('p', 'Always', 'sleep 1'));
    runUntil(c, () => containerStatus(c, 'p', 'app')?.state?.waiting?.reason === 'CrashLoopBackOff', 60_000);
    expect(containerStatus(c, 'p', 'app').lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(status(c, 'p').phase).toBe('Running');
  });

  it('reports a binary that does not exist as StartError (exit 128) and RunContainerError', () => {
    const c = cluster();
    apply(c, `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  restartPolicy: Never
  containers:
  - name: app
    image: busybox:1.36
    command: ["nosuchbinary"]
`);
    runUntil(c, () => status(c, 'p').phase === 'Failed', 60_000);
    const term = containerStatus(c, 'p', 'app').state.terminated;
    expect(term).toMatchObject({ exitCode: 128, reason: 'StartError' });
    expect(term.message).toMatch(/executable file not found in \$PATH/);
    const failed = eventObjects(c, 'p').find((e) => e.reason === 'Failed')!;
    expect(failed.message).toMatch(/^Error: .*executable file not found in \$PATH/);
    expect(podStatusColumn(c.get('Pod', 'p') as Obj)).toBe('StartError');
  });

  it('sets qosClass for each class', () => {
    const c = cluster();
    const make = (name: string, resources: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: app
    image: nginx:1.25
${resources}`;
    apply(c, make('g', '    resources:\n      limits: { cpu: 200m, memory: 128Mi }\n'));
    apply(c, make('b', '    resources:\n      requests: { cpu: 100m }\n'));
    apply(c, make('be', ''));
    runUntil(c, () => ['g', 'b', 'be'].every((n) => status(c, n).phase === 'Running'));
    expect(['g', 'b', 'be'].map((n) => status(c, n).qosClass)).toEqual(['Guaranteed', 'Burstable', 'BestEffort']);
  });

  it('rejects a pod that names a node without room for it (OutOfcpu)', () => {
    const c = cluster();
    apply(c, `apiVersion: v1
kind: Pod
metadata:
  name: big
spec:
  nodeName: node-1
  containers:
  - name: app
    image: nginx:1.25
    resources:
      requests: { cpu: "8" }
`);
    runUntil(c, () => status(c, 'big').phase === 'Failed', 10_000);
    expect(status(c, 'big')).toMatchObject({ reason: 'OutOfcpu',
      message: "Pod was rejected: Node didn't have enough resource: cpu, requested: 8000, used: 0, capacity: 4000" });
    expect(podStatusColumn(c.get('Pod', 'big') as Obj)).toBe('OutOfcpu');
    expect(eventObjects(c, 'big').find((e) => e.reason === 'OutOfcpu')).toMatchObject({ type: 'Warning',
      message: "Node didn't have enough resource: cpu, requested: 8000, used: 0, capacity: 4000" });
    expect(c.runtime('node-1').sandboxes).toEqual([]);
  });

  it('fails a pod past activeDeadlineSeconds with DeadlineExceeded after stopping it', () => {
    const c = cluster();
    apply(c, `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  activeDeadlineSeconds: 5
  terminationGracePeriodSeconds: 3
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
`);
    runUntil(c, () => status(c, 'p').phase === 'Failed', 60_000);
    expect(c.now).toBe(8_000);
    expect(status(c, 'p')).toMatchObject({ reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' });
    // printPod: the stopped container's own reason wins over the pod's
    expect(podStatusColumn(c.get('Pod', 'p') as Obj)).toBe('Error');
    expect(eventObjects(c, 'p').filter((e) => e.source.component === 'kubelet').slice(-2).map((e) => e.reason))
      .toEqual(['DeadlineExceeded', 'Killing']);
  });
});
