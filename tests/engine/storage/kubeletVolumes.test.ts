import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../src/engine';
import { phaseOf, runUntil } from '../helpers';
import { applyOk, docs, eventsFor, podWithClaim, pvcYaml } from './storageFixtures';

const state = (c: Cluster, pod: string, i = 0) =>
  ((c.get('Pod', pod)!.status as { containerStatuses?: { state: Record<string, { reason?: string }>; restartCount: number }[] })
    .containerStatuses ?? [])[i];

const sharedPod = (volume: string, written: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: init
    image: busybox:1.36
    command: [sh, -c, "echo ok > /work/${written}"]
    volumeMounts:
    - {name: shared, mountPath: /work}
  containers:
  - name: app
    image: busybox:1.36
    command: [sh, -c, "test -f /data/ready || exit 3; grep -q ok /data/ready || exit 4; sleep 3600"]
    volumeMounts:
    - {name: shared, mountPath: /data}
  volumes:
  - name: shared
    ${volume}
`;

describe('the kubelet and volumes', () => {
  it('a file one container writes into an emptyDir is there for the next container', () => {
    const c = createCluster();
    applyOk(c, sharedPod('emptyDir: {}', 'ready'));
    c.advance(30_000);
    expect(phaseOf(c.get('Pod', 'web'))).toBe('Running');
    expect(state(c, 'web').restartCount).toBe(0);
  });

  it('a file that was never written is not there (control)', () => {
    const c = createCluster();
    applyOk(c, sharedPod('emptyDir: {}', 'other'));
    c.advance(30_000);
    expect(state(c, 'web').restartCount).toBeGreaterThan(0);
  });

  it('the same holds for a claim mounted by both containers', () => {
    const c = createCluster();
    applyOk(c, docs(pvcYaml({ name: 'data' }), sharedPod('persistentVolumeClaim: {claimName: data}', 'ready')));
    runUntil(c, () => phaseOf(c.get('Pod', 'web')) === 'Running', 30_000);
    c.advance(20_000);
    expect(state(c, 'web').restartCount).toBe(0);
  });

  it('a Pod placed on a node with an unbound claim waits in ContainerCreating with FailedMount', () => {
    const c = createCluster();
    applyOk(c, docs(pvcYaml({ name: 'data' }), podWithClaim('web', 'data', { nodeName: 'node-1' })));
    c.advance(25_000);
    expect(phaseOf(c.get('Pod', 'web'))).toBe('Pending');
    expect(state(c, 'web').state.waiting?.reason).toBe('ContainerCreating');
    const mounts = eventsFor(c, 'Pod', 'web');
    expect(mounts[0]).toBe('FailedMount: Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], ' +
      'failed to process volumes=[data]: error processing PVC default/data: PVC is not bound');
    const event = c.events().find((e) => (e as { reason?: string }).reason === 'FailedMount') as unknown as { count: number; source: { component: string; host: string } };
    expect(event.count).toBe(3);
    expect(event.source).toEqual({ component: 'kubelet', host: 'node-1' });
  });

  it('a bound claim grows when its class allows expansion; otherwise the resize is refused', () => {
    const c = createCluster();
    applyOk(c, docs(`apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: growable
provisioner: rancher.io/local-path
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true
`, pvcYaml({ name: 'data', className: 'growable' }), podWithClaim('web', 'data'),
    pvcYaml({ name: 'fixed' }), podWithClaim('other', 'fixed')));
    runUntil(c, () => phaseOf(c.get('Pod', 'web')) === 'Running' && phaseOf(c.get('Pod', 'other')) === 'Running', 30_000);
    const refused = c.apply(pvcYaml({ name: 'fixed', storage: '2Gi' }));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors[0].message).toBe('Error from server (Forbidden): persistentvolumeclaims "fixed" is forbidden: ' +
      'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize');
    applyOk(c, pvcYaml({ name: 'data', className: 'growable', storage: '5Gi' }));
    runUntil(c, () => (c.get('PersistentVolumeClaim', 'data')!.status as { capacity: { storage: string } }).capacity.storage === '5Gi', 30_000);
    const volumeName = (c.get('PersistentVolumeClaim', 'data')!.spec as { volumeName: string }).volumeName;
    expect((c.get('PersistentVolume', volumeName)!.spec as { capacity: { storage: string } }).capacity.storage).toBe('5Gi');
    expect(eventsFor(c, 'PersistentVolumeClaim', 'data')).toEqual(expect.arrayContaining([
      'Resizing: External resizer is resizing volume ' + volumeName, 'VolumeResizeSuccessful: Resize volume succeeded',
    ]));
  });

  it('a configMap item naming a missing key fails the mount', () => {
    const c = createCluster();
    applyOk(c, `apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {present: "1"}
---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: app
    image: nginx:1.27
    volumeMounts: [{name: cfg, mountPath: /etc/cfg}]
  volumes:
  - name: cfg
    configMap:
      name: cfg
      items: [{key: absent, path: a.conf}]
`);
    c.advance(5_000);
    expect(eventsFor(c, 'Pod', 'web')).toContain(
      'FailedMount: MountVolume.SetUp failed for volume "cfg" : configmap references non-existent config key: absent');
    expect(state(c, 'web').state.waiting?.reason).toBe('ContainerCreating');
  });

  it('downwardAPI files: sorted labels, and resources divided by the divisor (limits default to the node)', () => {
    const c = createCluster();
    applyOk(c, `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {tier: front, app: web}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: [sh, -c, "grep -q 'app=\\"web\\"' /info/labels || exit 3; test $(cat /info/mem) = 64 || exit 4; test $(cat /info/cpu) = 4 || exit 5; sleep 3600"]
    resources: {limits: {memory: 64Mi}}
    volumeMounts: [{name: info, mountPath: /info}]
  volumes:
  - name: info
    downwardAPI:
      items:
      - {path: labels, fieldRef: {fieldPath: metadata.labels}}
      - {path: mem, resourceFieldRef: {containerName: app, resource: limits.memory, divisor: 1Mi}}
      - {path: cpu, resourceFieldRef: {containerName: app, resource: limits.cpu}}
`);
    c.advance(20_000);
    expect(state(c, 'web').restartCount).toBe(0);
    expect(phaseOf(c.get('Pod', 'web'))).toBe('Running');
  });

  it('hostPath types are checked against the node: Directory must exist, DirectoryOrCreate makes it', () => {
    const c = createCluster();
    const hostPod = (name: string, path: string, type: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  nodeName: node-1
  containers:
  - name: app
    image: nginx:1.27
    volumeMounts: [{name: host, mountPath: /host}]
  volumes:
  - name: host
    hostPath: {path: ${path}, type: ${type}}
`;
    applyOk(c, docs(hostPod('missing', '/data/app', 'Directory'), hostPod('logs', '/var/log', 'Directory'),
      hostPod('sock', '/var/log', 'Socket')));
    c.advance(10_000);
    expect(eventsFor(c, 'Pod', 'missing')[0]).toBe('FailedMount: MountVolume.SetUp failed for volume "host" : hostPath type check failed: /data/app is not a directory');
    expect(eventsFor(c, 'Pod', 'sock')[0]).toBe('FailedMount: MountVolume.SetUp failed for volume "host" : hostPath type check failed: /var/log is not a socket file');
    expect(phaseOf(c.get('Pod', 'logs'))).toBe('Running');
    applyOk(c, hostPod('maker', '/data/app', 'DirectoryOrCreate'));
    runUntil(c, () => phaseOf(c.get('Pod', 'maker')) === 'Running' && phaseOf(c.get('Pod', 'missing')) === 'Running', 180_000);
  });
});
