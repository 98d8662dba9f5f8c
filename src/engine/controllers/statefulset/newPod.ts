/**
 * Building the Pod for one ordinal at the right revision. upstream: newStatefulSetPod,
 * newVersionedStatefulSetPod, initIdentity, setPodRevision (stateful_set_utils.go)
 */
import type { KubeObject } from '../../api';
import { podFromTemplate } from '../shared/pods';
import { CONTROLLER_REVISION_HASH_LABEL } from '../history/revisions';
import { podName, updateIdentity, updateStorage } from './identity';
import { startOrdinal, type StatefulSetObject } from './statefulSetSpec';

/**
 * The Pod (not yet created) for `ordinal` from `set`'s template: named `<set>-<ordinal>`, with
 * generateName `<set>-` as upstream's GetPodFromTemplate leaves it, hostname and subdomain for
 * the headless Service's DNS names, the identity labels and the claim volumes.
 */
export function newStatefulSetPod(set: StatefulSetObject, ordinal: number): KubeObject {
  const pod = podFromTemplate(set.spec.template, set, `${set.metadata.name}-`) as KubeObject;
  pod.metadata.name = podName(set, ordinal);
  updateIdentity(set, pod);
  const spec = (pod.spec ??= {}) as { hostname?: string; subdomain?: string };
  spec.hostname = pod.metadata.name;
  if (set.spec.serviceName) spec.subdomain = set.spec.serviceName;
  updateStorage(set, pod);
  return pod;
}

/**
 * upstream newVersionedStatefulSetPod: ordinals below the partition keep the current revision's
 * template; the others get the update revision's. (Go's `a && b || c` reads `(a && b) || c`.)
 */
export function newVersionedStatefulSetPod(currentSet: StatefulSetObject, updateSet: StatefulSetObject,
  currentRevision: string, updateRevision: string, ordinal: number): KubeObject {
  const strategy = currentSet.spec.updateStrategy;
  const start = startOrdinal(currentSet);
  const keepCurrent = (strategy?.type === 'RollingUpdate' && !strategy.rollingUpdate && ordinal < start) ||
    (!!strategy?.rollingUpdate && ordinal < start + (strategy.rollingUpdate.partition ?? 0));
  const pod = newStatefulSetPod(keepCurrent ? currentSet : updateSet, ordinal);
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: keepCurrent ? currentRevision : updateRevision };
  return pod;
}
