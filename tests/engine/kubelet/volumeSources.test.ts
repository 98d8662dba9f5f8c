import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine';
import { apply, cluster, containerStatus, eventObjects, pod, runUntil, type Obj } from './kubeletHelpers';
import { applyAndRun, configMap, fileSteps, filesOf, volumeRecord } from './volumeHelpers';

/** A Pod `web-1` whose container `app` mounts `volume` (YAML under `volumes:`) at /etc/data. */
function mounting(volume: string, meta = '', extra = ''): string {
  return pod('web-1', `  containers:
  - name: app
    image: busybox:1.36
    command: [sleep, infinity]
    volumeMounts: [{ name: data, mountPath: /etc/data }]${extra}
  volumes:
  - name: data
${volume}`, meta);
}

/** Runs until the next Step that rewrote (or failed to rewrite) volume files. */
function nextFileStep(c: Cluster) {
  const from = c.steps.length;
  runUntil(c, () => fileSteps(c, from).length > 0, 200_000);
  return fileSteps(c, from)[0];
}

const SECRET = (password: string) => `apiVersion: v1
kind: Secret
metadata:
  name: db-creds
stringData:
  password: ${password}
`;

describe('kubelet: secret, downwardAPI and projected volumes follow their sources', () => {
  it('a Secret edited through stringData', () => {
    const c = cluster();
    apply(c, SECRET('one'));
    applyAndRun(c, mounting('    secret: { secretName: db-creds, defaultMode: 0400 }\n'), 'web-1');
    expect(filesOf(c, 'web-1')['/etc/data/password']).toBe('one');
    apply(c, SECRET('two'));
    const step = nextFileStep(c);
    expect(step.message).toMatch(/^Updated the files of volume "data" in Pod web-1 from Secret db-creds \(synced \d+ s after the change: password changed\)$/);
    expect(filesOf(c, 'web-1')['/etc/data/password']).toBe('two');
    expect(volumeRecord(c, 'web-1')!.volumes.data).toMatchObject({ files: { password: 'two' }, modes: { password: 256 }, writtenAt: step.time });
  });

  it('downwardAPI files follow the Pod\'s labels', () => {
    const c = cluster();
    const volume = `    downwardAPI:
      items:
      - { path: labels, fieldRef: { fieldPath: metadata.labels } }
      - { path: tier, fieldRef: { fieldPath: "metadata.labels['tier']" } }
      - { path: name, fieldRef: { fieldPath: metadata.name } }
`;
    // the Pod is applied again with new labels; without the token volume the manifest is the whole spec
    const manifest = (labels: string) => mounting(volume, `  labels: ${labels}\n`).replace('spec:\n', 'spec:\n  automountServiceAccountToken: false\n');
    applyAndRun(c, manifest('{ app: web }'), 'web-1');
    expect(filesOf(c, 'web-1')).toMatchObject({ '/etc/data/labels': 'app="web"', '/etc/data/tier': '', '/etc/data/name': 'web-1' });
    apply(c, manifest('{ app: web, tier: front }'));
    const step = nextFileStep(c);
    expect(step.message).toContain('from the downward API (synced');
    expect(step.message).toContain(': labels, tier changed)');
    expect(filesOf(c, 'web-1')).toMatchObject({ '/etc/data/labels': 'app="web"\ntier="front"', '/etc/data/tier': 'front' });
  });

  it('a projected volume: one source changes, the others stay', () => {
    const c = cluster();
    apply(c, configMap('app-config', { mode: 'fast' }));
    apply(c, SECRET('one'));
    applyAndRun(c, mounting(`    projected:
      sources:
      - configMap: { name: app-config, items: [{ key: mode, path: config/mode, mode: 0600 }] }
      - secret: { name: db-creds }
      - downwardAPI: { items: [{ path: namespace, fieldRef: { fieldPath: metadata.namespace } }] }
`), 'web-1');
    apply(c, configMap('app-config', { mode: 'slow' }));
    const step = nextFileStep(c);
    expect(step.message).toContain('from ConfigMap app-config, Secret db-creds and the downward API (synced');
    expect(step.message).toContain(': config/mode changed)');
    expect(filesOf(c, 'web-1')).toMatchObject({ '/etc/data/config/mode': 'slow', '/etc/data/password': 'one', '/etc/data/namespace': 'default' });
    expect(volumeRecord(c, 'web-1')!.volumes.data.modes).toEqual({ 'config/mode': 384, password: 420, namespace: 420 });
  });

  it('a key outside `items` changes no file and makes no Step', () => {
    const c = cluster();
    apply(c, configMap('app-config', { mode: 'fast' }));
    applyAndRun(c, mounting('    configMap: { name: app-config, items: [{ key: mode, path: mode.txt }] }\n'), 'web-1');
    const from = c.steps.length;
    apply(c, configMap('app-config', { mode: 'fast', other: 'x' }));
    c.advance(300_000);
    expect(fileSteps(c, from)).toEqual([]);
    expect(filesOf(c, 'web-1')).toMatchObject({ '/etc/data/mode.txt': 'fast' });
    expect(filesOf(c, 'web-1')['/etc/data/other']).toBeUndefined();
  });

  it('a deleted ConfigMap: FailedMount at the sync, the last files stay, retried at later syncs', () => {
    const c = cluster();
    apply(c, configMap('app-config', { mode: 'fast' }));
    applyAndRun(c, mounting('    configMap: { name: app-config }\n'), 'web-1');
    expect(c.delete('ConfigMap', 'app-config').ok).toBe(true);
    const step = nextFileStep(c);
    expect(step.message).toBe('Could not update the files of volume "data" in Pod web-1: configmap "app-config" not found; the containers keep the files last written');
    expect(step.events).toEqual(['FailedMount: MountVolume.SetUp failed for volume "data" : configmap "app-config" not found']);
    const event = eventObjects(c, 'web-1').find((e) => e.reason === 'FailedMount')!;
    expect(event).toMatchObject({ type: 'Warning', source: { component: 'kubelet', host: 'node-1' } });
    expect(filesOf(c, 'web-1')['/etc/data/mode']).toBe('fast');
    const again = nextFileStep(c);
    expect(again.time - step.time).toBeGreaterThanOrEqual(60_000);
    expect(again.time - step.time).toBeLessThan(90_000);
    expect(eventObjects(c, 'web-1').find((e) => e.reason === 'FailedMount')!.count).toBe(2);
    expect(containerStatus(c, 'web-1', 'app').state.running).toBeTruthy();
    // created again: the files follow it at the next sync, and the retries stop
    apply(c, configMap('app-config', { mode: 'slow' }));
    expect(nextFileStep(c).message).toContain('mode changed');
    const from = c.steps.length;
    c.advance(300_000);
    expect(fileSteps(c, from)).toEqual([]);
  });

  it('an optional ConfigMap created later fills the volume at the next sync', () => {
    const c = cluster();
    applyAndRun(c, mounting('    configMap: { name: app-config, optional: true }\n'), 'web-1');
    expect(filesOf(c, 'web-1')['/etc/data/mode']).toBeUndefined();
    apply(c, configMap('app-config', { mode: 'fast' }));
    expect(nextFileStep(c).message).toContain('mode added');
    expect(filesOf(c, 'web-1')['/etc/data/mode']).toBe('fast');
  });

  it('an immutable ConfigMap is not watched: deleting and re-creating it changes nothing in running Pods', () => {
    const c = cluster();
    apply(c, `${configMap('app-config', { mode: 'fast' })}immutable: true\n`);
    applyAndRun(c, mounting('    configMap: { name: app-config }\n'), 'web-1');
    const from = c.steps.length;
    expect(c.delete('ConfigMap', 'app-config').ok).toBe(true);
    c.advance(120_000);
    apply(c, configMap('app-config', { mode: 'slow' }));
    c.advance(300_000);
    expect(fileSteps(c, from)).toEqual([]);
    expect(eventObjects(c, 'web-1').some((e: Obj) => e.reason === 'FailedMount')).toBe(false);
    expect(filesOf(c, 'web-1')['/etc/data/mode']).toBe('fast');
  });

  it('starting a container is a sync: changed files are written first, for every container of the Pod', () => {
    const c = cluster();
    apply(c, configMap('app-config', { mode: 'fast' }));
    applyAndRun(c, mounting('    configMap: { name: app-config }\n', '', `
  - name: side
    image: busybox:1.36
    command: [sleep, infinity]
    volumeMounts: [{ name: data, mountPath: /config }]`), 'web-1');
    apply(c, configMap('app-config', { mode: 'slow' }));
    c.advance(5_000);
    expect(c.killContainer('web-1', 'app').ok).toBe(true);
    const step = nextFileStep(c);
    expect(step.message).toBe('Updated the files of volume "data" in Pod web-1 from ConfigMap app-config before starting container app (5 s after the change: mode changed)');
    expect(filesOf(c.at(step.index), 'web-1', 'side')['/config/mode']).toBe('slow');
    expect(filesOf(c.at(step.index - 1), 'web-1', 'side')['/config/mode']).toBe('fast');
    runUntil(c, () => containerStatus(c, 'web-1', 'app').restartCount === 1);
    expect(c.steps[step.index + 1].message).toBe('Created container app (restart #1)');
    expect(filesOf(c, 'web-1')['/etc/data/mode']).toBe('slow');
  });
});
