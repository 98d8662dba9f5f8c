import { describe, expect, it } from 'vitest';
import { newCluster, runUntil, syncErrors } from '../helpers';
import { firstStepWhere, indexOfChange, isReady, runUntilReady, stsStatus, stsYaml } from './statefulsetFixtures';

describe('StatefulSet OrderedReady scale-up', () => {
  it('creates web-0, web-1, web-2 one at a time, each only once the one before is Running and Ready', () => {
    const c = newCluster();
    const from = c.steps.length;
    c.apply(stsYaml());
    runUntilReady(c, 3);
    const steps = c.steps.slice(from);
    for (const [prev, next] of [['web-0', 'web-1'], ['web-1', 'web-2']]) {
      const created = from + indexOfChange(steps, 'ADDED', 'Pod', next);
      const prevReady = firstStepWhere(c, from, (v) => isReady(v.get('Pod', prev)));
      expect(prevReady).toBeGreaterThan(from);
      expect(created).toBeGreaterThan(prevReady);
      // nothing of the next ordinal exists until the previous one is Ready
      expect(c.at(prevReady - 1).get('Pod', next)).toBeUndefined();
      expect(c.steps[created].actor).toBe('statefulset-controller');
      expect(c.steps[created].message).toBe(`StatefulSet web has ${next === 'web-1' ? 1 : 2} of 3 Pods: creating ${next} at revision ` +
        `${stsStatus(c)!.updateRevision} (OrderedReady: every lower ordinal is Running and Ready, so the next one may start)`);
    }
    expect(syncErrors(c)).toEqual([]);
  });

  it('gives each Pod its identity: name, hostname, subdomain, the three labels, generateName and an owner reference', () => {
    const c = newCluster();
    c.apply(stsYaml({ replicas: 2 }));
    runUntilReady(c, 2);
    const set = c.get('StatefulSet', 'web')!;
    const revision = stsStatus(c)!.updateRevision;
    expect(revision).toMatch(/^web-[456789bcdf]{9,10}$/);
    for (const n of [0, 1]) {
      const pod = c.get('Pod', `web-${n}`)!;
      const spec = pod.spec as { hostname?: string; subdomain?: string };
      expect(spec.hostname).toBe(`web-${n}`);
      expect(spec.subdomain).toBe('nginx');
      expect(pod.metadata.generateName).toBe('web-');
      expect(pod.metadata.labels).toEqual({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': `web-${n}`,
        'apps.kubernetes.io/pod-index': String(n), 'controller-revision-hash': revision });
      expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web',
        uid: set.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    expect(stsStatus(c)).toEqual({ observedGeneration: 1, replicas: 2, readyReplicas: 2, currentReplicas: 2, updatedReplicas: 2,
      currentRevision: revision, updateRevision: revision, collisionCount: 0, availableReplicas: 2 });
  });

  it('creates one claim per template per ordinal, named <template>-<set>-<n>, before its Pod, and mounts it', () => {
    const c = newCluster();
    const from = c.steps.length;
    c.apply(stsYaml({ replicas: 2 }));
    runUntilReady(c, 2);
    const steps = c.steps.slice(from);
    for (const n of [0, 1]) {
      const claimStep = indexOfChange(steps, 'ADDED', 'PersistentVolumeClaim', `www-web-${n}`);
      expect(claimStep).toBeGreaterThan(0);
      expect(claimStep).toBeLessThan(indexOfChange(steps, 'ADDED', 'Pod', `web-${n}`));
      expect(steps[claimStep].events).toEqual([`SuccessfulCreate: create Claim www-web-${n} Pod web-${n} in StatefulSet web success`]);
      const claim = c.get('PersistentVolumeClaim', `www-web-${n}`)!;
      expect(claim.metadata.labels).toEqual({ app: 'nginx' });
      expect(claim.metadata.ownerReferences).toBeUndefined();
      expect(claim.spec).toMatchObject({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } });
      const volumes = (c.get('Pod', `web-${n}`)!.spec as { volumes: { name: string; persistentVolumeClaim?: { claimName: string } }[] }).volumes;
      expect(volumes[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: `www-web-${n}` } });
    }
    const events = c.events().filter((e) => (e.involvedObject as { kind: string }).kind === 'StatefulSet')
      .map((e) => `${e.reason}: ${e.message}`);
    expect(events).toEqual(expect.arrayContaining(['SuccessfulCreate: create Pod web-0 in StatefulSet web successful',
      'SuccessfulCreate: create Pod web-1 in StatefulSet web successful']));
    expect(c.events().find((e) => e.reason === 'SuccessfulCreate' && (e.message as string).includes('Pod web-0'))?.source)
      .toEqual({ component: 'statefulset-controller' });
  });

  it('with minReadySeconds waits until the previous Pod has been Ready that long', () => {
    const c = newCluster();
    const from = c.steps.length;
    c.apply(stsYaml({ replicas: 2, claims: false, spec: '  minReadySeconds: 8\n' }));
    runUntil(c, () => stsStatus(c)?.availableReplicas === 2, 120_000);
    const web0Ready = firstStepWhere(c, from, (v) => isReady(v.get('Pod', 'web-0')));
    const web1Created = from + indexOfChange(c.steps.slice(from), 'ADDED', 'Pod', 'web-1');
    expect(c.steps[web1Created].time - c.steps[web0Ready].time).toBeGreaterThanOrEqual(8_000);
    // status counts a Ready Pod as available only after minReadySeconds
    const statusAt = (i: number) => c.at(i).get('StatefulSet', 'web')!.status as { readyReplicas?: number; availableReplicas: number };
    expect(statusAt(web1Created + 1)).toMatchObject({ readyReplicas: 1, availableReplicas: 1 });
    expect(c.steps[web1Created].message).toMatch(/every lower ordinal is Running and Ready, and has been for minReadySeconds=8/);
    const readyNotAvailable = firstStepWhere(c, from, (v) => (v.get('StatefulSet', 'web')?.status as { readyReplicas?: number } | undefined)?.readyReplicas === 1);
    expect(statusAt(readyNotAvailable).availableReplicas).toBe(0);
  });

  it('starts ordinals at spec.ordinals.start', () => {
    const c = newCluster();
    c.apply(stsYaml({ replicas: 2, claims: false, spec: '  ordinals:\n    start: 5\n' }));
    runUntilReady(c, 2);
    expect(c.list('Pod').map((p) => p.metadata.name).sort()).toEqual(['web-5', 'web-6']);
    expect(c.get('Pod', 'web-5')!.metadata.labels!['apps.kubernetes.io/pod-index']).toBe('5');
  });
});

describe('StatefulSet OrderedReady scale-down', () => {
  it('deletes the highest ordinal first and waits until it is gone before deleting the next', () => {
    const c = newCluster();
    c.apply(stsYaml());
    runUntilReady(c, 3);
    const from = c.steps.length;
    expect(c.scale('StatefulSet', 'web', 1)).toEqual({ ok: true, message: 'statefulset.apps/web scaled' });
    runUntil(c, () => c.list('Pod').length === 1 && stsStatus(c)?.replicas === 1, 120_000);
    const steps = c.steps.slice(from);
    const startedDeleting = (name: string) => steps.findIndex((s) => s.actor === 'statefulset-controller' &&
      s.changes.some((ch) => ch.type === 'MODIFIED' && ch.kind === 'Pod' && ch.name === name) && s.message.includes(`deleting ${name}`));
    const web2Starts = startedDeleting('web-2');
    const web2Gone = indexOfChange(steps, 'DELETED', 'Pod', 'web-2');
    const web1Starts = startedDeleting('web-1');
    expect(web2Starts).toBeGreaterThanOrEqual(0);
    expect(web2Gone).toBeGreaterThan(web2Starts);
    expect(web1Starts).toBeGreaterThan(web2Gone);
    expect(steps[web2Starts].message).toBe('StatefulSet web scales down to 1 replicas: deleting web-2 (OrderedReady removes the ' +
      'highest ordinal first and waits until it is gone before the next)');
    expect(steps[web2Starts].events).toEqual(['SuccessfulDelete: delete Pod web-2 in StatefulSet web successful']);
    // while web-2 was still there, web-1 was never being deleted
    for (let i = from; i < from + web2Gone; i++) expect(c.at(i).get('Pod', 'web-1')?.metadata.deletionTimestamp).toBeUndefined();
    expect(c.get('Pod', 'web-0')).toBeDefined();
    // claims are kept (whenScaled: Retain)
    expect(c.list('PersistentVolumeClaim').map((p) => p.metadata.name).sort()).toEqual(['www-web-0', 'www-web-1', 'www-web-2']);
    expect(syncErrors(c)).toEqual([]);
  });

  it('scales back up reusing the retained claims', () => {
    const c = newCluster();
    c.apply(stsYaml({ replicas: 2 }));
    runUntilReady(c, 2);
    c.scale('StatefulSet', 'web', 1);
    runUntil(c, () => c.list('Pod').length === 1, 120_000);
    const claimUid = c.get('PersistentVolumeClaim', 'www-web-1')!.metadata.uid;
    c.scale('StatefulSet', 'web', 2);
    runUntilReady(c, 2);
    expect(c.get('PersistentVolumeClaim', 'www-web-1')!.metadata.uid).toBe(claimUid);
  });

  it('does not scale down past an unhealthy Pod unless it is the first unhealthy one', () => {
    // Pods named in `unready` drop their readiness 30s after starting
    const flaky = (unready: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 3
  selector:
    matchLabels: {app: nginx}
  template:
    metadata:
      labels: {app: nginx}
    spec:
      containers:
      - name: app
        image: busybox:1.36
        command: ["sh", "-c", "touch /tmp/ready; case $POD_NAME in ${unready}) sleep 30; rm /tmp/ready;; esac; sleep 3600"]
        env:
        - name: POD_NAME
          valueFrom: {fieldRef: {fieldPath: metadata.name}}
        readinessProbe:
          exec: {command: [cat, /tmp/ready]}
          periodSeconds: 1
`;
    const unreadyPods = (c: ReturnType<typeof newCluster>) => c.list('Pod').filter((p) => !isReady(p)).map((p) => p.metadata.name).sort();

    // only web-2 is unhealthy: it is the first unhealthy Pod, so it may go
    const a = newCluster();
    a.apply(flaky('web-2'));
    runUntil(a, () => a.list('Pod').length === 3 && unreadyPods(a).join() === 'web-2', 120_000);
    a.scale('StatefulSet', 'web', 2);
    runUntil(a, () => a.list('Pod').length === 2, 60_000);
    expect(a.get('Pod', 'web-2')).toBeUndefined();

    // web-1 and web-2 are unhealthy: web-2 is not the first unhealthy Pod (web-1 is), so nothing goes
    const b = newCluster();
    b.apply(flaky('web-1|web-2'));
    runUntil(b, () => b.list('Pod').length === 3 && unreadyPods(b).join() === 'web-1,web-2', 120_000);
    const from = b.steps.length;
    b.scale('StatefulSet', 'web', 1);
    b.advance(120_000);
    expect(b.list('Pod').filter((p) => p.metadata.deletionTimestamp)).toEqual([]);
    expect(b.list('Pod')).toHaveLength(3);
    expect(b.steps.slice(from).some((s) => s.actor === 'statefulset-controller' && s.message.includes('deleting'))).toBe(false);
    expect(syncErrors(b)).toEqual([]);
  });
});
