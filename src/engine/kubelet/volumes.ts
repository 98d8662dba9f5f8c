import type { Volume } from 'kubernetes-types/core/v1';
import { act, podEvent, wake, type PodSync } from './podSync';

const FIRST_RETRY_MS = 500;
/** upstream: the operation executor's exponential back-off caps at 2m2s. */
const MAX_RETRY_MS = 122_000;

/** The ConfigMaps and Secrets a volume needs (non-optional ones only). */
export function volumeSources(volume: Volume): { kind: 'ConfigMap' | 'Secret'; name: string }[] {
  const out: { kind: 'ConfigMap' | 'Secret'; name: string }[] = [];
  if (volume.configMap?.name && !volume.configMap.optional) out.push({ kind: 'ConfigMap', name: volume.configMap.name });
  if (volume.secret?.secretName && !volume.secret.optional) out.push({ kind: 'Secret', name: volume.secret.secretName });
  for (const source of volume.projected?.sources ?? []) {
    if (source.configMap?.name && !source.configMap.optional) out.push({ kind: 'ConfigMap', name: source.configMap.name });
    if (source.secret?.name && !source.secret.optional) out.push({ kind: 'Secret', name: source.secret.name });
  }
  return out;
}

/** The first volume that cannot be set up, with upstream's FailedMount message. */
function failingVolume(s: PodSync): string | undefined {
  const ns = s.pod.metadata.namespace ?? 'default';
  for (const volume of s.pod.spec?.volumes ?? []) {
    for (const source of volumeSources(volume)) {
      if (!s.ctx.get(source.kind, source.name, ns)) {
        return `MountVolume.SetUp failed for volume "${volume.name}" : ${source.kind.toLowerCase()} "${source.name}" not found`;
      }
    }
  }
  return undefined;
}

/**
 * The volume manager's WaitForAttachAndMount, before the sandbox exists: a missing ConfigMap or
 * Secret keeps the pod in ContainerCreating with FailedMount events, retried with back-off.
 */
export function ensureVolumes(s: PodSync): 'ready' | 'acted' | 'blocked' {
  if (s.memo.mount?.failures === -1) return 'ready';
  const problem = failingVolume(s);
  if (!problem) {
    s.memo = { ...s.memo, mount: { failures: -1, retryAt: 0 } };
    return 'ready';
  }
  const mount = s.memo.mount;
  if (mount && s.now < mount.retryAt) {
    wake(s, mount.retryAt);
    return 'blocked';
  }
  const failures = (mount?.failures ?? 0) + 1;
  const retryAt = s.now + Math.min(FIRST_RETRY_MS * 2 ** (failures - 1), MAX_RETRY_MS);
  podEvent(s, 'Warning', 'FailedMount', problem);
  s.memo = { ...s.memo, mount: { failures, retryAt } };
  act(s, problem);
  wake(s, retryAt);
  return 'acted';
}
