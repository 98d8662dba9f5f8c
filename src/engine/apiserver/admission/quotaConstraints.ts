/**
 * upstream podEvaluator.Constraints: a quota on cpu or memory obliges every container to state that
 * request or limit ("this was a mistake … we did this before QoS was even defined", upstream says,
 * but it stands). Init containers are held to it too.
 * upstream: pkg/quota/v1/evaluator/core/pods.go (Constraints, enforcePodContainerConstraints)
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { computeUsage, containerLimits, containerRequests } from './podResources';

const VALIDATION_SET = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

/** `must specify limits.cpu for: app,sidecar; requests.memory for: app`, or undefined when every container complies. */
export function podQuotaConstraints(required: string[], obj: KubeObject): string | undefined {
  const pod = obj as KubeObject & Pod;
  const wanted = required.filter((r) => VALIDATION_SET.has(r));
  const missing = new Map<string, Set<string>>();
  const check = (c: Container) => {
    const has = computeUsage(containerRequests(c), containerLimits(c));
    for (const r of wanted) {
      if (r in has) continue;
      if (!missing.has(r)) missing.set(r, new Set());
      missing.get(r)!.add(c.name);
    }
  };
  for (const c of pod.spec?.containers ?? []) check(c);
  for (const c of pod.spec?.initContainers ?? []) check(c);
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}
