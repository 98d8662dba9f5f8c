/**
 * The kubelet records the environment it gives each container when it creates it, in a versioned
 * table keyed by container id: one record per container the runtime still holds, none once the
 * Pod is gone; downward-API resource values are upstream's (divided, rounded up, Node allocatable
 * for an unset limit).
 */
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../src/engine';
import { containerEnvTable, readContainerEnv, type ContainerEnvRecord } from '../../../src/engine/kubelet';
import type { Pod } from 'kubernetes-types/core/v1';
import { runUntil } from '../helpers';

const POD = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  MODE: blue
---
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: 250m
      limits:
        memory: 128Mi
    env:
    - name: MODE
      valueFrom:
        configMapKeyRef:
          name: cfg
          key: MODE
    - name: CPU_MILLI
      valueFrom:
        resourceFieldRef:
          resource: requests.cpu
          divisor: 1m
    - name: CPU_LIMIT
      valueFrom:
        resourceFieldRef:
          resource: limits.cpu
    - name: MEM_MI
      valueFrom:
        resourceFieldRef:
          resource: limits.memory
          divisor: 1Mi
    - name: POD_IP
      valueFrom:
        fieldRef:
          fieldPath: status.podIP
`;

const pod = (c: Cluster) => c.get('Pod', 'web') as unknown as Pod | undefined;
const restarts = (c: Cluster) => pod(c)?.status?.containerStatuses?.[0]?.restartCount ?? 0;
const running = (c: Cluster) => !!pod(c)?.status?.containerStatuses?.[0]?.state?.running;
const records = (c: Pick<Cluster, 'table'>) => c.table<ContainerEnvRecord>(containerEnvTable('node-1'));

function started(): Cluster {
  const c = createCluster({ nodes: 1 });
  const r = c.apply(POD);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  runUntil(c, () => running(c));
  return c;
}

describe('the kubelet’s record of container environments', () => {
  it('holds what the container got, keyed by its runtime id', () => {
    const c = started();
    const [container] = c.runtime('node-1').containers;
    const [[id, record]] = records(c);
    expect(id).toBe(container.id);
    expect(record).toMatchObject({ podUid: pod(c)!.metadata!.uid, container: 'app' });
    expect(record.env).toMatchObject({ MODE: 'blue', CPU_MILLI: '250', CPU_LIMIT: '4', MEM_MI: '128', POD_IP: pod(c)!.status!.podIP });
    expect(record.objects['ConfigMap/cfg']).toMatchObject({ data: { MODE: 'blue' } });
    expect(record.services.map((s) => s.metadata.name)).toEqual(['kubernetes']);
    expect(readContainerEnv(c, pod(c)!, 'app')?.id).toBe(container.id);
  });

  it('keeps one record per container the runtime holds, and none once the Pod is gone', () => {
    const c = started();
    for (let i = 1; i <= 3; i++) {
      c.killContainer('web', 'app');
      runUntil(c, () => restarts(c) === i && running(c), 600_000);
    }
    const ids = c.runtime('node-1').containers.map((x) => x.id).sort();
    expect(ids).toHaveLength(2);
    expect(records(c).map(([id]) => id).sort()).toEqual(ids);
    expect(readContainerEnv(c, pod(c)!, 'app')?.id).toBe(c.runtime('node-1').containers.find((x) => x.state === 'CONTAINER_RUNNING')!.id);
    c.delete('Pod', 'web');
    runUntil(c, () => !pod(c));
    expect(records(c)).toEqual([]);
  });

  it('is versioned: an earlier Step shows the records as they were', () => {
    const c = started();
    const first = records(c)[0][0];
    const at = c.steps.length - 1;
    c.killContainer('web', 'app');
    runUntil(c, () => restarts(c) === 1 && running(c));
    expect(records(c).map(([id]) => id)).toContain(first);
    expect(records(c)).toHaveLength(2);
    expect(records(c.at(at)).map(([id]) => id)).toEqual([first]);
  });
});
