/**
 * The mutating admission plugins that act on a real Pod at create time, in upstream order:
 * ServiceAccount (default SA, the kube-api-access projected volume and its mounts),
 * Priority (priority and preemptionPolicy) and DefaultTolerationSeconds.
 * upstream: plugin/pkg/admission/serviceaccount/admission.go,
 * plugin/pkg/admission/priority/admission.go, plugin/pkg/admission/defaulttolerationseconds/admission.go
 */
import type { Random } from '../../core/random';
import { generateName } from '../names';
import { clone } from '../../util/objects';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

export const API_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const TOKEN_VOLUME_PREFIX = 'kube-api-access-';
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
/** upstream: WarnOnlyBoundTokenExpirationSeconds (1h + 7s) */
const TOKEN_EXPIRATION_SECONDS = 3607;
const TOLERATION_SECONDS = 300;

/** The built-in PriorityClasses every cluster has. */
const SYSTEM_PRIORITY_CLASSES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

export interface AdmitPodOptions {
  /** The Pod's ServiceAccount, when known: its automountServiceAccountToken is honoured. */
  serviceAccount?: Obj;
  /** PriorityClass objects in the cluster, for priorityClassName and the globalDefault. */
  priorityClasses?: Obj[];
}

function tokenVolume(name: string): Obj {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
}

function shouldAutomount(spec: Obj, sa: Obj | undefined): boolean {
  if (typeof spec.automountServiceAccountToken === 'boolean') return spec.automountServiceAccountToken;
  return sa?.automountServiceAccountToken !== false;
}

function mountServiceAccountToken(spec: Obj, rng: Random): void {
  const volumes: Obj[] = Array.isArray(spec.volumes) ? spec.volumes : [];
  const existing = volumes.find((v) => typeof v?.name === 'string' && v.name.startsWith(TOKEN_VOLUME_PREFIX));
  const volumeName = existing?.name ?? generateName(TOKEN_VOLUME_PREFIX, rng);
  let needsVolume = false;
  for (const list of [spec.initContainers, spec.containers]) {
    for (const c of Array.isArray(list) ? list : []) {
      c.volumeMounts ??= [];
      // upstream: a container that already mounts something at the token path keeps its own mount
      if (c.volumeMounts.some((m: Obj) => m?.mountPath === API_TOKEN_MOUNT_PATH)) continue;
      c.volumeMounts.push({ mountPath: API_TOKEN_MOUNT_PATH, name: volumeName, readOnly: true });
      needsVolume = true;
    }
  }
  if (!existing && needsVolume) spec.volumes = [...volumes, tokenVolume(volumeName)];
}

function admitServiceAccount(pod: Obj, rng: Random, sa: Obj | undefined): void {
  if (pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return;
  const spec = pod.spec;
  if (!spec.serviceAccountName) spec.serviceAccountName = 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (shouldAutomount(spec, sa)) mountServiceAccountToken(spec, rng);
}

function admitPriority(spec: Obj, classes: Obj[]): void {
  const name = spec.priorityClassName;
  if (!name) {
    const global = classes.find((c) => c?.globalDefault === true);
    if (global) {
      spec.priorityClassName = global.metadata?.name;
      spec.priority = global.value ?? 0;
      spec.preemptionPolicy ??= global.preemptionPolicy ?? 'PreemptLowerPriority';
    } else {
      spec.priority = 0;
      spec.preemptionPolicy ??= 'PreemptLowerPriority';
    }
    return;
  }
  const cls = classes.find((c) => c?.metadata?.name === name);
  if (cls) {
    spec.priority = cls.value ?? 0;
    spec.preemptionPolicy ??= cls.preemptionPolicy ?? 'PreemptLowerPriority';
  } else if (name in SYSTEM_PRIORITY_CLASSES) {
    spec.priority = SYSTEM_PRIORITY_CLASSES[name];
    spec.preemptionPolicy ??= 'PreemptLowerPriority';
  }
}

function tolerates(tolerations: Obj[], key: string): boolean {
  return tolerations.some((t) => (t?.key === key || !t?.key) && (t?.effect === 'NoExecute' || !t?.effect));
}

function admitDefaultTolerationSeconds(spec: Obj): void {
  const tolerations: Obj[] = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  const added: Obj[] = [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerates(tolerations, key)) {
      added.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: TOLERATION_SECONDS });
    }
  }
  if (added.length) spec.tolerations = [...tolerations, ...added];
}

/**
 * A new object with the admission-time mutations of a real Pod (never templates). Expects the
 * Pod to be defaulted already (applyDefaults), so enableServiceLinks is in place.
 */
export function admitPod(pod: any, rng: Random, options: AdmitPodOptions = {}): any {
  const out: Obj = clone(pod);
  out.spec ??= {};
  admitServiceAccount(out, rng, options.serviceAccount);
  admitPriority(out.spec, options.priorityClasses ?? []);
  out.spec.enableServiceLinks ??= true;
  admitDefaultTolerationSeconds(out.spec);
  return out;
}
