import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../src/engine';
import { phaseOf, runUntil, syncErrors } from '../helpers';
import { applyOk, eventsFor, pv, pvc, statusOf } from './storageFixtures';

const sts = (replicas: number) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        volumeMounts:
        - {name: www, mountPath: /usr/share/nginx/html}
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
`;

const running = (c: Cluster, n: number) => c.list('Pod').filter((p) => phaseOf(p) === 'Running').length === n;
const nodeOf = (c: Cluster, pod: string) => (c.get('Pod', pod)!.spec as { nodeName: string }).nodeName;
const volumeNode = (c: Cluster, claim: string) => {
  const volume = pv(c, pvc(c, claim)!.spec.volumeName!) as unknown as { spec: { nodeAffinity: { required: { nodeSelectorTerms: { matchExpressions: { values: string[] }[] }[] } } } };
  return volume.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[0];
};

describe('StatefulSet claims', () => {
  it('each Pod gets its own claim, bound to a volume on the Pod\'s node', () => {
    const c = createCluster();
    applyOk(c, sts(3));
    runUntil(c, () => running(c, 3), 120_000);
    for (const i of [0, 1, 2]) {
      const claim = pvc(c, `www-web-${i}`)!;
      expect(statusOf(claim).phase).toBe('Bound');
      expect(claim.spec.storageClassName).toBe('standard');
      expect(volumeNode(c, `www-web-${i}`)).toBe(nodeOf(c, `web-${i}`));
    }
    expect(new Set(c.list('PersistentVolume').map((v) => v.metadata.name)).size).toBe(3);
    expect(eventsFor(c, 'PersistentVolumeClaim', 'www-web-0')[0]).toBe('WaitForFirstConsumer: waiting for first consumer to be created before binding');
    expect(syncErrors(c)).toEqual([]);
  });

  it('claims are kept after scale-down and reused, on the same nodes, after scale-up', () => {
    const c = createCluster();
    applyOk(c, sts(3));
    runUntil(c, () => running(c, 3), 120_000);
    const before = Object.fromEntries([1, 2].map((i) => [i, { volume: pvc(c, `www-web-${i}`)!.spec.volumeName, node: nodeOf(c, `web-${i}`) }]));
    c.scale('StatefulSet', 'web', 1);
    runUntil(c, () => c.list('Pod').length === 1, 120_000);
    expect(c.list('PersistentVolumeClaim').map((p) => [p.metadata.name, statusOf(p).phase])).toEqual([
      ['www-web-0', 'Bound'], ['www-web-1', 'Bound'], ['www-web-2', 'Bound'],
    ]);
    c.scale('StatefulSet', 'web', 3);
    runUntil(c, () => running(c, 3), 120_000);
    for (const i of [1, 2]) {
      expect(pvc(c, `www-web-${i}`)!.spec.volumeName).toBe(before[i].volume);
      expect(nodeOf(c, `web-${i}`)).toBe(before[i].node);
    }
    expect(c.list('PersistentVolume')).toHaveLength(3);
  });
});
