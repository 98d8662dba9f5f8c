import { describe, expect, it } from 'vitest';
import { createCluster, type KubeObject } from '../../../src/engine';
import { runUntil, syncErrors } from '../helpers';
import { applyOk, deploymentYaml, endpointFor, endpointsOf, isPodReady, podIP, podsOf, serviceYaml, slicesOf, type Obj } from './fixtures';

describe('endpointslice-controller', () => {
  it('lists the selected Pods in a slice owned by the Service, targetPort resolved from the named container port', () => {
    const c = createCluster();
    applyOk(c, deploymentYaml({ replicas: 2 }) + '---\n' + serviceYaml({ labels: '{tier: front}' }));
    runUntil(c, () => endpointsOf(c, 'web').filter((e) => e.conditions?.ready).length === 2);
    const svc = c.get('Service', 'web')!;
    const [slice, ...rest] = slicesOf(c, 'web');
    expect(rest).toEqual([]);
    expect(slice.metadata.generateName).toBe('web-');
    expect(slice.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.labels).toEqual({ tier: 'front', 'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    expect(slice.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid,
      controller: true, blockOwnerDeletion: true }]);
    expect(slice.addressType).toBe('IPv4');
    expect(slice.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    expect(slice.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(/^2025-01-01T09:00:\d\dZ$/);
    for (const pod of podsOf(c, 'web')) {
      expect(endpointFor(c, 'web', pod.metadata.name)).toEqual({
        addresses: [podIP(pod)], conditions: { ready: true, serving: true, terminating: false },
        targetRef: { kind: 'Pod', namespace: 'default', name: pod.metadata.name, uid: pod.metadata.uid },
        nodeName: (pod.spec as Obj).nodeName,
      });
    }
    expect(syncErrors(c)).toEqual([]);
  });

  it('starts with an empty placeholder slice and fills it as Pods get IPs', () => {
    const c = createCluster();
    applyOk(c, serviceYaml());
    c.advance(1_000);
    const [placeholder] = slicesOf(c, 'web');
    expect(placeholder).toMatchObject({ endpoints: [], ports: [] });
    applyOk(c, deploymentYaml({ replicas: 1 }));
    runUntil(c, () => endpointsOf(c, 'web').length === 1);
    expect(slicesOf(c, 'web').map((s) => s.metadata.name)).toEqual([placeholder.metadata.name]);
    expect(slicesOf(c, 'web')[0].ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
  });

  it('marks an endpoint ready:false serving:false while its Pod is not Ready, and ready again after', () => {
    const c = createCluster();
    applyOk(c, deploymentYaml({ replicas: 1, command: 'touch /tmp/ready; sleep 20; rm /tmp/ready; sleep 20; touch /tmp/ready; sleep 3600' }) +
      '---\n' + serviceYaml());
    runUntil(c, () => endpointsOf(c, 'web')[0]?.conditions?.ready === true);
    const name = podsOf(c, 'web')[0].metadata.name;
    runUntil(c, () => endpointFor(c, 'web', name)?.conditions?.ready === false);
    expect(endpointFor(c, 'web', name)!.conditions).toEqual({ ready: false, serving: false, terminating: false });
    expect(isPodReady(c.get('Pod', name))).toBe(false);
    const step = c.steps.findLast((s) => s.actor === 'endpointslice-controller')!;
    expect(step.message).toContain(`${name} is now not ready`);
    runUntil(c, () => endpointFor(c, 'web', name)?.conditions?.ready === true);
    expect(endpointFor(c, 'web', name)!.conditions).toEqual({ ready: true, serving: true, terminating: false });
  });

  it('keeps a deleted Pod listed as terminating (ready:false) until it is gone', () => {
    const c = createCluster();
    applyOk(c, deploymentYaml({ replicas: 2 }) + '---\n' + serviceYaml());
    runUntil(c, () => endpointsOf(c, 'web').filter((e) => e.conditions?.ready).length === 2);
    const victim = podsOf(c, 'web')[0].metadata.name;
    c.delete('Pod', victim);
    runUntil(c, () => endpointFor(c, 'web', victim)?.conditions?.terminating === true);
    const ep = endpointFor(c, 'web', victim)!;
    expect(ep.conditions!.ready).toBe(false);
    // serving follows the Pod's Ready condition while it shuts down
    expect(ep.conditions!.serving).toBe(isPodReady(c.get('Pod', victim)));
    runUntil(c, () => !c.get('Pod', victim), 120_000);
    runUntil(c, () => !endpointFor(c, 'web', victim));
    runUntil(c, () => endpointsOf(c, 'web').filter((e) => e.conditions?.ready).length === 2);
    expect(endpointsOf(c, 'web').every((e) => !e.conditions?.terminating)).toBe(true);
  });

  it('publishes not-ready Pods as ready (but not serving) with publishNotReadyAddresses', () => {
    const c = createCluster();
    applyOk(c, deploymentYaml({ replicas: 1, command: 'sleep 3600' }) + '---\n' + serviceYaml({ spec: '  publishNotReadyAddresses: true\n' }));
    runUntil(c, () => endpointsOf(c, 'web').length === 1);
    c.advance(10_000);
    expect(isPodReady(podsOf(c, 'web')[0])).toBe(false);
    expect(endpointsOf(c, 'web')[0].conditions).toEqual({ ready: true, serving: false, terminating: false });
  });

  it('resolves a named targetPort per Pod: Pods with different numbers, or none, land in different slices', () => {
    const c = createCluster();
    applyOk(c, [
      deploymentYaml({ name: 'v1', app: 'mixed', replicas: 1, ports: '[{containerPort: 8080, name: http}]' }),
      deploymentYaml({ name: 'v2', app: 'mixed', replicas: 1, ports: '[{containerPort: 9090, name: http}]' }),
      deploymentYaml({ name: 'v3', app: 'mixed', replicas: 1, ports: '[{containerPort: 7070, name: admin}]' }),
      serviceYaml({ name: 'mixed' }),
    ].join('---\n'));
    runUntil(c, () => endpointsOf(c, 'mixed').filter((e) => e.conditions?.ready).length === 3);
    const byPorts = slicesOf(c, 'mixed').map((s) => [(s.ports ?? []).map((p) => p.port), s.endpoints.map((e) => e.targetRef!.name!.split('-')[0])])
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(byPorts).toEqual([[[], ['v3']], [[8080], ['v1']], [[9090], ['v2']]]);
  });

  it('leaves Services without a selector and ExternalName Services alone', () => {
    const c = createCluster();
    applyOk(c, `apiVersion: v1
kind: Service
metadata: {name: manual}
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: ext}
spec:
  type: ExternalName
  externalName: db.example.com
  selector: {app: web}
`);
    c.advance(5_000);
    expect(c.list('EndpointSlice').filter((s) => s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] === 'endpointslice-controller.k8s.io')
      .map((s) => s.metadata.labels!['kubernetes.io/service-name'])).toEqual([]);
    expect(c.get('Endpoints', 'manual')).toBeUndefined();
    expect(c.get('Endpoints', 'ext')).toBeUndefined();
  });

  it('puts back a managed slice someone deletes, and its slices go with the Service', () => {
    const c = createCluster();
    applyOk(c, deploymentYaml({ replicas: 1 }) + '---\n' + serviceYaml());
    runUntil(c, () => endpointsOf(c, 'web').length === 1);
    const first = slicesOf(c, 'web')[0].metadata.name;
    c.delete('EndpointSlice', first);
    runUntil(c, () => slicesOf(c, 'web').length === 1);
    const again = slicesOf(c, 'web')[0];
    expect(again.metadata.name).not.toBe(first);
    expect(again.endpoints).toHaveLength(1);
    c.delete('Service', 'web');
    runUntil(c, () => slicesOf(c, 'web').length === 0);
  });

  it('moves a relabelled Pod out of the slices', () => {
    const c = createCluster();
    applyOk(c, deploymentYaml({ replicas: 1 }) + '---\n' + serviceYaml());
    runUntil(c, () => endpointsOf(c, 'web').length === 1);
    const pod = clonePod(podsOf(c, 'web')[0]);
    pod.metadata.labels = { app: 'debug' };
    applyOk(c, JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: pod.metadata.name, labels: { app: 'debug' } },
      spec: pod.spec }));
    runUntil(c, () => !endpointFor(c, 'web', pod.metadata.name));
    // the ReplicaSet replaces the Pod it released; the replacement joins the slice
    runUntil(c, () => endpointsOf(c, 'web').filter((e) => e.conditions?.ready).length === 1);
  });

  it('is deterministic: the same seed and commands give the same Steps and slice names', () => {
    const run = () => {
      const c = createCluster({ seed: 7 });
      applyOk(c, deploymentYaml({ replicas: 3 }) + '---\n' + serviceYaml());
      c.advance(20_000);
      c.delete('Pod', podsOf(c, 'web')[1].metadata.name);
      c.advance(40_000);
      return { steps: c.steps.map((s) => `${s.time} ${s.actor} ${s.message}`), slices: slicesOf(c, 'web').map((s) => s.metadata.name) };
    };
    const a = run();
    expect(run()).toEqual(a);
    expect(a.steps.some((s) => s.includes('endpointslice-controller'))).toBe(true);
  });

  it('splits more than 100 endpoints over several slices', () => {
    const c = createCluster();
    applyOk(c, serviceYaml({ ports: '[{port: 80}]' }) + `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 120
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: 'nginx:1.27'}]
`);
    for (let i = 0; i < 120 && endpointsOf(c, 'web').filter((e) => e.conditions?.ready).length < 120; i++) c.advance(1_000);
    const sizes = slicesOf(c, 'web').map((s) => s.endpoints.length).sort((a, b) => b - a);
    expect(sizes).toEqual([100, 20]);
    expect(endpointsOf(c, 'web').every((e) => e.conditions?.ready)).toBe(true);
    expect(new Set(endpointsOf(c, 'web').map((e) => e.targetRef!.name)).size).toBe(120);
    expect(syncErrors(c)).toEqual([]);
  }, 30_000);
});

function clonePod(p: KubeObject): KubeObject {
  return JSON.parse(JSON.stringify(p)) as KubeObject;
}
