/**
 * The graph a snapshot projects to, shaped like React Flow's nodes and edges but framework-free:
 * the canvas hands these objects to React Flow as they are. Objects are reused between snapshots
 * when what they show did not change, so memoized components skip re-rendering.
 */

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
  sandbox: SandboxData;
  initContainers: ContainerData[];
  containers: ContainerData[];
  /** Declared volumes (not the service-account token volume every Pod gets) with their mounts. */
  volumes: VolumeData[];
  /** `Pod web-7c5d-x8kzq, Running, ready 1/1`. */
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

export type GraphNodeData = PodData | NodeBoxData | LaneData;

export type GraphNodeType = 'k8sNode' | 'pod' | 'lane';

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

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type?: string;
  label?: string;
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
  kind: 'Pod' | 'Node';
  name: string;
  namespace?: string;
}
