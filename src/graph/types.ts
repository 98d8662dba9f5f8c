/**
 * The graph a snapshot projects to, shaped like React Flow's nodes and edges but framework-free:
 * the canvas hands these objects to React Flow as they are. Objects are reused between snapshots
 * when what they show did not change, so memoized components skip re-rendering.
 */

import type { ConfigData, ConfigEdgeData, NamespaceBoxData, StorageData, StorageEdgeData, StorageKind } from './storageTypes';

/** Colour family of a state; the text always carries the state too. */
export type Tone = 'running' | 'pending' | 'failed' | 'succeeded' | 'terminating' | 'unknown';

export interface ContainerData {
  name: string;
  image: string;
  /** `init` runs to completion before the next; `sidecar` is an init container with restartPolicy Always. */
  type: 'init' | 'sidecar' | 'regular';
  /** 1-based position among the init containers (init and sidecar), for the "init 1" label. */
  order?: number;
  state: 'waiting' | 'running' | 'terminated';
  /** Waiting or terminated reason (`ContainerCreating`, `CrashLoopBackOff`, `Completed`, `Error`, …). */
  reason?: string;
  exitCode?: number;
  /** `running`, `waiting: CrashLoopBackOff`, `terminated: Completed` (the accessible name's state). */
  stateText: string;
  ready: boolean;
  restartCount: number;
  tone: Tone;
  /** `container nginx (running)`. */
  ariaLabel: string;
}

export interface VolumeData {
  name: string;
  /** `emptyDir`, `configMap app-config`, `persistentVolumeClaim data`, … */
  source: string;
  mounts: { container: string; path: string; readOnly: boolean }[];
}

/** The pause container: it holds the Pod's network namespace (and its IP) for all containers. */
export interface SandboxData {
  state: 'ready' | 'notready' | 'none';
  ip?: string;
  image?: string;
}

/** Node data are type aliases, not interfaces, so React Flow's `Record<string, unknown>` data bound accepts them. */
export type PodData = {
  kind: 'Pod';
  name: string;
  namespace: string;
  uid: string;
  /** `status.phase` (Pending until the API server or kubelet says otherwise). */
  phase: string;
  /** kubectl's STATUS column (`ContainerCreating`, `Init:1/2`, `CrashLoopBackOff`, `Terminating`). */
  status: string;
  /** kubectl's READY column, `1/1`. */
  ready: string;
  restarts: number;
  tone: Tone;
  terminating: boolean;
  nodeName?: string;
  /** Why the Pod is not on a Node (the FailedScheduling message, or a missing Node). */
  pendingReason?: string;
  /** The reason is the scheduler's message (English, as the cluster wrote it), not the UI's words. */
  pendingReasonFromCluster?: boolean;
  sandbox: SandboxData;
  initContainers: ContainerData[];
  containers: ContainerData[];
  /** Declared volumes (not the service-account token volume every Pod gets) with their mounts. */
  volumes: VolumeData[];
  /** The template revision it runs, when its owner keeps revisions (Deployment, StatefulSet, DaemonSet). */
  revision?: RevisionBadge;
  /** `Pod web-7c5d-x8kzq, Running, ready 1/1` (then `, rev 2` when it has a revision). */
  ariaLabel: string;
};

/**
 * A template revision of one owner (a Deployment's ReplicaSet, a StatefulSet's or DaemonSet's
 * ControllerRevision): a stable colour per revision number, the newest one highlighted.
 */
export type RevisionBadge = {
  revision: number;
  /** `rev 2`: the text that carries the revision (colour never does alone). */
  label: string;
  /** CSS colour of this revision (see revisions.ts). */
  colour: string;
  /** The owner's newest revision (what a rollout rolls to). */
  newest: boolean;
};

export type WorkloadKind = 'Deployment' | 'ReplicaSet' | 'ReplicationController' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';

/** A workload controller as the graph shows it: its counts worded like kubectl's columns. */
export type WorkloadData = {
  kind: WorkloadKind;
  name: string;
  namespace: string;
  uid: string;
  /** The headline count: `3/3 ready`, `2 of 3 ready`, `2/5 completions`, a CronJob's schedule. */
  summary: string;
  /** Further facts, one short line each: `3 up-to-date`, `last run 20s ago`, … */
  details: string[];
  /** A short state (`Available`, `Rolling out`, `Complete`, `Suspended`, …). */
  status: string;
  /** The status is a Kubernetes value (kubectl's Job STATUS, `Terminating`, a condition reason), not the UI's words. */
  statusIsValue?: boolean;
  tone: Tone;
  revision?: RevisionBadge;
  /** Owned objects not drawn (a Deployment's old ReplicaSets scaled to 0). */
  hiddenChildren: number;
  ref: GraphRef;
  /** `Deployment web, 3/3 ready`, `ReplicaSet web-7c5d…, 2 of 3 ready`. */
  ariaLabel: string;
};

/** Endpoint counts of a Service, by the state of the endpoint. */
export interface EndpointCounts {
  ready: number;
  notReady: number;
  terminating: number;
}

export type ServiceData = {
  kind: 'Service';
  name: string;
  namespace: string;
  uid: string;
  /** `ClusterIP`, `NodePort`, `LoadBalancer`, `ExternalName`. */
  type: string;
  /** kubectl's CLUSTER-IP (`None` when headless, `<none>` for ExternalName). */
  clusterIP: string;
  /** kubectl's EXTERNAL-IP (`<pending>`, the LoadBalancer IP, the ExternalName), when there is one. */
  externalIP?: string;
  /** kubectl's PORT(S): `80/TCP`, `80:30080/TCP`. */
  ports: string;
  /** kubectl's SELECTOR: `app=web`, `<none>`. */
  selector: string;
  endpoints: EndpointCounts;
  /** Where the endpoints come from: the Service's EndpointSlices, or its selector until slices exist. */
  endpointSource: 'EndpointSlice' | 'selector' | 'none';
  ref: GraphRef;
  /** `Service web, ClusterIP 10.96.12.7`. */
  ariaLabel: string;
};

export interface Usage {
  used: number;
  total: number;
  /** `750m / 4`, `1.5Gi / 8Gi`, `3 / 110`. */
  text: string;
  /** used / total clamped to 0..1 (0 when total is 0). */
  fraction: number;
}

export type NodeBoxData = {
  kind: 'Node';
  name: string;
  /** The Ready condition's status. */
  ready: 'True' | 'False' | 'Unknown';
  /** kubectl's STATUS column: `Ready`, `NotReady,SchedulingDisabled`, … */
  status: string;
  tone: Tone;
  roles: string;
  taints: string[];
  cpu: Usage;
  memory: Usage;
  pods: Usage;
  /** Pods drawn inside the box (terminated ones included, unlike `pods.used`). */
  shown: number;
  ariaLabel: string;
};

export type LaneData = {
  kind: 'Lane';
  title: string;
  /** Pods not on a Node. */
  count: number;
  /** Of those, the ones not drawn (the lane draws the oldest few rows). */
  hidden: number;
  ariaLabel: string;
};

export type GraphNodeData = PodData | NodeBoxData | LaneData | WorkloadData | ServiceData
  | StorageData | ConfigData | NamespaceBoxData;

export type GraphNodeType = 'k8sNode' | 'pod' | 'lane' | 'workload' | 'service' | 'storage' | 'config' | 'namespace';

export interface GraphNode<D extends GraphNodeData = GraphNodeData> {
  id: string;
  type: GraphNodeType;
  /** Relative to the parent when parentId is set (React Flow's convention). */
  position: { x: number; y: number };
  width: number;
  height: number;
  parentId?: string;
  data: D;
  /** React Flow puts these on the node's wrapper element: the element tests and screen readers see. */
  ariaLabel: string;
  ariaRole: 'group' | 'button';
  selectable: boolean;
  draggable: false;
}

/** State of a Service endpoint: ready (solid), not ready (dashed), terminating (fading). */
export type EndpointState = 'ready' | 'notReady' | 'terminating';

/** What an edge stands for: an ownerReference (owner → owned), or a Service endpoint (Service → Pod). */
export type EdgeData =
  | { relation: 'owns' }
  | { relation: 'endpoint'; state: EndpointState }
  | StorageEdgeData
  | ConfigEdgeData;

export type GraphEdgeType = 'ownership' | 'endpoint' | 'storage' | 'config';

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type?: GraphEdgeType;
  label?: string;
  /** The handle it leaves from on the source (a Pod volume's, for its claim). */
  sourceHandle?: string;
  /** The handle it ends at on the target (a Pod has one for owners and one for Services). */
  targetHandle?: string;
  data?: EdgeData;
  /** `ReplicaSet web-7c5d owns Pod web-7c5d-x8kzq`, `Service web routes to Pod web-7c5d-x8kzq, ready`. */
  ariaLabel?: string;
}

export interface ClusterGraph {
  /** Parents always come before their children. */
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Bounding size of the whole layout. */
  width: number;
  height: number;
}

/** What a graph element points at, as the store's `select()` takes it. */
export interface GraphRef {
  kind: 'Pod' | 'Node' | WorkloadKind | 'Service' | StorageKind | 'ConfigMap' | 'Secret' | 'Namespace';
  name: string;
  namespace?: string;
}
