/** A hand-built ClusterView: the projection is tested without running the engine. */
import type { Container, ContainerStatus, Node, Pod } from 'kubernetes-types/core/v1';
import type { ClusterView, KubeObject, NodeRuntime, RuntimeSandbox } from '../../src/engine/api';

let rv = 100;

export function makeNode(name: string, opts: { cpu?: string; memory?: string; pods?: string; ready?: boolean; unschedulable?: boolean } = {}): Node {
  const allocatable = { cpu: opts.cpu ?? '4', memory: opts.memory ?? '8Gi', pods: opts.pods ?? '110' };
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name, uid: `uid-${name}`, resourceVersion: String(rv++), creationTimestamp: '2024-01-01T00:00:00Z', labels: { 'kubernetes.io/hostname': name } },
    spec: { podCIDR: '10.244.1.0/24', ...(opts.unschedulable ? { unschedulable: true } : {}) },
    status: {
      capacity: allocatable, allocatable,
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True', reason: 'KubeletReady' }],
    },
  };
}

export interface PodOptions {
  node?: string;
  created?: number;
  phase?: string;
  requests?: { cpu?: string; memory?: string };
  containers?: (Partial<Container> & { name: string })[];
  initContainers?: (Partial<Container> & { name: string })[];
  statuses?: ContainerStatus[];
  initStatuses?: ContainerStatus[];
  podIP?: string;
  deleting?: boolean;
  namespace?: string;
  uid?: string;
  conditions?: NonNullable<Pod['status']>['conditions'];
}

export function makePod(name: string, o: PodOptions = {}): Pod {
  const containers = (o.containers ?? [{ name: 'app' }]).map((c) => ({
    image: 'nginx:1.27', ...c,
    ...(o.requests ? { resources: { requests: o.requests } } : {}),
  }));
  const sec = String(o.created ?? 0).padStart(2, '0');
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name, namespace: o.namespace ?? 'default', uid: o.uid ?? `uid-${name}`, resourceVersion: String(rv++),
      creationTimestamp: `2024-01-01T00:00:${sec}Z`,
      ...(o.deleting ? { deletionTimestamp: '2024-01-01T00:01:00Z', deletionGracePeriodSeconds: 30 } : {}),
    },
    spec: {
      ...(o.node ? { nodeName: o.node } : {}),
      containers,
      ...(o.initContainers ? { initContainers: o.initContainers.map((c) => ({ image: 'busybox:1.36', ...c })) } : {}),
    },
    status: {
      phase: o.phase ?? 'Pending',
      ...(o.podIP ? { podIP: o.podIP } : {}),
      ...(o.conditions ? { conditions: o.conditions } : {}),
      ...(o.statuses ? { containerStatuses: o.statuses } : {}),
      ...(o.initStatuses ? { initContainerStatuses: o.initStatuses } : {}),
    },
  };
}

export function running(name: string, ready = true, restartCount = 0): ContainerStatus {
  return { name, image: 'x', imageID: '', ready, restartCount, started: true, state: { running: { startedAt: '2024-01-01T00:00:05Z' } } };
}
export function waiting(name: string, reason: string, restartCount = 0): ContainerStatus {
  return { name, image: 'x', imageID: '', ready: false, restartCount, state: { waiting: { reason } } };
}
export function terminated(name: string, reason: string, exitCode: number, restartCount = 0): ContainerStatus {
  return { name, image: 'x', imageID: '', ready: false, restartCount, state: { terminated: { reason, exitCode } } };
}

export function sandbox(pod: Pod, ip: string, state: RuntimeSandbox['state'] = 'SANDBOX_READY', createdAt = 1): RuntimeSandbox {
  return {
    id: `sb-${pod.metadata!.name}-${createdAt}`, pod: pod.metadata!.name!, namespace: pod.metadata!.namespace!,
    podUid: pod.metadata!.uid!, state, ip, image: 'registry.k8s.io/pause:3.10', createdAt,
  };
}

export function fakeView(objects: { nodes: Node[]; pods: Pod[]; sandboxes?: Record<string, RuntimeSandbox[]> }, stepIndex = 0): ClusterView {
  const byKind: Record<string, KubeObject[]> = {
    Node: objects.nodes as unknown as KubeObject[],
    Pod: objects.pods as unknown as KubeObject[],
  };
  return {
    now: 0,
    stepIndex,
    get: (kind, name, namespace) => byKind[kind]?.find((o) => o.metadata.name === name && (namespace === undefined || o.metadata.namespace === namespace)),
    list: (kind, namespace) => (byKind[kind] ?? []).filter((o) => namespace === undefined || o.metadata.namespace === namespace),
    events: () => [],
    runtime: (node): NodeRuntime => ({ sandboxes: objects.sandboxes?.[node] ?? [], containers: [] }),
    table: () => [],
  };
}

/** The same Pod as after a write: a new resourceVersion (and whatever changed). */
export function bump(pod: Pod, change: (p: Pod) => Pod = (p) => p): Pod {
  const changed = change(pod);
  return { ...changed, metadata: { ...changed.metadata, resourceVersion: String(rv++) } };
}

/**
 * A Pod using a claim (bound by the default StorageClass), a ConfigMap through env and an optional
 * missing Secret; with `configVolume`, the ConfigMap is also mounted as the volume `cfg`.
 */
export function storageManifest(options: { configVolume?: boolean } = {}): string {
  const cfg = options.configVolume;
  return `apiVersion: v1
kind: ConfigMap
metadata: { name: app-config }
data: { MODE: prod }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: data }
spec:
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 1Gi } }
---
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: app
    image: nginx:1.27
    env:
    - { name: MODE, valueFrom: { configMapKeyRef: { name: app-config, key: MODE } } }
    - { name: TOKEN, valueFrom: { secretKeyRef: { name: missing-secret, key: token, optional: true } } }
    volumeMounts: [{ name: data, mountPath: /data }${cfg ? ', { name: cfg, mountPath: /etc/cfg }' : ''}]
  volumes:
  - { name: data, persistentVolumeClaim: { claimName: data } }
${cfg ? '  - { name: cfg, configMap: { name: app-config } }\n' : ''}`;
}
