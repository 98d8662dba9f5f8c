/**
 * Faults and node actions on demand — what a learner does to a running cluster to see it heal:
 * kill a container, fail a probe, exhaust memory, stop a kubelet, cordon/drain/add/remove Nodes.
 * Each is one command (actor `user`, or `kubectl` where kubectl does it); the consequences follow as
 * Steps of the actors that react. The kubelet honours container faults through the `faults` table
 * (src/engine/kubelet/faults.ts); kubelet stops are in `kubelet/heartbeats`; drains in `kubectl/drain`.
 */
export { exhaustMemory, failProbe, killContainer } from './faults/containerFaults';
export { startKubelet, stopKubelet } from './faults/kubeletFaults';
export { setUnschedulable } from './faults/cordon';
export { drain } from './faults/drain';
export { drainActor } from './faults/drainActor';
export { DRAINS_TABLE, type DrainRecord } from './faults/drainRecord';
export { addNode, removeNode } from './faults/nodes';
export { FAULTS_TABLE } from '../kubelet/faults';
export { HEARTBEATS_TABLE } from '../controllers/nodelifecycle/heartbeat';
