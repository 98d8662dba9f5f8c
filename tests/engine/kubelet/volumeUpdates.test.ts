import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../src/engine';
import { apply, cluster, containerStatus, eventObjects, pod, runUntil, syncErrors } from './kubeletHelpers';
import { applyAndRun, configMap, createdAt, fileSteps, filesOf, ready } from './volumeHelpers';

/**
 * Three containers read ConfigMap app-config three ways; each readiness probe passes while what it
 * reads says `fast`: `app` the volume file, `sub` a subPath mount of it, `env` an env var.
 */
const WEB = pod('web-1', `  containers:
  - name: app
    image: busybox:1.36
    command: [sleep, infinity]
    readinessProbe: { exec: { command: [sh, -c, 'test "$(cat /etc/config/mode)" = fast'] } }
    volumeMounts: [{ name: config, mountPath: /etc/config }]
  - name: sub
    image: busybox:1.36
    command: [sleep, infinity]
    readinessProbe: { exec: { command: [sh, -c, 'test "$(cat /etc/app/mode.conf)" = fast'] } }
    volumeMounts: [{ name: config, mountPath: /etc/app/mode.conf, subPath: mode }]
  - name: env
    image: busybox:1.36
    command: [sleep, infinity]
    readinessProbe: { exec: { command: [sh, -c, 'test "$MODE" = fast'] } }
    env: [{ name: MODE, valueFrom: { configMapKeyRef: { name: app-config, key: mode } } }]
  volumes:
  - name: config
    configMap: { name: app-config }
`);

function started(seed = 1): Cluster {
  const c = createCluster({ nodes: 1, seed });
  apply(c, configMap('app-config', { mode: 'fast' }));
  applyAndRun(c, WEB, 'web-1');
  return c;
}

/** Edits the ConfigMap and runs until the kubelet rewrote the volume; returns that Step and the edit time. */
function editAndSync(c: Cluster, data: Record<string, string>) {
  const from = c.steps.length;
  const editedAt = c.now;
  apply(c, configMap('app-config', data));
  runUntil(c, () => fileSteps(c, from).length > 0, 200_000);
  return { step: fileSteps(c, from)[0], editedAt };
}

describe('kubelet: a running Pod\'s configMap volume follows the ConfigMap at its periodic sync', () => {
  it('rewrites the files at the next sync, 60–90 s after the last one, and not before', () => {
    const c = started();
    const lastSync = createdAt(c, 'env');
    expect(filesOf(c, 'web-1')['/etc/config/mode']).toBe('fast');
    const { step, editedAt } = editAndSync(c, { mode: 'slow' });
    expect(step.actor).toBe('kubelet/node-1');
    expect(step.time - lastSync).toBeGreaterThanOrEqual(60_000);
    expect(step.time - lastSync).toBeLessThan(90_000);
    expect(step.message).toBe(`Updated the files of volume "config" in Pod web-1 from ConfigMap app-config (synced ${Math.round((step.time - editedAt) / 1000)} s ` +
      'after the change: mode changed); the subPath mount /etc/app/mode.conf of container sub keeps the old file until the container restarts; ' +
      'the environment variables of container env keep the old values until the container restarts');
    // time travel: the file is old up to the Step before, new from the Step on
    expect(filesOf(c.at(step.index - 1), 'web-1')['/etc/config/mode']).toBe('fast');
    expect(filesOf(c.at(step.index), 'web-1')['/etc/config/mode']).toBe('slow');
    expect(filesOf(c.at(step.index), 'web-1', 'sub')['/etc/app/mode.conf']).toBe('fast');
    expect(ready(c.at(step.index - 1), 'web-1')).toBe(true);
    expect(syncErrors(c)).toEqual([]);
  });

  it('processes see the swap: a probe reading the file fails after it; the subPath mount and env var keep the old value', () => {
    const c = started();
    const { step } = editAndSync(c, { mode: 'slow' });
    runUntil(c, () => ready(c, 'web-1') === false, 60_000);
    const notReady = c.steps.find((s) => s.message === 'Readiness probe of container app failed: container is not ready')!;
    expect(notReady.time).toBeGreaterThan(step.time);
    c.advance(120_000);
    expect(ready(c, 'web-1', 'sub')).toBe(true);
    expect(ready(c, 'web-1', 'env')).toBe(true);
  });

  it('a restarted container sees the new value in its subPath mount and its environment', () => {
    const c = started();
    editAndSync(c, { mode: 'slow' });
    const from = c.steps.length;
    for (const name of ['sub', 'env']) expect(c.killContainer('web-1', name).ok).toBe(true);
    const restarted = (name: string) => containerStatus(c, 'web-1', name).restartCount === 1 && !!containerStatus(c, 'web-1', name).state.running;
    runUntil(c, () => restarted('sub') && restarted('env'), 120_000);
    expect(filesOf(c, 'web-1', 'sub')['/etc/app/mode.conf']).toBe('slow');
    c.advance(60_000);
    expect(ready(c, 'web-1', 'sub')).toBe(false);
    expect(ready(c, 'web-1', 'env')).toBe(false);
    const unhealthy = eventObjects(c, 'web-1').filter((e) => e.reason === 'Unhealthy').map((e) => e.involvedObject.fieldPath);
    expect(unhealthy).toEqual(expect.arrayContaining(['spec.containers{sub}', 'spec.containers{env}']));
    expect(fileSteps(c, from)).toEqual([]);
  });

  it('files of keys added and removed appear and disappear', () => {
    const c = started();
    editAndSync(c, { mode: 'fast', debug: 'true' });
    expect(filesOf(c, 'web-1')).toMatchObject({ '/etc/config/mode': 'fast', '/etc/config/debug': 'true' });
    const { step } = editAndSync(c, { debug: 'false' });
    expect(step.message).toContain('(synced');
    expect(step.message).toContain('debug changed, mode removed');
    expect(filesOf(c, 'web-1')['/etc/config/mode']).toBeUndefined();
    expect(filesOf(c, 'web-1')['/etc/config/debug']).toBe('false');
  });

  it('the same seed gives the same sync times; the jitter differs between seeds', () => {
    const times = (seed: number) => {
      const c = started(seed);
      const { step } = editAndSync(c, { mode: 'slow' });
      return step.time - createdAt(c, 'env');
    };
    expect(times(7)).toBe(times(7));
    const spread = new Set([1, 2, 3, 4, 5].map(times));
    expect(spread.size).toBeGreaterThan(1);
    for (const t of spread) {
      expect(t).toBeGreaterThanOrEqual(60_000);
      expect(t).toBeLessThan(90_000);
    }
  });

  it('makes no Step and schedules nothing while the files already match', () => {
    const c = started();
    const from = c.steps.length;
    // a label on the ConfigMap changes no file
    apply(c, configMap('app-config', { mode: 'fast' }, '  labels: { team: a }\n'));
    c.advance(600_000);
    expect(fileSteps(c, from)).toEqual([]);
    expect(c.steps.slice(from).filter((s) => s.actor === 'kubelet/node-1')).toEqual([]);
    // the sync after an edit reverted before it is a no-op too
    apply(c, configMap('app-config', { mode: 'slow' }));
    apply(c, configMap('app-config', { mode: 'fast' }));
    c.advance(200_000);
    expect(fileSteps(c, from)).toEqual([]);
  });

  it('a Pod with no such volumes gets no periodic Steps', () => {
    const c = cluster();
    apply(c, pod('plain', `  automountServiceAccountToken: false
  containers:
  - { name: app, image: nginx:1.27 }
`));
    runUntil(c, () => ready(c, 'plain') === true);
    const from = c.steps.length;
    c.advance(600_000);
    expect(c.steps.slice(from).filter((s) => s.actor === 'kubelet/node-1')).toEqual([]);
  });
});
