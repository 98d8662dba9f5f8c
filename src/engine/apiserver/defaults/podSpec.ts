/**
 * PodSpec defaulting, for Pods and for every pod template. Mutates the (already cloned) spec.
 * upstream: pkg/apis/core/v1/defaults.go (SetDefaults_PodSpec, _Container, _Probe, _Volume, …)
 * and the declarative `+default` markers in staging/src/k8s.io/api/core/v1/types.go.
 */
import { canonicalQuantity } from './quantity';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

export const DEFAULT_MODE = 420; // 0644
const TERMINATION_MESSAGE_PATH = '/dev/termination-log';

/** Every ResourceList entry rounded up to milli and printed canonically. */
export function defaultResourceList(list: Obj | undefined): void {
  if (!list || typeof list !== 'object') return;
  for (const key of Object.keys(list)) list[key] = canonicalQuantity(list[key]);
}

/**
 * The tag of an image reference, as kubelet's ParseImageName sees it: `latest` when neither a tag
 * nor a digest is given, '' for a digest-only or unparseable reference.
 */
export function imageTag(image: string | undefined): string {
  if (!image || image !== image.trim()) return '';
  const [ref, digest] = image.split('@', 2);
  const lastSlash = ref.lastIndexOf('/');
  const colon = ref.indexOf(':', lastSlash + 1);
  const parts = (colon >= 0 ? ref.slice(0, colon) : ref).split('/');
  const hasDomain = parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost');
  // docker reference grammar: path components are lowercase; an invalid reference has no tag
  if ((hasDomain ? parts.slice(1) : parts).some((p) => !/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/.test(p))) return '';
  const tag = colon >= 0 ? ref.slice(colon + 1) : '';
  if (tag && !/^\w[\w.-]{0,127}$/.test(tag)) return '';
  return tag || (digest ? '' : 'latest');
}

function defaultProbeHandler(handler: Obj | undefined): void {
  if (!handler) return;
  if (handler.httpGet) {
    handler.httpGet.path ??= '/';
    handler.httpGet.scheme ??= 'HTTP';
  }
  if (handler.grpc) handler.grpc.service ??= '';
}

function defaultProbe(probe: Obj | undefined): void {
  if (!probe || typeof probe !== 'object') return;
  defaultProbeHandler(probe);
  if (!probe.timeoutSeconds) probe.timeoutSeconds = 1;
  if (!probe.periodSeconds) probe.periodSeconds = 10;
  if (!probe.successThreshold) probe.successThreshold = 1;
  if (!probe.failureThreshold) probe.failureThreshold = 3;
}

function defaultEnv(env: Obj[] | undefined): void {
  for (const e of env ?? []) {
    if (e?.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ??= 'v1';
  }
}

export function defaultContainer(c: Obj): void {
  if (!c || typeof c !== 'object') return;
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(c.image) === 'latest' ? 'Always' : 'IfNotPresent';
  if (!c.terminationMessagePath) c.terminationMessagePath = TERMINATION_MESSAGE_PATH;
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  if (!c.resources || typeof c.resources !== 'object') c.resources = {};
  defaultResourceList(c.resources.limits);
  defaultResourceList(c.resources.requests);
  for (const p of c.ports ?? []) if (p && typeof p === 'object') p.protocol ??= 'TCP';
  defaultEnv(c.env);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultProbeHandler(c.lifecycle?.postStart);
  defaultProbeHandler(c.lifecycle?.preStop);
}

function defaultProjection(p: Obj): void {
  p.defaultMode ??= DEFAULT_MODE;
  for (const s of p.sources ?? []) {
    if (s?.serviceAccountToken) s.serviceAccountToken.expirationSeconds ??= 3600;
    for (const item of s?.downwardAPI?.items ?? []) if (item?.fieldRef) item.fieldRef.apiVersion ??= 'v1';
  }
}

const VOLUME_SOURCES = ['hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs',
  'iscsi', 'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc',
  'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected',
  'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image'];

export function defaultVolume(v: Obj): void {
  if (!v || typeof v !== 'object') return;
  // upstream SetDefaults_Volume: a volume naming no source is an emptyDir
  if (!VOLUME_SOURCES.some((s) => v[s] != null)) v.emptyDir = {};
  if (v.secret) v.secret.defaultMode ??= DEFAULT_MODE;
  if (v.configMap) v.configMap.defaultMode ??= DEFAULT_MODE;
  if (v.downwardAPI) {
    v.downwardAPI.defaultMode ??= DEFAULT_MODE;
    for (const item of v.downwardAPI.items ?? []) if (item?.fieldRef) item.fieldRef.apiVersion ??= 'v1';
  }
  if (v.projected) defaultProjection(v.projected);
  if (v.hostPath) v.hostPath.type ??= '';
  if (v.emptyDir?.sizeLimit !== undefined) v.emptyDir.sizeLimit = canonicalQuantity(v.emptyDir.sizeLimit, false);
  if (v.iscsi) v.iscsi.iscsiInterface ??= 'default';
  if (v.rbd) {
    v.rbd.pool ??= 'rbd';
    v.rbd.user ??= 'admin';
    v.rbd.keyring ??= '/etc/ceph/keyring';
  }
  if (v.azureDisk) {
    v.azureDisk.cachingMode ??= 'ReadWrite';
    v.azureDisk.fsType ??= 'ext4';
    v.azureDisk.readOnly ??= false;
    v.azureDisk.kind ??= 'Shared';
  }
  const claim = v.ephemeral?.volumeClaimTemplate;
  if (claim?.spec) {
    claim.spec.volumeMode ??= 'Filesystem';
    defaultResourceList(claim.spec.resources?.requests);
    defaultResourceList(claim.spec.resources?.limits);
  }
}

/**
 * SetDefaults_PodSpec and the container/volume defaults under it. `isPod` adds what only a real
 * Pod gets (SetDefaults_Pod): requests copied from limits, enableServiceLinks, hostNetwork ports.
 */
export function defaultPodSpec(spec: Obj | undefined, isPod: boolean): void {
  if (!spec || typeof spec !== 'object') return;
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  if (!spec.securityContext || typeof spec.securityContext !== 'object') spec.securityContext = {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ||= 'default-scheduler';
  // upstream conversion: serviceAccount is the deprecated alias of serviceAccountName
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  const containers: Obj[] = [...(Array.isArray(spec.initContainers) ? spec.initContainers : []),
    ...(Array.isArray(spec.containers) ? spec.containers : [])];
  for (const c of containers) defaultContainer(c);
  for (const c of Array.isArray(spec.ephemeralContainers) ? spec.ephemeralContainers : []) defaultContainer(c);
  for (const v of Array.isArray(spec.volumes) ? spec.volumes : []) defaultVolume(v);
  defaultResourceList(spec.overhead);
  if (!isPod) return;
  // upstream (1.27+): a Pod's negative grace period is treated as 1 (templates only get a warning)
  if (typeof spec.terminationGracePeriodSeconds === 'number' && spec.terminationGracePeriodSeconds < 0) {
    spec.terminationGracePeriodSeconds = 1;
  }
  for (const c of containers) copyLimitsToRequests(c);
  spec.enableServiceLinks ??= true;
  if (spec.hostNetwork) {
    for (const c of containers) for (const p of c?.ports ?? []) if (p && !p.hostPort) p.hostPort = p.containerPort;
  }
}

/** upstream: only on a Pod, never a template — requests default to the limits that are set. */
function copyLimitsToRequests(c: Obj): void {
  const limits = c?.resources?.limits;
  if (!limits || typeof limits !== 'object') return;
  c.resources.requests ??= {};
  for (const [k, v] of Object.entries(limits)) if (!(k in c.resources.requests)) c.resources.requests[k] = v;
}

/**
 * A PodTemplateSpec (Deployment, ReplicaSet, Job, … templates): `metadata.creationTimestamp: null`
 * as a 1.31 server serializes the embedded ObjectMeta, then the spec defaults.
 */
export function defaultPodTemplate(template: Obj | undefined): void {
  if (!template || typeof template !== 'object') return;
  if (!template.metadata || typeof template.metadata !== 'object') template.metadata = {};
  if (!('creationTimestamp' in template.metadata)) template.metadata.creationTimestamp = null;
  if (!template.spec || typeof template.spec !== 'object') template.spec = {};
  defaultPodSpec(template.spec, false);
}
