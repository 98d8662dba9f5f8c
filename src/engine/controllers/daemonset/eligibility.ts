/**
 * Which Nodes a DaemonSet runs on: a Pod for the Node must fit its name, node affinity and
 * nodeSelector, and tolerate its NoSchedule and NoExecute taints; a Pod already there may stay
 * unless a NoExecute taint is untolerated. Pure.
 * upstream: pkg/controller/daemon/daemon_controller.go (NodeShouldRunDaemonPod, predicates),
 * pkg/controller/daemon/util/daemonset_util.go (AddOrUpdateDaemonPodTolerations)
 */
import type { Node, Pod, PodSpec, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { requiredNodeAffinityMatches } from '../../scheduler/nodeSelectors';
import { findUntoleratedTaint } from '../../scheduler/taints';
import type { DaemonSetObject } from './daemonSetSpec';

/**
 * The tolerations every daemon Pod gets (Exists, no tolerationSeconds, so they never expire):
 * node problems must not evict or block a node's own agents. network-unavailable only for
 * hostNetwork Pods, which do not need the Pod network.
 */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const t = (key: string, effect: string): Toleration => ({ key: `node.kubernetes.io/${key}`, operator: 'Exists', effect });
  const list = [t('not-ready', 'NoExecute'), t('unreachable', 'NoExecute'), t('disk-pressure', 'NoSchedule'),
    t('memory-pressure', 'NoSchedule'), t('pid-pressure', 'NoSchedule'), t('unschedulable', 'NoSchedule')];
  return hostNetwork ? [...list, t('network-unavailable', 'NoSchedule')] : list;
}

const sameToleration = (a: Toleration, b: Toleration) =>
  (a.key ?? '') === (b.key ?? '') && (a.effect ?? '') === (b.effect ?? '') &&
  (a.operator ?? '') === (b.operator ?? '') && (a.value ?? '') === (b.value ?? '');

/**
 * upstream AddOrUpdateTolerationInPodSpec for each daemon toleration: one that matches an existing
 * toleration (key, operator, value, effect) replaces it in place; others are appended.
 */
export function addDaemonTolerations(spec: PodSpec): Toleration[] {
  let tolerations = [...(spec.tolerations ?? [])];
  for (const wanted of daemonTolerations(spec.hostNetwork === true)) {
    if (tolerations.some((t) => sameToleration(t, wanted))) tolerations = tolerations.map((t) => (sameToleration(t, wanted) ? wanted : t));
    else tolerations.push(wanted);
  }
  return tolerations;
}

export interface Eligibility {
  /** A new daemon Pod should be created on this Node. */
  shouldRun: boolean;
  /** A daemon Pod already on this Node may stay. */
  shouldContinueRunning: boolean;
  /** Why not, when shouldRun is false. */
  reason?: string;
}

const describeTaint = (t: Taint) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;

/** upstream NodeShouldRunDaemonPod, judged for a Pod as the DaemonSet would create it on this Node. */
export function nodeShouldRunDaemonPod(node: KubeObject, ds: DaemonSetObject): Eligibility {
  const spec = (ds.spec.template?.spec ?? {}) as PodSpec;
  const name = node.metadata.name;
  if (spec.nodeName && spec.nodeName !== name) {
    return { shouldRun: false, shouldContinueRunning: false, reason: `its template's nodeName is ${spec.nodeName}` };
  }
  const pod = { metadata: ds.spec.template?.metadata ?? {}, spec: { ...spec, nodeName: name, tolerations: addDaemonTolerations(spec) } } as Pod;
  if (!requiredNodeAffinityMatches(pod, node as Node)) {
    return { shouldRun: false, shouldContinueRunning: false, reason: "the Node's labels do not match its nodeSelector or required node affinity" };
  }
  const taints = (node.spec as { taints?: Taint[] } | undefined)?.taints;
  const untolerated = findUntoleratedTaint(taints, pod.spec?.tolerations, (t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
  if (!untolerated) return { shouldRun: true, shouldContinueRunning: true };
  const noExecute = findUntoleratedTaint(taints, pod.spec?.tolerations, (t) => t.effect === 'NoExecute');
  return { shouldRun: false, shouldContinueRunning: !noExecute,
    reason: `the Node has taint ${describeTaint(noExecute ?? untolerated)}, which its Pods do not tolerate` };
}
