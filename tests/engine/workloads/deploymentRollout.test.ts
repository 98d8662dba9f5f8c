import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster, type KubeObject } from '../../../src/engine';
import { timestamp } from '../../../src/engine/core/time';
import { runUntil, syncErrors } from '../helpers';

const manifest = (image: string, replicas = 2, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web${extra}
    spec:
      containers:
      - name: app
        image: ${image}
`;

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const status = (o: KubeObject | undefined) => ((o?.status ?? {}) as Any);
const spec = (o: KubeObject | undefined) => ((o?.spec ?? {}) as Any);
const revision = (o: KubeObject | undefined) => o?.metadata.annotations?.['deployment.kubernetes.io/revision'];
const image = (o: KubeObject | undefined) => spec(o).template.spec.containers[0].image;

function complete(c: Cluster): boolean {
  const d = c.get('Deployment', 'web')!;
  const s = status(d);
  const replicas = spec(d).replicas;
  return s.observedGeneration >= d.metadata.generation! && s.updatedReplicas === replicas && s.replicas === replicas &&
    s.availableReplicas === replicas && s.conditions?.some((x: Any) => x.reason === 'NewReplicaSetAvailable');
}

function roll(c: Cluster, image: string, replicas = 2): void {
  expect(c.apply(manifest(image, replicas)).ok).toBe(true);
  runUntil(c, () => complete(c), 200_000);
}

const STATEFUL_SET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 1
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: db
        image: nginx:1.27
`;

const replicaSetWithImage = (c: Cluster, img: string) => c.list('ReplicaSet', 'default').find((r) => image(r) === img);

describe('rollback', () => {
  it('re-applying an old template reuses its ReplicaSet, renumbered, with revision-history', () => {
    const c = createCluster();
    roll(c, 'nginx:1.27');
    const first = c.list('ReplicaSet', 'default')[0];
    roll(c, 'nginx:1.28');
    roll(c, 'nginx:1.27');
    const sets = c.list('ReplicaSet', 'default');
    expect(sets).toHaveLength(2);
    const reused = c.get('ReplicaSet', first.metadata.name)!;
    expect(reused.metadata.uid).toBe(first.metadata.uid);
    expect(reused.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3',
      'deployment.kubernetes.io/revision-history': '1' });
    expect(spec(reused).replicas).toBe(2);
    expect(revision(c.get('Deployment', 'web'))).toBe('3');
    expect(spec(replicaSetWithImage(c, 'nginx:1.28')).replicas).toBe(0);
    expect(syncErrors(c)).toEqual([]);
  });

  it('kubectl rollout undo copies the previous revision template back', () => {
    const c = createCluster();
    roll(c, 'nginx:1.27');
    expect(c.rollout('undo', 'Deployment', 'web')).toEqual({ ok: false, message: 'error: no rollout history found for deployment "web"' });
    roll(c, 'nginx:1.28');
    expect(c.rollout('undo', 'Deployment', 'web', 'default', { toRevision: 7 }))
      .toEqual({ ok: false, message: 'error: unable to find specified revision 7 in history' });
    expect(c.rollout('undo', 'Deployment', 'web', 'default', { toRevision: 2 }))
      .toEqual({ ok: true, message: 'deployment.apps/web skipped rollback (current template already matches revision 2)' });
    expect(c.rollout('undo', 'Deployment', 'web')).toEqual({ ok: true, message: 'deployment.apps/web rolled back' });
    const d = c.get('Deployment', 'web')!;
    expect(image(d)).toBe('nginx:1.27');
    expect(spec(d).template.metadata.labels).toEqual({ app: 'web' });
    runUntil(c, () => complete(c), 200_000);
    const v1 = replicaSetWithImage(c, 'nginx:1.27')!;
    expect(v1.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3',
      'deployment.kubernetes.io/revision-history': '1' });
    expect(c.list('ReplicaSet', 'default')).toHaveLength(2);
    // undo again goes back to what is now the previous revision (2)
    expect(c.rollout('undo', 'Deployment', 'web')).toEqual({ ok: true, message: 'deployment.apps/web rolled back' });
    expect(image(c.get('Deployment', 'web'))).toBe('nginx:1.28');
    expect(syncErrors(c)).toEqual([]);
  });

  it('refuses kinds kubectl has no rollbacker for', () => {
    const c = createCluster();
    c.apply(`apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: solo
spec:
  replicas: 1
  selector:
    matchLabels:
      app: solo
  template:
    metadata:
      labels:
        app: solo
    spec:
      containers:
      - name: app
        image: nginx:1.27
`);
    expect(c.rollout('undo', 'ReplicaSet', 'solo').message).toBe('error: no rollbacker has been implemented for "ReplicaSet.apps"');
    expect(c.rollout('pause', 'ReplicaSet', 'solo').message).toBe('error: replicasets.apps "solo" pausing is not supported');
    expect(c.rollout('restart', 'ReplicaSet', 'solo').message).toBe('error: replicasets.apps "solo" restarting is not supported');
  });
});

describe('pause and resume', () => {
  it('a paused Deployment only scales; resume rolls every edit out as one new ReplicaSet', () => {
    const c = createCluster();
    roll(c, 'nginx:1.27');
    const v1 = c.list('ReplicaSet', 'default')[0].metadata.name;
    expect(c.rollout('pause', 'Deployment', 'web')).toEqual({ ok: true, message: 'deployment.apps/web paused' });
    expect(c.rollout('pause', 'Deployment', 'web')).toEqual({ ok: false, message: 'error: deployments.apps "web" is already paused' });
    c.advance(1000);
    const progressing = () => status(c.get('Deployment', 'web')).conditions.find((x: Any) => x.type === 'Progressing');
    expect(progressing()).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });

    expect(c.apply(manifest('nginx:1.28', 2).replace('name: web\nspec:', 'name: web\nspec:\n  paused: true')).ok).toBe(true);
    expect(c.apply(manifest('nginx:1.29', 2).replace('name: web\nspec:', 'name: web\nspec:\n  paused: true')).ok).toBe(true);
    c.advance(30_000);
    expect(c.list('ReplicaSet', 'default').map((r) => r.metadata.name)).toEqual([v1]);
    expect(status(c.get('Deployment', 'web')).updatedReplicas).toBeUndefined();

    expect(c.scale('Deployment', 'web', 3).ok).toBe(true);
    c.advance(10_000);
    expect(spec(c.get('ReplicaSet', v1)).replicas).toBe(3);
    expect(c.events().some((e) => e.message === `Scaled up replica set ${v1} from 2 to 3`)).toBe(true);
    // kubectl looks the revision up first, then refuses a paused Deployment
    expect(c.rollout('undo', 'Deployment', 'web').message).toBe('error: no rollout history found for deployment "web"');
    expect(c.rollout('undo', 'Deployment', 'web', 'default', { toRevision: 1 }).message).toBe("error: you cannot rollback a paused deployment; " +
      "resume it first with 'kubectl rollout resume deployment/web' and try again");
    expect(c.rollout('restart', 'Deployment', 'web').message)
      .toBe('error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)');

    expect(c.rollout('resume', 'Deployment', 'web')).toEqual({ ok: true, message: 'deployment.apps/web resumed' });
    expect(spec(c.get('Deployment', 'web')).paused).toBeUndefined();
    expect(c.rollout('resume', 'Deployment', 'web')).toEqual({ ok: false, message: 'error: deployments.apps "web" is not paused' });
    const resumedAt = c.steps.length;
    runUntil(c, () => complete(c), 200_000);
    const sets = c.list('ReplicaSet', 'default');
    expect(sets).toHaveLength(2);
    expect(image(sets.find((r) => r.metadata.name !== v1))).toBe('nginx:1.29');
    const reasons = c.steps.slice(resumedAt).filter((s) => s.actor === 'deployment-controller').map((s) => s.message);
    expect(reasons.some((m) => m.includes('Progressing=Unknown (DeploymentResumed)'))).toBe(true);
    expect(syncErrors(c)).toEqual([]);
  });
});

describe('restart', () => {
  it('stamps the Pod template with restartedAt, which rolls out a new ReplicaSet', () => {
    const c = createCluster();
    roll(c, 'nginx:1.27');
    const oldPods = c.list('Pod', 'default').map((p) => p.metadata.name);
    expect(c.rollout('restart', 'Deployment', 'web')).toEqual({ ok: true, message: 'deployment.apps/web restarted' });
    expect(spec(c.get('Deployment', 'web')).template.metadata.annotations)
      .toEqual({ 'kubectl.kubernetes.io/restartedAt': timestamp(c.now) });
    expect(c.rollout('restart', 'Deployment', 'web').message).toBe('error: failed to create patch for web: if restart has ' +
      'already been triggered within the past second, please wait before attempting to trigger another');
    runUntil(c, () => complete(c) && c.list('Pod', 'default').every((p) => !oldPods.includes(p.metadata.name)), 200_000);
    expect(c.list('ReplicaSet', 'default')).toHaveLength(2);
    expect(revision(c.get('Deployment', 'web'))).toBe('2');
  });

  it('restarts a StatefulSet through its template too', () => {
    const c = createCluster();
    c.apply(STATEFUL_SET);
    expect(c.rollout('restart', 'StatefulSet', 'db')).toEqual({ ok: true, message: 'statefulset.apps/db restarted' });
    expect(spec(c.get('StatefulSet', 'db')).template.metadata.annotations['kubectl.kubernetes.io/restartedAt'])
      .toBe(timestamp(c.now));
    expect(c.rollout('pause', 'StatefulSet', 'db').message).toBe('error: statefulsets.apps "db" pausing is not supported');
  });

  it('undoes a StatefulSet to the template kept in one of its ControllerRevisions', () => {
    const c = createCluster();
    c.apply(STATEFUL_SET);
    const sts = c.get('StatefulSet', 'db')!;
    const revisionYaml = (name: string, rev: number, template: unknown) => `apiVersion: apps/v1
kind: ControllerRevision
metadata:
  name: ${name}
  labels:
    app: db
  ownerReferences:
  - apiVersion: apps/v1
    kind: StatefulSet
    name: db
    uid: ${sts.metadata.uid}
    controller: true
revision: ${rev}
data: ${JSON.stringify({ spec: { template: { ...(template as object), $patch: 'replace' } } })}
`;
    const older = { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'nginx:1.26' }] } };
    expect(c.apply(revisionYaml('db-manual-41', 41, older)).ok).toBe(true);
    expect(c.apply(revisionYaml('db-manual-42', 42, spec(sts).template)).ok).toBe(true);
    expect(c.rollout('undo', 'StatefulSet', 'db', 'default', { toRevision: 99 }).message)
      .toBe('error: unable to find specified revision 99 in history');
    expect(c.rollout('undo', 'StatefulSet', 'db', 'default', { toRevision: 42 })).toEqual({ ok: true,
      message: 'statefulset.apps/db skipped rollback (current template already matches revision 42)' });
    expect(c.rollout('undo', 'StatefulSet', 'db', 'default', { toRevision: 41 }))
      .toEqual({ ok: true, message: 'statefulset.apps/db rolled back' });
    expect(spec(c.get('StatefulSet', 'db')).template.spec.containers[0].image).toBe('nginx:1.26');
  });
});
