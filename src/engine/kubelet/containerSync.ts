import { shouldRestart } from './containerStatus';
import { definitionChanged, startFlow } from './containerStart';
import { lookupImage } from './images';
import { containerRefs, latestRecord, recordsOf, type ContainerRef, type PodSync } from './podSync';

function specReference(ref: ContainerRef): string | undefined {
  const looked = lookupImage(ref.spec.image ?? '');
  return looked.ok ? looked.image.reference : undefined;
}

/** Whether any regular container was ever created: the pod got past initialization. */
function initialized(s: PodSync): boolean {
  const regular = new Set((s.pod.spec?.containers ?? []).map((c) => c.name));
  return recordsOf(s).some((r) => regular.has(r.name));
}

/**
 * SyncPod step 6: init containers one at a time, each to exit 0; a native sidecar must be
 * running (and past its startup probe) before the next one starts, and is restarted whenever it
 * exits. Returns true when the regular containers may be looked at.
 */
export function syncInitContainers(s: PodSync): boolean {
  const done = initialized(s);
  for (const ref of containerRefs(s.pod).filter((r) => r.type !== 'regular')) {
    const latest = latestRecord(s, ref.spec.name);
    if (ref.type === 'sidecar') {
      if (latest?.state === 'CONTAINER_RUNNING') {
        if (definitionChanged(s, ref, latest, specReference(ref))) return false;
        if (done || s.probes.get(latest.id)?.startedAt !== undefined) continue;
        return false;
      }
      const outcome = startFlow(s, ref);
      if (outcome === 'acted') return false;
      if (done) continue;
      return false;
    }
    if (latest?.state === 'CONTAINER_EXITED' && latest.exitCode === 0) continue;
    if (done) continue;
    if (latest?.state === 'CONTAINER_RUNNING') return false;
    if (latest?.state === 'CONTAINER_EXITED' && !shouldRestart(s.pod, ref, latest)) return false;
    startFlow(s, ref);
    return false;
  }
  return true;
}

/** SyncPod step 8: every regular container that should run is started, in spec order, in one pass. */
export function syncRegularContainers(s: PodSync): void {
  for (const ref of containerRefs(s.pod).filter((r) => r.type === 'regular')) {
    const latest = latestRecord(s, ref.spec.name);
    if (latest?.state === 'CONTAINER_RUNNING') {
      if (definitionChanged(s, ref, latest, specReference(ref))) return;
      continue;
    }
    if (latest?.state === 'CONTAINER_EXITED' && !shouldRestart(s.pod, ref, latest)) continue;
    const outcome = startFlow(s, ref);
    if (outcome !== 'skipped') return;
  }
}

/**
 * Nothing will run again: every regular container has exited for good under the restart policy,
 * or a regular init container failed under `Never`.
 */
export function workDone(s: PodSync): boolean {
  const refs = containerRefs(s.pod);
  const never = (s.pod.spec?.restartPolicy ?? 'Always') === 'Never';
  for (const ref of refs.filter((r) => r.type === 'init')) {
    const latest = latestRecord(s, ref.spec.name);
    if (never && latest?.state === 'CONTAINER_EXITED' && latest.exitCode !== 0) return true;
  }
  const regular = refs.filter((r) => r.type === 'regular');
  return regular.length > 0 && regular.every((ref) => {
    const latest = latestRecord(s, ref.spec.name);
    return latest?.state === 'CONTAINER_EXITED' && !shouldRestart(s.pod, ref, latest);
  });
}
