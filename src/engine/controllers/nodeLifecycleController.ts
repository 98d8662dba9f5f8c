import { monitorNodes, syncNoScheduleTaints } from './nodelifecycle/monitor';
import type { Controller } from './types';

/** The key of the node monitor pass (no Node name contains a `/`). */
export const NODE_MONITOR_KEY = 'monitor/nodes';

/**
 * node-lifecycle-controller: keeps the condition taints (`not-ready`, `unreachable`, `*-pressure`,
 * `unschedulable` as NoSchedule) in step with each Node, and watches the kubelets' heartbeats — a Node
 * whose kubelet stopped renewing its Lease goes Unknown after the grace period, its Pods not Ready,
 * and it gets the NoExecute taint the taint-eviction-controller acts on.
 * upstream: pkg/controller/nodelifecycle/node_lifecycle_controller.go
 */
export const nodeLifecycleController: Controller = {
  name: 'node-lifecycle-controller',
  watches: [{ kind: 'Node', map: (node) => [node.metadata.name, NODE_MONITOR_KEY] }],
  reconcile(key, ctx) {
    if (key === NODE_MONITOR_KEY) return monitorNodes(ctx);
    syncNoScheduleTaints(ctx, key);
  },
};
