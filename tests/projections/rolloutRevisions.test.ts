import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../src/engine';
import { revisionOptions } from '../../src/projections/rolloutRevisions';

const workload = (kind: 'Deployment' | 'StatefulSet' | 'DaemonSet', image: string) => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: web
spec:
${kind === 'DaemonSet' ? '' : '  replicas: 2\n'}${kind === 'StatefulSet' ? '  serviceName: web\n' : ''}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      initContainers:
      - name: init
        image: busybox:1.36
        command: ["sh", "-c", "true"]
      containers:
      - name: app
        image: ${image}
`;

function settle(c: Cluster): void {
  for (let i = 0; i < 3000; i++) if (!c.step()) c.advance(1000);
}

describe('revisionOptions', () => {
  it.each(['Deployment', 'StatefulSet', 'DaemonSet'] as const)('lists a %s\'s revisions newest first with their images', (kind) => {
    const c = createCluster({ nodes: 1 });
    expect(c.apply(workload(kind, 'nginx:1.27')).ok).toBe(true);
    settle(c);
    expect(c.apply(workload(kind, 'nginx:1.28')).ok).toBe(true);
    settle(c);
    const options = revisionOptions(c, c.get(kind, 'web')!);
    expect(options.map(({ revision, images, current }) => ({ revision, images, current }))).toEqual([
      { revision: 2, images: ['busybox:1.36', 'nginx:1.28'], current: true },
      { revision: 1, images: ['busybox:1.36', 'nginx:1.27'], current: false },
    ]);
    for (const o of options) expect(o.holder).toMatch(/^web-/);
  });

  it('follows a Deployment rollback: the old ReplicaSet becomes revision 3 and current', () => {
    const c = createCluster({ nodes: 1 });
    c.apply(workload('Deployment', 'nginx:1.27'));
    settle(c);
    c.apply(workload('Deployment', 'nginx:1.28'));
    settle(c);
    expect(c.rollout('undo', 'Deployment', 'web').ok).toBe(true);
    settle(c);
    expect(revisionOptions(c, c.get('Deployment', 'web')!).map((o) => [o.revision, o.images[1], o.current])).toEqual([
      [3, 'nginx:1.27', true],
      [2, 'nginx:1.28', false],
    ]);
  });

  it('ignores ReplicaSets another Deployment controls', () => {
    const c = createCluster({ nodes: 1 });
    c.apply(workload('Deployment', 'nginx:1.27'));
    c.apply(workload('Deployment', 'nginx:1.27').replace('name: web', 'name: other').replace(/app: web/g, 'app: other'));
    settle(c);
    expect(revisionOptions(c, c.get('Deployment', 'web')!)).toHaveLength(1);
    expect(revisionOptions(c, c.get('Deployment', 'other')!)[0].holder).toMatch(/^other-/);
  });
});
