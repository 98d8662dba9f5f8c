import { describe, expect, it } from 'vitest';
import { podReadyColumn, podStatusColumn } from '../../../src/engine/kubelet/columns';
import { apply, cluster, containerStatus, eventObjects, runUntil, status, type Obj } from './kubeletHelpers';
import type { Cluster } from '../../../src/engine';

/** The exec-liveness example from the Kubernetes docs (tasks/configure-pod-container/configure-liveness-readiness-startup-probes). */
const LIVENESS_EXEC = (restartPolicy = 'Always') => `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-exec
spec:
  restartPolicy: ${restartPolicy}
  containers:
  - name: liveness
    image: registry.k8s.io/busybox
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
`;

const stepTime = (c: Cluster, match: (m: string) => boolean) => c.steps.find((s) => match(s.message))!.time;

describe('kubelet: probes', () => {
  it('restarts the docs exec-liveness example after three failed probes and the grace period', () => {
    const c = cluster();
    apply(c, LIVENESS_EXEC());
    runUntil(c, () => containerStatus(c, 'liveness-exec', 'liveness')?.restartCount === 1, 300_000);
    const started = stepTime(c, (m) => m === 'Started container liveness');
    const unhealthy = eventObjects(c, 'liveness-exec').filter((e) => e.reason === 'Unhealthy');
    expect(unhealthy).toHaveLength(1); // one Event, aggregated
    expect(unhealthy[0].count).toBe(3);
    expect(unhealthy[0].type).toBe('Warning');
    expect(unhealthy[0].message).toMatch(/^Liveness probe failed: /);
    const failures = c.steps.flatMap((s) => s.events.filter((e) => e.startsWith('Unhealthy:')).map(() => s.time));
    // the prober ticks every 5s from the pod's admission; the file is gone 30s after the start, so the
    // failing runs are the first three ticks after that (none within the 5s initial delay)
    const admitted = stepTime(c, (m) => m.startsWith('Admitted pod liveness-exec'));
    const ticks = Array.from({ length: 40 }, (_, k) => admitted + 5_000 * k).filter((t) => t > started + 30_000).slice(0, 3);
    expect(failures).toEqual(ticks);
    const killing = eventObjects(c, 'liveness-exec').find((e) => e.reason === 'Killing')!;
    expect(killing.message).toBe('Container liveness failed liveness probe, will be restarted');
    const killedAt = stepTime(c, (m) => m.startsWith('Container liveness failed its liveness probe')) - started;
    expect(killedAt).toBe(failures[2] - started);
    // sh ignores SIGTERM as PID 1: SIGKILL after the 30s grace period, then an immediate first restart
    const exitAt = stepTime(c, (m) => m.startsWith('Container liveness did not stop within its 30s grace period')) - started;
    expect(exitAt).toBe(killedAt + 30_000);
    // the image is `:latest` (imagePullPolicy Always), so the restart pulls it again first
    const repull = c.steps.filter((s) => s.events.some((e) => e.startsWith('Pulling:')))[1].time - started;
    expect(repull).toBe(exitAt);
    const restarted = c.steps.filter((s) => s.message === 'Started container liveness')[1].time - started;
    expect(restarted).toBeGreaterThan(exitAt);
    expect(restarted).toBeLessThan(exitAt + 2_000);
    expect(containerStatus(c, 'liveness-exec', 'liveness').lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('does not restart under restartPolicy Never and says so', () => {
    const c = cluster();
    apply(c, LIVENESS_EXEC('Never'));
    runUntil(c, () => status(c, 'liveness-exec').phase === 'Failed', 300_000);
    expect(eventObjects(c, 'liveness-exec').find((e) => e.reason === 'Killing')!.message)
      .toBe('Container liveness failed liveness probe');
    expect(containerStatus(c, 'liveness-exec', 'liveness').restartCount).toBe(0);
  });

  it('toggles readiness (and the Ready conditions) without restarting', () => {
    const c = cluster();
    apply(c, `apiVersion: v1
kind: Pod
metadata:
  name: flappy
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "touch /tmp/ready; sleep 20; rm /tmp/ready; sleep 3600"]
    readinessProbe:
      exec:
        command: ["cat", "/tmp/ready"]
      periodSeconds: 5
`);
    runUntil(c, () => containerStatus(c, 'flappy', 'app')?.ready === true);
    const ready = (type: string) => status(c, 'flappy').conditions.find((x: Obj) => x.type === type).status;
    expect(ready('Ready')).toBe('True');
    expect(ready('ContainersReady')).toBe('True');
    expect(podReadyColumn(c.get('Pod', 'flappy') as Obj)).toBe('1/1');
    runUntil(c, () => containerStatus(c, 'flappy', 'app')?.ready === false, 120_000);
    expect(ready('Ready')).toBe('False');
    expect(status(c, 'flappy').conditions.find((x: Obj) => x.type === 'Ready'))
      .toMatchObject({ reason: 'ContainersNotReady', message: 'containers with unready status: [app]' });
    expect(podStatusColumn(c.get('Pod', 'flappy') as Obj)).toBe('Running');
    expect(podReadyColumn(c.get('Pod', 'flappy') as Obj)).toBe('0/1');
    c.advance(60_000);
    expect(containerStatus(c, 'flappy', 'app').restartCount).toBe(0);
    const unhealthy = eventObjects(c, 'flappy').find((e) => e.reason === 'Unhealthy')!;
    expect(unhealthy.message).toMatch(/^Readiness probe failed: /);
    expect(unhealthy.count).toBeGreaterThan(10);
  });

  it('holds liveness and readiness until the startup probe passes, and kills on startup failure', () => {
    const c = cluster();
    apply(c, `apiVersion: v1
kind: Pod
metadata:
  name: slow
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    startupProbe:
      exec:
        command: ["cat", "/tmp/never"]
      periodSeconds: 5
      failureThreshold: 3
    livenessProbe:
      exec:
        command: ["cat", "/tmp/never"]
      periodSeconds: 1
`);
    runUntil(c, () => eventObjects(c, 'slow').some((e) => e.reason === 'Killing'), 120_000);
    const unhealthy = eventObjects(c, 'slow').filter((e) => e.reason === 'Unhealthy');
    expect(unhealthy.map((e) => e.message.split(':')[0])).toEqual(['Startup probe failed']);
    expect(unhealthy[0].count).toBe(3);
    expect(eventObjects(c, 'slow').find((e) => e.reason === 'Killing')!.message).toBe('Container app failed startup probe, will be restarted');
    expect(containerStatus(c, 'slow', 'app')).toMatchObject({ started: false, ready: false });
  });
});
