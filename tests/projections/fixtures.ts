/** API objects as the engine stores them (and `kubectl get -o json` prints them), for describe tests. */
import type { KubeObject } from '../../src/engine/api';

/** Epoch ms of 2025-01-01T09:00:00Z plus `seconds`. */
export const at = (seconds: number): number => Date.UTC(2025, 0, 1, 9, 0, 0) + seconds * 1000;
export const ts = (seconds: number): string => new Date(at(seconds)).toISOString().replace('.000Z', 'Z');

export const runningPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-7c5ddbdf54-x8kzq', generateName: 'web-7c5ddbdf54-', namespace: 'default',
    uid: '5b1f1c4e-8a51-4f0b-9c53-2f7d6a0b8e11', resourceVersion: '512', creationTimestamp: ts(1),
    labels: { 'pod-template-hash': '7c5ddbdf54', app: 'web' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7c5ddbdf54', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }],
  },
  spec: {
    containers: [{
      name: 'nginx', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '128Mi' } },
      readinessProbe: { httpGet: { path: '/', port: 80, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
      env: [{ name: 'MODE', value: 'demo' }, { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } }],
      volumeMounts: [{ name: 'kube-api-access-5wzcj', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }],
    }],
    nodeName: 'node-1', serviceAccountName: 'default', priority: 0, restartPolicy: 'Always',
    volumes: [{
      name: 'kube-api-access-5wzcj',
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
        ],
      },
    }],
    tolerations: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
  },
  status: {
    phase: 'Running', hostIP: '192.168.49.11', hostIPs: [{ ip: '192.168.49.11' }],
    podIP: '10.244.1.2', podIPs: [{ ip: '10.244.1.2' }], startTime: ts(2), qosClass: 'Burstable',
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: ts(3) },
      { type: 'Initialized', status: 'True', lastTransitionTime: ts(2) },
      { type: 'Ready', status: 'True', lastTransitionTime: ts(6) },
      { type: 'ContainersReady', status: 'True', lastTransitionTime: ts(6) },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: ts(2) },
    ],
    containerStatuses: [{
      name: 'nginx', image: 'docker.io/library/nginx:1.27', imageID: 'docker.io/library/nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac',
      containerID: 'containerd://0f3c4b2a1d9e', ready: true, started: true, restartCount: 0,
      state: { running: { startedAt: ts(5) } },
    }],
  },
} as unknown as KubeObject;

const podRef = { kind: 'Pod', namespace: 'default', name: 'web-7c5ddbdf54-x8kzq', uid: '5b1f1c4e-8a51-4f0b-9c53-2f7d6a0b8e11', apiVersion: 'v1' };

export function event(name: string, reason: string, message: string, first: number, last: number, count: number,
  extra: Partial<{ type: string; component: string; involvedObject: object }> = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Event',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: ts(first) },
    involvedObject: extra.involvedObject ?? podRef,
    reason, message, type: extra.type ?? 'Normal', count,
    source: { component: extra.component ?? 'kubelet', host: 'node-1' },
    firstTimestamp: ts(first), lastTimestamp: ts(last), eventTime: null,
  } as unknown as KubeObject;
}

export const podEvents = [
  event('e1', 'Scheduled', 'Successfully assigned default/web-7c5ddbdf54-x8kzq to node-1', 1, 1, 1, { component: 'default-scheduler' }),
  event('e2', 'Pulling', 'Pulling image "nginx:1.27"', 2, 2, 1),
  event('e3', 'Pulled', 'Successfully pulled image "nginx:1.27" in 2.345s (2.345s including waiting). Image size: 72123456 bytes.', 4, 4, 1),
  event('e4', 'Created', 'Created container nginx', 4, 4, 1),
  event('e5', 'Started', 'Started container nginx', 5, 5, 1),
  event('e6', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', 10, 50, 3, { type: 'Warning' }),
  // another Pod's Event of the same name must not show up
  event('e7', 'Started', 'Started container nginx', 5, 5, 1, { involvedObject: { ...podRef, uid: 'someone-else' } }),
];

export const node = {
  apiVersion: 'v1', kind: 'Node',
  metadata: {
    name: 'node-1', uid: 'node-uid-1', resourceVersion: '20', creationTimestamp: ts(0),
    labels: { 'kubernetes.io/hostname': 'node-1', 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'node-role.kubernetes.io/worker': '' },
    annotations: { 'node.alpha.kubernetes.io/ttl': '0' },
  },
  spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], taints: [{ key: 'dedicated', value: 'web', effect: 'NoSchedule' }] },
  status: {
    capacity: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' },
    allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' },
    conditions: [
      { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: ts(60), lastTransitionTime: ts(0), reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
      { type: 'Ready', status: 'True', lastHeartbeatTime: ts(60), lastTransitionTime: ts(0), reason: 'KubeletReady', message: 'kubelet is posting ready status' },
    ],
    addresses: [{ type: 'InternalIP', address: '192.168.49.11' }, { type: 'Hostname', address: 'node-1' }],
    nodeInfo: {
      machineID: 'm1', systemUUID: 's1', bootID: 'b1', kernelVersion: '6.1.0', osImage: 'Debian GNU/Linux 12 (bookworm)',
      operatingSystem: 'linux', architecture: 'amd64', containerRuntimeVersion: 'containerd://1.7.22',
      kubeletVersion: 'v1.31.0', kubeProxyVersion: 'v1.31.0',
    },
  },
} as unknown as KubeObject;
