/**
 * How the kubelet's rewrite of a volume reads on the timeline: where the files came from, what
 * changed, and which views of the same data keep the old values (subPath mounts, environment).
 */
import type { Container, Volume } from 'kubernetes-types/core/v1';
import type { PodUpdatePart } from './podUpdate';
import type { WrittenVolume } from './volumeFileTable';
import { volumeObjects, type VolumePayload } from './volumePayload';

/** One volume a sync rewrites: its files before and after, and when its sources began to differ from them. */
export interface VolumeRewrite { volume: Volume; before?: WrittenVolume; after: VolumePayload; since: number }

/** Why the pod sync ran: the periodic resync, the start of a container, or an UPDATE of the Pod object. */
export type SyncTrigger = { kind: 'periodic' } | { kind: 'start'; container: string } | { kind: 'update'; parts: PodUpdatePart[] };

/**
 * The Step of one pod sync's remount: each rewritten volume (with the views that keep the old
 * values), then the volumes whose SetUp failed.
 */
export function resyncMessage(pod: string, now: number, trigger: SyncTrigger, changed: VolumeRewrite[],
  failed: { volume: Volume; error: string }[], live: Container[]): string {
  const parts = changed.map((c) => {
    const what = payloadChanges(c.before, c.after);
    const detail = `${seconds(now - c.since)} after the change${what ? `: ${what}` : ''}`;
    const when = trigger.kind === 'start' ? `before starting container ${trigger.container} (${detail})`
      : trigger.kind === 'update' ? `(synced when the Pod's ${joinAnd(trigger.parts)} changed, ${detail})` : `(synced ${detail})`;
    return `Updated the files of volume "${c.volume.name}" in Pod ${pod} from ${volumeSourceText(c.volume) || 'its sources'} ${when}` +
      keepsOldValues(c.volume, live);
  });
  if (failed.length) {
    const names = joinAnd(failed.map((f) => `"${f.volume.name}"`));
    parts.push(`Could not update the files of volume${failed.length > 1 ? 's' : ''} ${names} in Pod ${pod}: ` +
      `${failed.map((f) => f.error).join('; ')}; the containers keep the files last written`);
  }
  return parts.join('; ');
}

export function joinAnd(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** `ConfigMap app-config`, `Secret creds`, `the downward API`, or a projected volume's sources. */
export function volumeSourceText(v: Volume): string {
  if (v.configMap) return `ConfigMap ${v.configMap.name}`;
  if (v.secret) return `Secret ${v.secret.secretName}`;
  if (v.downwardAPI) return 'the downward API';
  const parts = (v.projected?.sources ?? []).map((s) => (s.configMap ? `ConfigMap ${s.configMap.name}` : s.secret ? `Secret ${s.secret.name}`
    : s.downwardAPI ? 'the downward API' : s.serviceAccountToken ? 'a service account token' : undefined));
  return joinAnd([...new Set(parts.filter((p): p is string => p !== undefined))]);
}

/** `mode changed, debug added, old removed` between two writes of a volume. */
export function payloadChanges(before: WrittenVolume | undefined, after: VolumePayload): string {
  const old = before?.files ?? {};
  const names = (keys: string[]) => keys.sort().join(', ');
  const changed = Object.keys(after.files).filter((k) => k in old && old[k] !== after.files[k]);
  const added = Object.keys(after.files).filter((k) => !(k in old));
  const removed = Object.keys(old).filter((k) => !(k in after.files));
  const modes = Object.keys(after.files).filter((k) => k in old && old[k] === after.files[k] && before?.modes[k] !== after.modes[k]);
  return [
    changed.length ? `${names(changed)} changed` : '',
    added.length ? `${names(added)} added` : '',
    removed.length ? `${names(removed)} removed` : '',
    modes.length ? `mode of ${names(modes)} changed` : '',
  ].filter(Boolean).join(', ');
}

/** Whether a container's environment reads what the volume shows (the same ConfigMap or Secret, or a label/annotation). */
function envReads(c: Container, v: Volume): boolean {
  const objects = volumeObjects(v);
  const has = (kind: string, name: string | undefined) => objects.some((o) => o.kind === kind && o.name === name);
  const downward = !!(v.downwardAPI || v.projected?.sources?.some((s) => s.downwardAPI));
  return (c.envFrom ?? []).some((e) => has('ConfigMap', e.configMapRef?.name) || has('Secret', e.secretRef?.name)) ||
    (c.env ?? []).some((e) => has('ConfigMap', e.valueFrom?.configMapKeyRef?.name) || has('Secret', e.valueFrom?.secretKeyRef?.name) ||
      (downward && /^metadata\.(labels|annotations)/.test(e.valueFrom?.fieldRef?.fieldPath ?? '')));
}

/**
 * `; the subPath mount /etc/app.conf of container app keeps the old file until the container
 * restarts`, and the same for environment variables, for the live containers it applies to.
 */
export function keepsOldValues(v: Volume, live: Container[]): string {
  const clauses: string[] = [];
  for (const c of live) {
    for (const m of c.volumeMounts ?? []) {
      if (m.name === v.name && m.subPath) clauses.push(`the subPath mount ${m.mountPath} of container ${c.name} keeps the old file until the container restarts`);
    }
  }
  for (const c of live) {
    if (envReads(c, v)) clauses.push(`the environment variables of container ${c.name} keep the old values until the container restarts`);
  }
  return clauses.map((c) => `; ${c}`).join('');
}

/** Seconds, as the timeline words a wait (`73 s`). */
export const seconds = (ms: number): string => `${Math.round(ms / 1000)} s`;
