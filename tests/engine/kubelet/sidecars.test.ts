import { describe, expect, it } from 'vitest';
import { podReadyColumn, podStatusColumn } from '../../../src/engine/kubelet/columns';
import { apply, cluster, containerStatus, eventObjects, runUntil, status, type Obj } from './kubeletHelpers';

const withSidecar = (name: string, app: string, sidecar = 'sleep 3600', restartPolicy = 'Always', sidecarExtra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  restartPolicy: ${restartPolicy}
  initContainers:
  - name: proxy
    image: busybox:1.36
    restartPolicy: Always
    command: ["sh", "-c", "${sidecar}"]
${sidecarExtra}  - name: setup
    image: busybox:1.36
    command: ["sh", "-c", "sleep 1"]
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "${app}"]
`;

describe('kubelet: native sidecars', () => {
  it('starts the sidecar before the next init container, keeps it running and counts it in READY', () => {
    const c = cluster();
    apply(c, withSidecar('web', 'sleep 3600'));
    runUntil(c, () => status(c, 'web').phase === 'Running' && containerStatus(c, 'web', 'app')?.ready === true);
    const order = eventObjects(c, 'web').filter((e) => e.reason === 'Started').map((e) => e.involvedObject.fieldPath);
    expect(order).toEqual(['spec.initContainers{proxy}', 'spec.initContainers{setup}', 'spec.containers{app}']);
    const pod = c.get('Pod', 'web') as Obj;
    expect(podReadyColumn(pod)).toBe('2/2');
    expect(podStatusColumn(pod)).toBe('Running');
    expect(containerStatus(c, 'web', 'proxy')).toMatchObject({ ready: true, started: true, state: { running: {} } });
    expect(c.runtime('node-1').containers.find((x) => x.name === 'proxy')?.type).toBe('sidecar');
  });

  it('waits for the sidecar startup probe before the next init container', () => {
    const c = cluster();
    apply(c, withSidecar('slow', 'sleep 3600', 'touch /tmp/ready; sleep 3600', 'Always',
      '    startupProbe:\n      exec:\n        command: ["cat", "/tmp/ready"]\n      initialDelaySeconds: 5\n      periodSeconds: 5\n'));
    runUntil(c, () => status(c, 'slow').phase === 'Running');
    const proxyStart = c.steps.find((s) => s.message === 'Started container proxy')!.time;
    const setupStart = c.steps.find((s) => s.message === 'Started container setup')!.time;
    // startup probe runs tick every 5s from the pod's admission; the first one past the 5s initial delay passes
    const admitted = c.steps.find((s) => s.message === 'Admitted pod slow on node-1')!.time;
    const firstRun = Array.from({ length: 10 }, (_, k) => admitted + 5_000 * k).find((t) => t - proxyStart >= 5_000);
    expect(setupStart).toBe(firstRun);
  });

  it('restarts an exited sidecar even under restartPolicy Never', () => {
    const c = cluster();
    apply(c, withSidecar('job', 'sleep 3600', 'sleep 5', 'Never'));
    runUntil(c, () => (containerStatus(c, 'job', 'proxy')?.restartCount ?? 0) >= 2, 120_000);
    expect(status(c, 'job').phase).toBe('Running');
  });

  it('stops the sidecar once the main container of a Job-like pod is done, then succeeds', () => {
    const c = cluster();
    apply(c, withSidecar('job', 'sleep 2', 'sleep 3600', 'Never'));
    runUntil(c, () => status(c, 'job').phase === 'Succeeded', 120_000);
    const killing = eventObjects(c, 'job').filter((e) => e.reason === 'Killing');
    expect(killing.map((e) => e.message)).toEqual(['Stopping container proxy']);
    expect(containerStatus(c, 'job', 'app').state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(containerStatus(c, 'job', 'proxy').state.terminated).toBeDefined();
    expect(podStatusColumn(c.get('Pod', 'job') as Obj)).toBe('Completed');
    expect(c.runtime('node-1').sandboxes[0].state).toBe('SANDBOX_NOTREADY');
  });
});
