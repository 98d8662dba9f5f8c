import { describe, expect, it } from 'vitest';
import { podStatusColumn } from '../../../src/engine/kubelet/columns';
import { apply, cluster, eventObjects, runUntil, status, type Obj } from './kubeletHelpers';
import type { Cluster } from '../../../src/engine';

const podWith = (name: string, containers: string, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${extra}  containers:\n${containers}`;
const SLEEPER = '  - name: app\n    image: busybox:1.36\n    command: ["sh", "-c", "sleep 3600"]\n';
const NGINX = '  - name: web\n    image: nginx:1.25\n';

function running(c: Cluster, name: string): void {
  runUntil(c, () => status(c, name).phase === 'Running');
}

const timeOf = (c: Cluster, prefix: string) => c.steps.find((s) => s.message.startsWith(prefix))?.time;

describe('kubelet: pod termination', () => {
  it('SIGKILLs a process that ignores SIGTERM when the grace period ends, then removes the pod', () => {
    const c = cluster();
    apply(c, podWith('x', SLEEPER));
    running(c, 'x');
    const deletedAt = c.now;
    c.delete('Pod', 'x');
    c.advance(1000);
    expect(podStatusColumn(c.get('Pod', 'x') as Obj)).toBe('Terminating');
    expect(eventObjects(c, 'x').filter((e) => e.reason === 'Killing').map((e) => e.message)).toEqual(['Stopping container app']);
    runUntil(c, () => c.get('Pod', 'x') === undefined);
    expect(timeOf(c, 'Container app did not stop within its 30s grace period')).toBe(deletedAt + 30_000);
    expect(c.now).toBe(deletedAt + 30_000);
    expect(c.runtime('node-1')).toEqual({ sandboxes: [], containers: [] });
  });

  it('lets a process that handles SIGTERM exit on its own, and honours terminationGracePeriodSeconds', () => {
    const c = cluster();
    apply(c, podWith('x', NGINX + SLEEPER, '  terminationGracePeriodSeconds: 5\n'));
    running(c, 'x');
    const deletedAt = c.now;
    c.delete('Pod', 'x');
    runUntil(c, () => c.get('Pod', 'x') === undefined);
    const webExit = timeOf(c, 'Container web stopped after SIGTERM (exit code 0)')!;
    expect(webExit).toBeGreaterThan(deletedAt);
    expect(webExit).toBeLessThan(deletedAt + 5_000);
    expect(timeOf(c, 'Container app did not stop within its 5s grace period')).toBe(deletedAt + 5_000);
  });

  it('reports the terminal phase before deleting the object', () => {
    const c = cluster();
    apply(c, podWith('x', SLEEPER, '  terminationGracePeriodSeconds: 3\n'));
    running(c, 'x');
    c.delete('Pod', 'x');
    runUntil(c, () => c.get('Pod', 'x') === undefined);
    const finished = c.steps.find((s) => s.message.startsWith('All containers of pod x have stopped'))!;
    const view = c.at(finished.index).get('Pod', 'x') as Obj;
    expect(view.status.phase).toBe('Failed');
    expect(view.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(c.at(finished.index).runtime('node-1').sandboxes[0].state).toBe('SANDBOX_NOTREADY');
    const deleted = c.steps.find((s) => s.message.includes('deleted it from the API server'))!;
    expect(deleted.index).toBe(finished.index + 1);
    expect(deleted.changes).toContainEqual({ type: 'DELETED', kind: 'Pod', name: 'x', namespace: 'default' });
  });

  it('runs the preStop hook inside the grace period before SIGTERM', () => {
    const c = cluster();
    apply(c, podWith('x', `${NGINX}    lifecycle:\n      preStop:\n        sleep:\n          seconds: 5\n`));
    running(c, 'x');
    const deletedAt = c.now;
    c.delete('Pod', 'x');
    runUntil(c, () => c.get('Pod', 'x') === undefined);
    const exit = timeOf(c, 'Container web stopped after SIGTERM')!;
    expect(exit - deletedAt).toBeGreaterThanOrEqual(5_000);
    expect(exit - deletedAt).toBeLessThan(6_000);
  });

  it('waits for an exec preStop hook (sh -c "sleep 5") before SIGTERM', () => {
    const c = cluster();
    apply(c, podWith('x', `${NGINX}    lifecycle:\n      preStop:\n        exec:\n          command: ["sh", "-c", "sleep 5"]\n`));
    running(c, 'x');
    const deletedAt = c.now;
    c.delete('Pod', 'x');
    runUntil(c, () => c.get('Pod', 'x') === undefined);
    const exit = timeOf(c, 'Container web stopped after SIGTERM')!;
    expect(exit - deletedAt).toBeGreaterThanOrEqual(5_000);
    expect(exit - deletedAt).toBeLessThan(6_000);
  });

  it('stops sidecars only after the regular containers', () => {
    const c = cluster();
    apply(c, `apiVersion: v1
kind: Pod
metadata:
  name: x
spec:
  terminationGracePeriodSeconds: 10
  initContainers:
  - name: proxy
    image: nginx:1.25
    restartPolicy: Always
  containers:
${SLEEPER}`);
    running(c, 'x');
    const deletedAt = c.now;
    c.delete('Pod', 'x');
    runUntil(c, () => c.get('Pod', 'x') === undefined);
    const appExit = timeOf(c, 'Container app did not stop')!;
    const proxyExit = timeOf(c, 'Container proxy stopped after SIGTERM')!;
    expect(appExit).toBe(deletedAt + 10_000);
    expect(proxyExit).toBeGreaterThan(appExit);
    expect(proxyExit).toBeLessThan(appExit + 2_000);
  });

  it('removes a finished pod without stopping anything', () => {
    const c = cluster();
    apply(c, podWith('done', '  - name: app\n    image: busybox:1.36\n    command: ["sh", "-c", "sleep 1"]\n', '  restartPolicy: Never\n'));
    runUntil(c, () => status(c, 'done').phase === 'Succeeded');
    expect(podStatusColumn(c.get('Pod', 'done') as Obj)).toBe('Completed');
    expect(c.runtime('node-1').containers[0]).toMatchObject({ state: 'CONTAINER_EXITED', exitCode: 0 });
    c.delete('Pod', 'done');
    c.advance(1000);
    expect(c.get('Pod', 'done')).toBeUndefined();
    expect(c.runtime('node-1')).toEqual({ sandboxes: [], containers: [] });
  });
});
