import { backoffEndSinceUpdate, nextBackoff } from './backoff';
import { formatGoDuration } from './goDuration';
import { lookupImage, pullDurationMs, type ImageInfo } from './images';
import { postNodeImages } from './nodeImages';
import { withEntry, type PullRecord } from './podMemo';
import { act, podEvent, wake, type ContainerRef, type PodSync } from './podSync';

/** A failed pull gives up after about a second (resolving the reference). */
const PULL_FAILURE_MS = 1_000;
/** upstream: after a failed sync the pod worker retries after backOffPeriod (10s). */
const RESYNC_AFTER_ERROR_MS = 10_000;

export type ImageOutcome =
  | { kind: 'ready'; image: ImageInfo; pulled: boolean }
  | { kind: 'acted' }
  | { kind: 'waiting' }
  | { kind: 'failed' };

/** imagePullPolicy as defaulted: Always for `:latest` or no tag, else IfNotPresent. */
export function pullPolicyOf(ref: ContainerRef, image?: ImageInfo): string {
  if (ref.spec.imagePullPolicy) return ref.spec.imagePullPolicy;
  const spec = ref.spec.image ?? '';
  if (spec.includes('@')) return 'IfNotPresent';
  const tag = image?.tag ?? (/:([^/:]+)$/.exec(spec)?.[1] ?? 'latest');
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** Re-pulling an image the node already has only fetches its manifest. */
function repullMs(image: ImageInfo): number {
  return Math.max(300, Math.min(1_500, Math.round(pullDurationMs(image) / 10)));
}

/**
 * The kubelet's `EnsureImageExists` for one container, one transition per call: report a bad
 * name, start a pull (serialized per node), report its end, or wait out the pull back-off.
 * upstream: pkg/kubelet/images/image_manager.go
 */
export function ensureImage(s: PodSync, ref: ContainerRef): ImageOutcome {
  const name = ref.spec.name;
  const spec = ref.spec.image ?? '';
  const looked = lookupImage(spec);
  const pull = s.memo.pulls[name];
  if (pull && pull.image === spec) return followPull(s, ref, pull, looked.ok ? looked.image : undefined);

  if (!looked.ok && looked.reason === 'InvalidImageName') {
    const message = looked.message.startsWith('Failed to apply default image tag')
      ? looked.message : `Failed to apply default image tag "${spec}": ${looked.message}`;
    return reportOnce(s, ref, 'InvalidImageName', message, () => podEvent(s, 'Warning', 'InspectFailed', message, ref));
  }
  const present = looked.ok && s.rt.images().includes(looked.image.reference);
  const policy = pullPolicyOf(ref, looked.ok ? looked.image : undefined);
  if (policy === 'Never' || (policy === 'IfNotPresent' && present)) {
    if (looked.ok && present) return { kind: 'ready', image: looked.image, pulled: false };
    const message = `Container image "${spec}" is not present with pull policy of Never`;
    return reportOnce(s, ref, 'ErrImageNeverPull', message, () => podEvent(s, 'Warning', 'ErrImageNeverPull', message, ref));
  }

  const backoffEnd = backoffEndSinceUpdate(s.memo.pullBackoff[spec], s.now);
  if (backoffEnd !== undefined) {
    const resyncAt = (s.memo.pullFailedAt[name] ?? -Infinity) + RESYNC_AFTER_ERROR_MS;
    if (s.now < resyncAt) {
      wake(s, Math.min(resyncAt, backoffEnd));
      return { kind: 'failed' };
    }
    wake(s, backoffEnd);
    if (s.memo.noticed[`pull/${name}`] === backoffEnd) return { kind: 'failed' };
    const message = `Back-off pulling image "${spec}"`;
    podEvent(s, 'Normal', 'BackOff', message, ref);
    podEvent(s, 'Warning', 'Failed', 'Error: ImagePullBackOff', ref);
    s.memo = {
      ...s.memo,
      noticed: withEntry(s.memo.noticed, `pull/${name}`, backoffEnd),
      reasons: withEntry(s.memo.reasons, name, { reason: 'ImagePullBackOff', message }),
    };
    act(s, `Container ${name}: back-off pulling image "${spec}"`);
    return { kind: 'acted' };
  }

  const startAt = Math.max(s.now, s.nodeMemo.pullerFreeAt);
  // an earlier pull in the queue fetches the layers; by the time this one runs they are there
  const queued = Object.fromEntries(Object.entries(s.nodeMemo.queuedImages ?? {}).filter(([, doneAt]) => doneAt > s.now));
  const fetched = looked.ok && (present || queued[looked.image.reference] !== undefined);
  const pullMs = !looked.ok ? PULL_FAILURE_MS : fetched ? repullMs(looked.image) : pullDurationMs(looked.image);
  const record: PullRecord = {
    image: spec, requestedAt: s.now, doneAt: startAt + pullMs, ok: looked.ok, pullMs,
    ...(looked.ok ? { sizeBytes: looked.image.sizeBytes } : { message: looked.message }),
  };
  s.nodeMemo = {
    ...s.nodeMemo, pullerFreeAt: record.doneAt,
    queuedImages: looked.ok ? { ...queued, [looked.image.reference]: record.doneAt } : queued,
  };
  s.memo = { ...s.memo, pulls: withEntry(s.memo.pulls, name, record) };
  podEvent(s, 'Normal', 'Pulling', `Pulling image "${spec}"`, ref);
  act(s, startAt > s.now
    ? `Pulling image "${spec}" for container ${name} (queued behind another pull on ${s.node})`
    : `Pulling image "${spec}" for container ${name}`);
  wake(s, record.doneAt);
  return { kind: 'acted' };
}

function followPull(s: PodSync, ref: ContainerRef, pull: PullRecord, image: ImageInfo | undefined): ImageOutcome {
  const name = ref.spec.name;
  if (s.now < pull.doneAt) {
    wake(s, pull.doneAt);
    return { kind: 'waiting' };
  }
  if (pull.ok && image) {
    if (pull.reported) return { kind: 'ready', image, pulled: true };
    const total = pull.doneAt - pull.requestedAt;
    podEvent(s, 'Normal', 'Pulled', `Successfully pulled image "${pull.image}" in ${formatGoDuration(pull.pullMs)} ` +
      `(${formatGoDuration(total)} including waiting). Image size: ${pull.sizeBytes ?? image.sizeBytes} bytes.`, ref);
    s.rt.addImage(image.reference);
    s.memo = { ...s.memo, pulls: withEntry(s.memo.pulls, name, { ...pull, reported: true }) };
    const message = `Pulled image "${pull.image}" in ${formatGoDuration(pull.pullMs)} for container ${name}`;
    act(s, message);
    postNodeImages(s.ctx, s.node, message);
    return { kind: 'acted' };
  }
  const detail = pull.message ?? 'failed to pull image';
  podEvent(s, 'Warning', 'Failed', `Failed to pull image "${pull.image}": ${detail}`, ref);
  podEvent(s, 'Warning', 'Failed', 'Error: ErrImagePull', ref);
  s.memo = {
    ...s.memo,
    pulls: withEntry(s.memo.pulls, name, undefined),
    pullBackoff: withEntry(s.memo.pullBackoff, pull.image, nextBackoff(s.memo.pullBackoff[pull.image], s.now, s.now)),
    pullFailedAt: withEntry(s.memo.pullFailedAt, name, s.now),
    reasons: withEntry(s.memo.reasons, name, { reason: 'ErrImagePull', message: detail }),
  };
  act(s, `Failed to pull image "${pull.image}" for container ${name}`);
  wake(s, s.now + RESYNC_AFTER_ERROR_MS);
  return { kind: 'acted' };
}

/** Reports an image error that retrying cannot fix (until the spec changes) once per image. */
function reportOnce(s: PodSync, ref: ContainerRef, reason: string, message: string, emit: () => void): ImageOutcome {
  const name = ref.spec.name;
  const spec = ref.spec.image ?? '';
  if (s.memo.imageErrors[name] === spec && s.memo.reasons[name]?.reason === reason) return { kind: 'failed' };
  emit();
  podEvent(s, 'Warning', 'Failed', `Error: ${reason}`, ref);
  s.memo = {
    ...s.memo,
    imageErrors: withEntry(s.memo.imageErrors, name, spec),
    reasons: withEntry(s.memo.reasons, name, { reason, message }),
  };
  act(s, `Container ${name}: ${message}`);
  return { kind: 'acted' };
}
