/**
 * A scenario for the Step-message coverage test: the kubelet rewrites configMap, secret,
 * downwardAPI and projected volumes of running Pods at their periodic syncs, at a change of the
 * Pod's labels, before restarting a container, and fails to when a source is deleted. It checks
 * itself that every wording of src/engine/kubelet/volumeResyncMessage.ts was produced, so the
 * coverage test sees each one.
 */
import type { Cluster } from '../../src/engine';
import { localizeStepMessage } from '../../src/i18n/stepText';
import { apply, run, type Scenario } from './stepTextWorkloads';

const configMap = (name: string, data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\ndata: ${data}\n`;
const secret = (name: string, password: string) => `apiVersion: v1\nkind: Secret\nmetadata: {name: ${name}}\nstringData: {password: ${password}}\n`;

/** Reads ConfigMap app-config as a volume, a subPath mount of it and an env var; Secret, labels, and all of them projected. */
const web = (labels: string) => `apiVersion: v1
kind: Pod
metadata: {name: web, labels: ${labels}}
spec:
  automountServiceAccountToken: false
  containers:
  - name: app
    image: busybox:1.36
    command: [sleep, infinity]
    volumeMounts: [{name: config, mountPath: /etc/config}, {name: creds, mountPath: /etc/creds}, {name: info, mountPath: /etc/info}, {name: all, mountPath: /etc/all}]
  - name: sub
    image: busybox:1.36
    command: [sleep, infinity]
    volumeMounts: [{name: config, mountPath: /etc/app/mode.conf, subPath: mode}]
  - name: env
    image: busybox:1.36
    command: [sleep, infinity]
    env: [{name: MODE, valueFrom: {configMapKeyRef: {name: app-config, key: mode, optional: true}}}]
  volumes:
  - {name: config, configMap: {name: app-config}}
  - {name: creds, secret: {secretName: db-creds}}
  - name: info
    downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]}
  - name: all
    projected:
      sources:
      - serviceAccountToken: {path: token}
      - configMap: {name: app-config, optional: true, items: [{key: mode, path: config/mode}]}
      - secret: {name: db-creds}
      - downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]}
`;

/**
 * A file written by two projected sources (all keys of the later one, so validation sees no duplicate
 * item path): when the optional later one goes, the same content gets the earlier one's mode.
 */
const modes = `apiVersion: v1
kind: Pod
metadata: {name: modes}
spec:
  automountServiceAccountToken: false
  containers: [{name: app, image: busybox:1.36, command: [sleep, infinity], volumeMounts: [{name: conf, mountPath: /etc/conf}]}]
  volumes:
  - name: conf
    projected:
      sources:
      - configMap: {name: base, items: [{key: conf, path: conf, mode: 0400}]}
      - configMap: {name: override, optional: true}
`;

/** Three volumes: two whose sources get deleted, one whose source is edited in the same sync. */
const fragile = `apiVersion: v1
kind: Pod
metadata: {name: fragile}
spec:
  automountServiceAccountToken: false
  containers:
  - name: app
    image: busybox:1.36
    command: [sleep, infinity]
    volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b}, {name: c, mountPath: /c}]
  volumes:
  - {name: a, configMap: {name: gone-a}}
  - {name: b, secret: {secretName: gone-b}}
  - {name: c, configMap: {name: live}}
`;

const single = `apiVersion: v1
kind: Pod
metadata: {name: single}
spec:
  automountServiceAccountToken: false
  containers: [{name: app, image: busybox:1.36, command: [sleep, infinity], volumeMounts: [{name: solo, mountPath: /solo}]}]
  volumes: [{name: solo, configMap: {name: lonely}}]
`;

/** Every wording the kubelet's volume updates have, each of which this scenario must produce. */
const EXPECTED: RegExp[] = [
  /^Updated the files of volume "config" in Pod web from ConfigMap app-config \(synced \d+ s after the change: mode changed, debug added\); the subPath mount \/etc\/app\/mode\.conf of container sub keeps the old file until the container restarts; the environment variables of container env keep the old values until the container restarts/,
  /Updated the files of volume "all" in Pod web from a service account token, ConfigMap app-config, Secret db-creds and the downward API \(synced \d+ s after the change: config\/mode changed\)/,
  /Updated the files of volume "creds" in Pod web from Secret db-creds \(synced \d+ s after the change: password changed\)/,
  // a label change is an UPDATE of the Pod: synced at once, the projected volume's labels file with it
  /Updated the files of volume "info" in Pod web from the downward API \(synced when the Pod's labels changed, 0 s after the change: labels changed\); Updated the files of volume "all" in Pod web from a service account token, ConfigMap app-config, Secret db-creds and the downward API \(synced when the Pod's labels changed, 0 s after the change: labels changed\)/,
  /^Updated the files of volume "config" in Pod web from ConfigMap app-config before starting container app \(\d+ s after the change: debug changed, mode removed\)/,
  /^Updated the files of volume "conf" in Pod modes from ConfigMap base and ConfigMap override \(synced \d+ s after the change: mode of conf changed\)$/,
  /^Updated the files of volume "c" in Pod fragile from ConfigMap live \(synced \d+ s after the change: level changed\); Could not update the files of volumes "a" and "b" in Pod fragile: configmap "gone-a" not found; secret "gone-b" not found; the containers keep the files last written$/,
  /^Could not update the files of volume "solo" in Pod single: configmap "lonely" not found; the containers keep the files last written$/,
];

/** English the Chinese rendering of a volume-files Step must not keep (its SetUp errors stay English on purpose). */
const LEFT_IN_ENGLISH = /Updated|Could not|synced|after the change|keeps? the|restarts|changed|added|removed|downward|service account|its sources/;

/** Volume-files Steps whose Chinese still holds one of their English parts (the coverage check only sees numbers and names). */
function partlyEnglish(c: Cluster): string[] {
  return c.steps.filter((s) => /files of volume/.test(s.message))
    .map((s) => localizeStepMessage(s.message, 'zh-CN').text)
    .filter((zh) => LEFT_IN_ENGLISH.test(zh.replace(/：[^：]*not found[^；]*/g, '')));
}

/** Runs the scenario's steps; returns the wordings it was meant to produce and did not. */
function exercise(c: Cluster): string[] {
  apply(c, [configMap('app-config', '{mode: fast}'), secret('db-creds', 'one'), configMap('base', '{conf: x}'), configMap('override', '{conf: x}'),
    configMap('gone-a', '{k: v}'), secret('gone-b', 'two'), configMap('live', '{level: info}'), configMap('lonely', '{k: v}'),
    web('{app: web}'), modes, fragile, single].join('---\n'));
  run(c, 40_000);
  apply(c, configMap('app-config', '{mode: slow, debug: "true"}'));
  run(c, 100_000);
  apply(c, secret('db-creds', 'three'));
  run(c, 100_000);
  apply(c, web('{app: web, tier: front}'));
  run(c, 100_000);
  // a restart before the periodic sync: the kubelet writes the files first, then starts the container
  apply(c, configMap('app-config', '{debug: "false"}'));
  run(c, 5_000);
  const killed = c.killContainer('web', 'app');
  if (!killed.ok) throw new Error(killed.message);
  run(c, 100_000);
  c.delete('ConfigMap', 'override');
  c.delete('ConfigMap', 'gone-a');
  c.delete('Secret', 'gone-b');
  apply(c, configMap('live', '{level: debug}'));
  c.delete('ConfigMap', 'lonely');
  run(c, 100_000);
  const messages = c.steps.map((s) => s.message);
  return EXPECTED.filter((re) => !messages.some((m) => re.test(m))).map(String);
}

export const VOLUME_FILES: Scenario[] = [
  { name: 'Volume files follow ConfigMap, Secret, label and projected edits; a restart; deleted sources', nodes: 1, run(c) {
    const missing = exercise(c);
    if (missing.length) {
      const produced = c.steps.filter((s) => /files of volume/.test(s.message)).map((s) => s.message);
      throw new Error(`not produced:\n${missing.join('\n')}\nproduced:\n${produced.join('\n')}`);
    }
    const english = partlyEnglish(c);
    if (english.length) throw new Error(`partly English:\n${english.join('\n')}`);
  } },
];
