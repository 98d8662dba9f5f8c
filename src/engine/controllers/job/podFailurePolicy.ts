/**
 * spec.podFailurePolicy: the first rule matching a failed pod decides whether the failure counts
 * toward backoffLimit (Ignore does not), fails the Job (FailJob) or only its index (FailIndex).
 * upstream: pkg/controller/job/pod_failure_policy.go
 */
import type { PodFailurePolicy, PodFailurePolicyOnExitCodesRequirement } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../api';

export interface PolicyMatch {
  /** Present when a FailJob rule matched: the Job's failure message. */
  failJobMessage?: string;
  countFailed: boolean;
  action?: 'Ignore' | 'FailJob' | 'FailIndex' | 'Count';
}

interface ContainerStatus { name: string; state?: { terminated?: { exitCode: number } } }
interface PodStatus { containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[]; conditions?: { type: string; status: string }[] }

function exitCodeMatches(code: number, req: PodFailurePolicyOnExitCodesRequirement): boolean {
  if (req.operator === 'In') return req.values.includes(code);
  if (req.operator === 'NotIn') return !req.values.includes(code);
  return false;
}

/** upstream matchOnExitCodes: regular containers first, then init containers; exit code 0 never matches. */
function matchOnExitCodes(status: PodStatus, req: PodFailurePolicyOnExitCodesRequirement): ContainerStatus | undefined {
  for (const list of [status.containerStatuses ?? [], status.initContainerStatuses ?? []]) {
    for (const c of list) {
      const terminated = c.state?.terminated;
      if (!terminated) continue;
      if (req.containerName != null && req.containerName !== c.name) continue;
      if (terminated.exitCode !== 0 && exitCodeMatches(terminated.exitCode, req)) return c;
    }
  }
  return undefined;
}

export function matchPodFailurePolicy(policy: PodFailurePolicy | undefined, pod: KubeObject): PolicyMatch {
  if (!policy) return { countFailed: true };
  const status = (pod.status ?? {}) as PodStatus;
  const { name, namespace } = pod.metadata;
  for (const [index, rule] of (policy.rules ?? []).entries()) {
    let matched: string | undefined;
    if (rule.onExitCodes) {
      const c = matchOnExitCodes(status, rule.onExitCodes);
      if (c) matched = `Container ${c.name} for pod ${namespace}/${name} failed with exit code ${c.state!.terminated!.exitCode} matching ${rule.action} rule at index ${index}`;
    } else if (rule.onPodConditions) {
      const cond = (status.conditions ?? []).find((pc) => rule.onPodConditions!.some((p) => p.type === pc.type && (p.status ?? 'True') === pc.status));
      if (cond) matched = `Pod ${namespace}/${name} has condition ${cond.type} matching ${rule.action} rule at index ${index}`;
    }
    if (matched === undefined) continue;
    switch (rule.action) {
      case 'Ignore': return { countFailed: false, action: 'Ignore' };
      case 'FailIndex': return { countFailed: true, action: 'FailIndex' };
      case 'Count': return { countFailed: true, action: 'Count' };
      case 'FailJob': return { failJobMessage: matched, countFailed: true, action: 'FailJob' };
    }
  }
  return { countFailed: true };
}
