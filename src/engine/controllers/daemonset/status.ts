/**
 * DaemonSet status: how many Nodes should run it, do, are ready, available, up to date, or run
 * it without being meant to. upstream: daemon_controller.go (updateDaemonSetStatus, storeDaemonSetStatus)
 */
import type { KubeObject } from '../../api';
import { isPodAvailable, isPodReady } from '../shared/pods';
import { byCreationTimestampAndPhase } from './daemonPods';
import { minReadySecondsOf, type DaemonSetObject, type DaemonSetStatus } from './daemonSetSpec';
import type { DaemonSetView } from './manage';
import { isPodUpdated } from './rollingUpdate';

export function calculateStatus(v: DaemonSetView, byNode: Map<string, KubeObject[]>, now: number, updateObservedGen: boolean): DaemonSetStatus {
  let desired = 0, current = 0, misscheduled = 0, ready = 0, updated = 0, available = 0;
  for (const node of v.nodes) {
    const pods = byNode.get(node.metadata.name) ?? [];
    const scheduled = pods.length > 0;
    if (!v.eligibility.get(node.metadata.name)?.shouldRun) {
      if (scheduled) misscheduled++;
      continue;
    }
    desired++;
    if (!scheduled) continue;
    current++;
    const pod = [...pods].sort(byCreationTimestampAndPhase)[0];
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySecondsOf(v.ds), now)) available++;
    }
    if (isPodUpdated(pod, v.hash, v.generation)) updated++;
  }
  const previous = v.ds.status;
  const status: DaemonSetStatus = {
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    observedGeneration: updateObservedGen ? v.ds.metadata.generation : previous?.observedGeneration,
    updatedNumberScheduled: updated || undefined,
    numberAvailable: available || undefined,
    numberUnavailable: desired - available || undefined,
    collisionCount: previous?.collisionCount,
    conditions: previous?.conditions,
  };
  for (const k of Object.keys(status) as (keyof DaemonSetStatus)[]) if (status[k] === undefined) delete status[k];
  return status;
}

/** upstream storeDaemonSetStatus: write only when a number moved or the generation is not yet observed. */
export function statusChanged(ds: DaemonSetObject, next: DaemonSetStatus): boolean {
  const cur = ds.status;
  const n = (x: number | undefined) => x ?? 0;
  return n(cur?.desiredNumberScheduled) !== next.desiredNumberScheduled || n(cur?.currentNumberScheduled) !== next.currentNumberScheduled ||
    n(cur?.numberMisscheduled) !== next.numberMisscheduled || n(cur?.numberReady) !== next.numberReady ||
    n(cur?.updatedNumberScheduled) !== n(next.updatedNumberScheduled) || n(cur?.numberAvailable) !== n(next.numberAvailable) ||
    n(cur?.numberUnavailable) !== n(next.numberUnavailable) || n(cur?.observedGeneration) < n(ds.metadata.generation);
}

export function statusMessage(ds: DaemonSetObject, s: DaemonSetStatus): string {
  const misscheduled = s.numberMisscheduled ? `, ${s.numberMisscheduled} running where they should not` : '';
  return `DaemonSet ${ds.metadata.name} status: ${s.desiredNumberScheduled} Nodes should run it, ` +
    `${s.currentNumberScheduled} do, ${s.numberReady} ready, ${s.numberAvailable ?? 0} available, ` +
    `${s.updatedNumberScheduled ?? 0} up to date${misscheduled}`;
}
