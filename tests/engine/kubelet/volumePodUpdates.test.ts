import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine';
import { apply, cluster, pod, runUntil, syncErrors } from './kubeletHelpers';
import { applyAndRun, configMap, createdAt, fileSteps, filesOf, ready } from './volumeHelpers';

/**
 * Pod `web-1` (labels and annotations as given, optional extra spec lines) whose container `app`
 * mounts ConfigMap app-config at /etc/config and the downward API's labels and annotations at
 * /etc/info; its readiness probe passes while /etc/config/mode says `fast`.
 */
const web = (labels: string, annotations = '{}', extraSpec = '') => pod('web-1', `  automountServiceAccountToken: false
${extraSpec}  containers:
  - name: app
    image: busybox:1.36
    command: [sleep, infinity]
    readinessProbe: { exec: { command: [sh, -c, 'test "$(cat /etc/config/mode)" = fast'] } }
    volumeMounts: [{ name: config, mountPath: /etc/config }, { name: info, mountPath: /etc/info }]
  volumes:
  - { name: config, configMap: { name: app-config } }
  - name: info
    downwardAPI:
      items:
      - { path: labels, fieldRef: { fieldPath: metadata.labels } }
      - { path: note, fieldRef: { fieldPath: "metadata.annotations['note']" } }
`, `  labels: ${labels}\n  annotations: ${annotations}\n`);

function started(): Cluster {
  const c = cluster();
  apply(c, configMap('app-config', { mode: 'fast' }));
  applyAndRun(c, web('{ app: web }'), 'web-1');
  return c;
}

/** Applies `yaml` at the current time and runs until that moment's Steps are done; returns the file Steps from then. */
function applyNow(c: Cluster, yaml: string) {
  const from = c.steps.length;
  const at = c.now;
  apply(c, yaml);
  runUntil(c, () => (c.nextActionTime() ?? Infinity) > at);
  return { at, steps: fileSteps(c, from) };
}

const INFO = 'Updated the files of volume "info" in Pod web-1 from the downward API';
const CONFIG = 'Updated the files of volume "config" in Pod web-1 from ConfigMap app-config';

describe('kubelet: an UPDATE of a running Pod (labels, annotations, spec) syncs its volumes at once', () => {
  it('a label change rewrites the downwardAPI labels file at the change, not at the periodic sync', () => {
    const c = started();
    c.advance(20_000);
    const { at, steps } = applyNow(c, web('{ app: web, tier: front }'));
    expect(steps).toHaveLength(1);
    expect(steps[0].time).toBe(at);
    expect(steps[0].actor).toBe('kubelet/node-1');
    expect(steps[0].message).toBe(`${INFO} (synced when the Pod's labels changed, 0 s after the change: labels changed)`);
    expect(filesOf(c.at(steps[0].index - 1), 'web-1')['/etc/info/labels']).toBe('app="web"');
    expect(filesOf(c.at(steps[0].index), 'web-1')['/etc/info/labels']).toBe('app="web"\ntier="front"');
    // nothing is left for the periodic sync
    const from = c.steps.length;
    c.advance(300_000);
    expect(fileSteps(c, from)).toEqual([]);
    expect(syncErrors(c)).toEqual([]);
  });

  it('an annotation change names the annotations', () => {
    const c = started();
    const { at, steps } = applyNow(c, web('{ app: web }', '{ note: hello }'));
    expect(steps.map((s) => [s.time, s.message])).toEqual([
      [at, `${INFO} (synced when the Pod's annotations changed, 0 s after the change: note changed)`]]);
    expect(filesOf(c, 'web-1')['/etc/info/note']).toBe('hello');
  });

  it('a ConfigMap edit followed by a label change: both show in the one sync the change dispatches', () => {
    const c = started();
    c.advance(5_000);
    apply(c, configMap('app-config', { mode: 'slow' }));
    c.advance(20_000);
    expect(filesOf(c, 'web-1')['/etc/config/mode']).toBe('fast');
    const { at, steps } = applyNow(c, web('{ app: web, tier: front }'));
    expect(steps).toHaveLength(1);
    expect(steps[0].time).toBe(at);
    expect(steps[0].message).toBe(`${CONFIG} (synced when the Pod's labels changed, 20 s after the change: mode changed); ` +
      `${INFO} (synced when the Pod's labels changed, 0 s after the change: labels changed)`);
    expect(filesOf(c, 'web-1')).toMatchObject({ '/etc/config/mode': 'slow', '/etc/info/labels': 'app="web"\ntier="front"' });
    runUntil(c, () => ready(c, 'web-1') === false, 30_000);
  });

  it('a spec change syncs too: a pending ConfigMap edit is picked up at it', () => {
    const c = started();
    apply(c, configMap('app-config', { mode: 'slow' }));
    c.advance(7_000);
    const { at, steps } = applyNow(c, web('{ app: web }', '{}', '  activeDeadlineSeconds: 3600\n'));
    expect(steps.map((s) => [s.time, s.message])).toEqual([
      [at, `${CONFIG} (synced when the Pod's spec changed, 7 s after the change: mode changed)`]]);
  });

  it('the next periodic sync is drawn from the sync the change dispatched, even one that rewrote nothing', () => {
    const c = started();
    const start = createdAt(c);
    c.advance(45_000);
    // a label the files do not show: no Step, but a pod sync all the same
    const { at, steps } = applyNow(c, web('{ app: web }', '{ other: x }'));
    expect(steps).toEqual([]);
    expect(c.steps.slice(-1)[0].actor).not.toBe('kubelet/node-1');
    apply(c, configMap('app-config', { mode: 'slow' }));
    const from = c.steps.length;
    runUntil(c, () => fileSteps(c, from).length > 0, 200_000);
    const step = fileSteps(c, from)[0];
    expect(step.message).toMatch(/^Updated the files of volume "config" in Pod web-1 from ConfigMap app-config \(synced \d+ s after the change: mode changed\)$/);
    // not in [start + 60 s, start + 90 s), which the change at start + 45 s replaced
    expect(step.time - at).toBeGreaterThanOrEqual(60_000);
    expect(step.time - at).toBeLessThan(90_000);
    expect(step.time - start).toBeGreaterThanOrEqual(105_000);
  });

  it('a status-only change syncs nothing: the pending ConfigMap edit waits for the periodic sync', () => {
    const c = started();
    const start = createdAt(c);
    apply(c, configMap('app-config', { mode: 'slow' }));
    const from = c.steps.length;
    // the kubelet writes Ready=False into the Pod's status: a Pod change, but not an UPDATE
    expect(c.failProbe('web-1', 'app', 'readiness', true).ok).toBe(true);
    runUntil(c, () => ready(c, 'web-1') === false, 60_000);
    const statusStep = c.steps.slice(from).find((s) => s.actor === 'kubelet/node-1' && s.changes.some((ch) => ch.kind === 'Pod'))!;
    expect(statusStep).toBeDefined();
    expect(fileSteps(c, from).filter((s) => s.time <= statusStep.time)).toEqual([]);
    runUntil(c, () => fileSteps(c, from).length > 0, 200_000);
    const step = fileSteps(c, from)[0];
    expect(step.message).toMatch(/\(synced \d+ s after the change: mode changed\)$/);
    expect(step.time - start).toBeGreaterThanOrEqual(60_000);
    expect(step.time - start).toBeLessThan(90_000);
  });
});
