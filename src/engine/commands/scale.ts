import type { CommandResult, KubeObject } from '../api';
import type { KindInfo } from '../apiserver/kinds';
import { kubectlName } from '../apiserver/messages';
import type { ReconcileContext } from '../controllers/types';
import { clone } from '../util/objects';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet']);

/** `kubectl scale`: writes spec.replicas through the scale subresource. */
export function scale(ctx: ReconcileContext, info: KindInfo, obj: KubeObject, replicas: number): CommandResult {
  if (!SCALABLE.has(info.kind)) {
    return { ok: false, message: `error: no scaler has been implemented for {"${info.group}" "${info.kind}"}` };
  }
  if (!Number.isInteger(replicas) || replicas < 0) {
    return { ok: false, message: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0' };
  }
  const name = kubectlName(info, obj.metadata.name);
  const next = clone(obj) as KubeObject & { spec: { replicas?: number } };
  const from = next.spec.replicas ?? 1;
  next.spec.replicas = replicas;
  const result = ctx.update(next, `${name} scaled from ${from} to ${replicas}`);
  return result.ok ? { ok: true, message: `${name} scaled` } : { ok: false, message: `Error from server: ${result.message}` };
}

/** `kubectl patch <job|cronjob> -p '{"spec":{"suspend":…}}'`. */
export function setSuspended(ctx: ReconcileContext, info: KindInfo, obj: KubeObject, suspended: boolean): CommandResult {
  if (info.kind !== 'Job' && info.kind !== 'CronJob') {
    return { ok: false, message: `error: ${info.kind} has no spec.suspend` };
  }
  const name = kubectlName(info, obj.metadata.name);
  const next = clone(obj) as KubeObject & { spec: { suspend?: boolean } };
  if ((next.spec.suspend ?? false) === suspended) return { ok: true, message: `${name} patched (no change)` };
  next.spec.suspend = suspended;
  const result = ctx.update(next, `${name} ${suspended ? 'suspended' : 'resumed'}`);
  return result.ok ? { ok: true, message: `${name} patched` } : { ok: false, message: `Error from server: ${result.message}` };
}
