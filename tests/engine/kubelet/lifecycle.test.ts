import { describe, expect, it } from 'vitest';
import { pullDurationMs, lookupImage } from '../../../src/engine/kubelet/images';
import { apply, cluster, containerStatus, eventObjects, kubeletEvents, pod, runUntil, status, syncErrors, type Obj } from './kubeletHelpers';

const NGINX = pod('web', `  containers:
  - name: nginx
    image: nginx:1.25
    resources:
      requests: { cpu: 100m, memory: 64Mi }
      limits: { cpu: 100m, memory: 64Mi }
`);

function nginxPullMs(): number {
  const looked = lookupImage('nginx:1.25');
  if (!looked.ok) throw new Error('nginx:1.25 missing from the catalog');
  return pullDurationMs(looked.image);
}

describe('kubelet: a pod from bind to Running', () => {
  it('takes one Step per action, in SyncPod order', () => {
    const c = cluster();
    apply(c, NGINX);
    runUntil(c, () => status(c, 'web').phase === 'Running');
    const steps = c.steps.filter((s) => s.actor === 'kubelet/node-1' && s.time >= 0 && !s.message.startsWith('kubelet on'));
    expect(steps.map((s) => s.message)).toEqual([
      'Admitted pod web on node-1',
      'Created the pod sandbox (pause container) with IP 10.244.1.2',
      'Pulling image "nginx:1.25" for container nginx',
      `Pulled image "nginx:1.25" in ${(nginxPullMs() / 1000).toString()}s for container nginx`,
      'Created container nginx',
      'Started container nginx',
    ]);
    expect(steps[3].time - steps[2].time).toBe(nginxPullMs());
    expect(syncErrors(c)).toEqual([]);
  });

  it('emits Pulling, Pulled (with size and time), Created, Started from the kubelet with the container fieldPath', () => {
    const c = cluster();
    apply(c, NGINX);
    runUntil(c, () => status(c, 'web').phase === 'Running');
    const events = eventObjects(c, 'web').filter((e) => e.source.component === 'kubelet');
    expect(events.map((e) => e.reason)).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    const seconds = nginxPullMs() / 1000;
    const size = (lookupImage('nginx:1.25') as { ok: true; image: { sizeBytes: number } }).image.sizeBytes;
    expect(events.map((e) => e.message)).toEqual([
      'Pulling image "nginx:1.25"',
      `Successfully pulled image "nginx:1.25" in ${seconds}s (${seconds}s including waiting). Image size: ${size} bytes.`,
      'Created container nginx',
      'Started container nginx',
    ]);
    for (const e of events) {
      expect(e.type).toBe('Normal');
      expect(e.source).toEqual({ component: 'kubelet', host: 'node-1' });
      expect(e.involvedObject.fieldPath).toBe('spec.containers{nginx}');
    }
  });

  it('writes the status the way the kubelet does', () => {
    const c = cluster();
    apply(c, NGINX);
    c.step(); // apply
    runUntil(c, () => status(c, 'web').hostIP !== undefined);
    const pending = status(c, 'web');
    expect(pending.phase).toBe('Pending');
    expect(pending.containerStatuses[0].state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(pending.conditions.map((x: { type: string; status: string }) => `${x.type}=${x.status}`)).toEqual([
      'PodReadyToStartContainers=False', 'Initialized=True', 'Ready=False', 'ContainersReady=False', 'PodScheduled=True']);

    runUntil(c, () => status(c, 'web').phase === 'Running');
    const s = status(c, 'web');
    expect(s.conditions.map((x: { type: string; status: string }) => `${x.type}=${x.status}`)).toEqual([
      'PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
    expect(s.hostIP).toBe('172.18.0.2');
    expect(s.hostIPs).toEqual([{ ip: '172.18.0.2' }]);
    expect(s.podIP).toBe('10.244.1.2');
    expect(s.podIPs).toEqual([{ ip: '10.244.1.2' }]);
    expect(s.qosClass).toBe('Guaranteed');
    expect(s.startTime).toBe('2025-01-01T09:00:00Z');
    const cs = containerStatus(c, 'web', 'nginx');
    expect(cs).toMatchObject({
      name: 'nginx', ready: true, started: true, restartCount: 0, lastState: {},
      image: 'docker.io/library/nginx:1.25', state: { running: { startedAt: expect.any(String) } },
    });
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
  });

  it('records the sandbox and container in the runtime, like crictl pods / ps -a', () => {
    const c = cluster();
    apply(c, NGINX);
    runUntil(c, () => status(c, 'web').phase === 'Running');
    const rt = c.runtime('node-1');
    expect(rt.sandboxes).toHaveLength(1);
    const [sandbox] = rt.sandboxes;
    expect(sandbox).toMatchObject({ pod: 'web', namespace: 'default', state: 'SANDBOX_READY', ip: '10.244.1.2',
      image: 'registry.k8s.io/pause:3.10', podUid: c.get('Pod', 'web')!.metadata.uid });
    expect(sandbox.id).toMatch(/^[0-9a-f]{64}$/);
    expect(rt.containers).toHaveLength(1);
    expect(rt.containers[0]).toMatchObject({ sandboxId: sandbox.id, name: 'nginx', image: 'docker.io/library/nginx:1.25',
      type: 'regular', state: 'CONTAINER_RUNNING', attempt: 0, limits: { cpu: '100m', memory: '64Mi' } });
    expect(containerStatus(c, 'web', 'nginx').containerID).toBe(`containerd://${rt.containers[0].id}`);
  });

  it('reuses a present image (IfNotPresent), gives the next IP, and re-pulls with imagePullPolicy Always', () => {
    const c = cluster();
    apply(c, NGINX);
    runUntil(c, () => status(c, 'web').phase === 'Running');
    apply(c, pod('second', '  containers:\n  - name: nginx\n    image: nginx:1.25\n'));
    runUntil(c, () => status(c, 'second').phase === 'Running');
    expect(status(c, 'second').podIP).toBe('10.244.1.3');
    expect(eventObjects(c, 'second').filter((e) => e.source.component === 'kubelet').map((e) => e.message)).toEqual([
      'Container image "nginx:1.25" already present on machine', 'Created container nginx', 'Started container nginx']);

    apply(c, pod('third', '  containers:\n  - name: nginx\n    image: nginx:1.25\n    imagePullPolicy: Always\n'));
    runUntil(c, () => status(c, 'third').phase === 'Running');
    const reasons = eventObjects(c, 'third').filter((e) => e.source.component === 'kubelet').map((e) => e.reason);
    expect(reasons).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
  });

  it('serializes image pulls on a node: the second pull waits for the first', () => {
    const c = cluster();
    apply(c, pod('a', '  containers:\n  - name: app\n    image: nginx:1.25\n'));
    apply(c, pod('b', '  containers:\n  - name: app\n    image: redis:7\n'));
    runUntil(c, () => status(c, 'a').phase === 'Running' && status(c, 'b').phase === 'Running');
    const pulled = kubeletEvents(c).filter((e) => e.text.startsWith('Pulled: Successfully'));
    expect(pulled).toHaveLength(2);
    const redis = (lookupImage('redis:7') as { ok: true; image: Parameters<typeof pullDurationMs>[0] }).image;
    expect(pulled[1].time - pulled[0].time).toBe(pullDurationMs(redis));
    const [, own, total] = /in ([\d.]+)s \(([\d.]+)s including waiting\)/.exec(pulled[1].text)!;
    expect(Number(total)).toBeGreaterThan(Number(own));
    expect(Math.round(Number(own) * 1000)).toBe(pullDurationMs(redis));
  });

  it('posts node status: conditions, node info, images with sizes, and start-up events', () => {
    const c = cluster();
    apply(c, NGINX);
    runUntil(c, () => status(c, 'web').phase === 'Running');
    const node = c.get('Node', 'node-1')!.status as Obj;
    expect(node.conditions.map((x: { type: string; status: string; reason: string }) => `${x.type}=${x.status}/${x.reason}`)).toEqual([
      'MemoryPressure=False/KubeletHasSufficientMemory', 'DiskPressure=False/KubeletHasNoDiskPressure',
      'PIDPressure=False/KubeletHasSufficientPID', 'Ready=True/KubeletReady']);
    expect(node.nodeInfo).toMatchObject({ kubeletVersion: expect.stringMatching(/^v1\.31\./),
      containerRuntimeVersion: expect.stringMatching(/^containerd:\/\/1\.7\./), architecture: 'amd64', operatingSystem: 'linux' });
    const names = node.images.map((i: { names: string[] }) => i.names[1]);
    expect(names).toEqual(['docker.io/library/nginx:1.25', 'registry.k8s.io/pause:3.10']);
    expect(node.images[0].sizeBytes).toBeGreaterThan(node.images[1].sizeBytes);
    expect(eventObjects(c, 'node-1').filter((e) => e.source.component === 'kubelet').map((e) => e.reason)).toEqual([
      'Starting', 'NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'NodeAllocatableEnforced', 'NodeReady']);
  });

  it('replaces a container whose image changed in the pod spec', () => {
    const c = cluster();
    apply(c, pod('web', '  containers:\n  - name: nginx\n    image: nginx:1.25\n'));
    runUntil(c, () => status(c, 'web').phase === 'Running');
    apply(c, pod('web', '  containers:\n  - name: nginx\n    image: nginx:1.27\n'));
    runUntil(c, () => containerStatus(c, 'web', 'nginx')?.image === 'docker.io/library/nginx:1.27' &&
      containerStatus(c, 'web', 'nginx')?.ready === true);
    expect(eventObjects(c, 'web').find((e) => e.reason === 'Killing')?.message).toBe('Container nginx definition changed, will be restarted');
    expect(containerStatus(c, 'web', 'nginx')).toMatchObject({ restartCount: 1, lastState: { terminated: { exitCode: 0 } } });
  });
});
