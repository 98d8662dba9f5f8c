/**
 * kubectl apply merges the keyed lists of a live object like strategic merge patch: what the API
 * server or a controller added stays, what the user dropped from the manifest goes.
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Deployment } from 'kubernetes-types/apps/v1';
import { newCluster, syncErrors } from './helpers';

const pod = (mounts: string) => `apiVersion: v1
kind: Pod
metadata:
  name: shared
spec:
  volumes:
  - name: scratch
    emptyDir: {}
  containers:
  - name: app
    image: nginx:1.27
    volumeMounts:
${mounts}`;

const twoMounts = '    - name: scratch\n      mountPath: /a\n    - name: scratch\n      mountPath: /b\n';

describe('apply merges keyed lists like strategic merge patch', () => {
  it('re-applies an unchanged Pod with its own volumes: the token volume and mount the API server added stay', () => {
    const c = newCluster();
    expect(c.apply(pod(twoMounts))).toMatchObject({ ok: true, results: [{ action: 'created' }] });
    const live = c.get('Pod', 'shared') as unknown as Pod;
    expect(live.spec!.volumes!.map((v) => v.name)).toEqual(['scratch', expect.stringMatching(/^kube-api-access-/)]);
    expect(c.apply(pod(twoMounts))).toMatchObject({ ok: true, results: [{ action: 'unchanged' }] });
    expect(c.get('Pod', 'shared')).toEqual(live);
    expect(syncErrors(c)).toEqual([]);
  });

  it('merges volumeMounts by mountPath: one volume mounted at two paths stays two mounts', () => {
    const c = newCluster();
    c.apply(pod(twoMounts));
    const mounts = () => (c.get('Pod', 'shared') as unknown as Pod).spec!.containers[0].volumeMounts!;
    expect(mounts().map((m) => m.mountPath)).toEqual(['/a', '/b', '/var/run/secrets/kubernetes.io/serviceaccount']);
    // a Pod's mounts are immutable: the same manifest re-applied, with its mounts reordered, is no change
    const reordered = '    - name: scratch\n      mountPath: /b\n    - name: scratch\n      mountPath: /a\n';
    const result = c.apply(pod(reordered));
    expect(result.ok).toBe(false);
    expect(mounts().map((m) => m.mountPath)).toEqual(['/a', '/b', '/var/run/secrets/kubernetes.io/serviceaccount']);
  });

  it('removes an item the previous manifest had and the new one drops, and keeps the others', () => {
    const c = newCluster();
    const deployment = (env: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: app
        image: nginx:1.27
        env:
${env}`;
    c.apply(deployment('        - { name: A, value: "1" }\n        - { name: B, value: "2" }\n'));
    expect(c.apply(deployment('        - { name: A, value: "1" }\n'))).toMatchObject({ ok: true, results: [{ action: 'configured' }] });
    const env = (c.get('Deployment', 'web') as unknown as Deployment).spec!.template.spec!.containers[0].env;
    expect(env).toEqual([{ name: 'A', value: '1' }]);
  });
});
