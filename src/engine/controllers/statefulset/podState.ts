/**
 * The Pod predicates the StatefulSet controller decides by. A Pod the controller has only built
 * (not yet created) has no phase. upstream: stateful_set_utils.go
 */
import type { KubeObject } from '../../api';
import { isPodAvailable, isPodReady, podPhase } from '../shared/pods';

export const isCreated = (pod: KubeObject): boolean => !!podPhase(pod);
export const isPending = (pod: KubeObject): boolean => podPhase(pod) === 'Pending';
export const isFailed = (pod: KubeObject): boolean => podPhase(pod) === 'Failed';
export const isSucceeded = (pod: KubeObject): boolean => podPhase(pod) === 'Succeeded';
export const isTerminating = (pod: KubeObject): boolean => !!pod.metadata.deletionTimestamp;

export const isRunningAndReady = (pod: KubeObject): boolean => podPhase(pod) === 'Running' && isPodReady(pod);

export const isRunningAndAvailable = (pod: KubeObject, minReadySeconds: number, now: number): boolean =>
  podPhase(pod) === 'Running' && isPodAvailable(pod, minReadySeconds, now);

/** upstream isHealthy: Running and Ready, and not being deleted. */
export const isHealthy = (pod: KubeObject): boolean => isRunningAndReady(pod) && !isTerminating(pod);

export const podRevision = (pod: KubeObject): string | undefined => pod.metadata.labels?.['controller-revision-hash'];
