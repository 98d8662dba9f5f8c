/**
 * `kubectl describe` for PersistentVolumeClaims, PersistentVolumes and StorageClasses (upstream
 * kubectl `describePersistentVolumeClaim`, `printPersistentVolumeClaim`, `describePersistentVolume`,
 * `printVolumeNodeAffinity`, the PV source printers, and `describeStorageClass`).
 */
import type { NodeSelectorRequirement, PersistentVolume, PersistentVolumeClaim, Pod, TopologySelectorTerm, VolumeNodeAffinity } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { LEVEL_0, LEVEL_1, LEVEL_2, type PrefixWriter, PrefixWriter as Writer } from './tabWriter';
import { printAnnotations, printLabels } from './describeFields';
import { describeEvents, type EventObject } from './events';
import { quantityText } from './quantityText';
import { parseTime, since } from './time';

const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** Go's `%v` of a []string: `[a b]`. */
const goList = (items: readonly unknown[] | undefined): string => `[${(items ?? []).join(' ')}]`;

/** upstream labels.FormatLabels: `k=v,k2=v2` in key order, `<none>` when empty. */
export function formatLabels(map: Record<string, string> | undefined): string {
  const keys = Object.keys(map ?? {}).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return keys.length ? keys.map((k) => `${k}=${map![k]}`).join(',') : '<none>';
}

/** upstream storageutil.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, once each. */
export function accessModesText(modes: readonly string[] | undefined): string {
  const short: [string, string][] = [['ReadWriteOnce', 'RWO'], ['ReadOnlyMany', 'ROX'], ['ReadWriteMany', 'RWX'], ['ReadWriteOncePod', 'RWOP']];
  return short.filter(([mode]) => modes?.includes(mode)).map(([, s]) => s).join(',');
}

/** Quantity.String() of a capacity; a missing one is the zero Quantity, `0`. */
const storageText = (value: unknown): string => (value === undefined || value === null ? '0' : quantityText(value));

/** Go's time.RFC1123Z of a metav1.Time, the zero time when unset. */
function rfc1123zOrZero(timestamp: unknown): string {
  const t = parseTime(timestamp);
  if (t === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${day}, ${pad(d.getUTCDate())} ${month} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** `Terminating (lasts 12s)` while being deleted, else the phase. */
function statusText(meta: { deletionTimestamp?: string } | undefined, phase: string | undefined, now: number): string {
  return meta?.deletionTimestamp ? `Terminating (lasts ${since(meta.deletionTimestamp, now)})` : phase ?? '';
}

/** upstream getPodsForPVC: Pods with a volume naming the claim (once per such volume), then owner Pods not yet listed. */
export function podsUsingClaim(pvc: PersistentVolumeClaim, pods: readonly Pod[]): Pod[] {
  const ns = pvc.metadata?.namespace ?? 'default';
  const inNs = pods.filter((p) => (p.metadata?.namespace ?? 'default') === ns);
  const out: Pod[] = [];
  for (const pod of inNs) {
    for (const v of pod.spec?.volumes ?? []) if (v.persistentVolumeClaim?.claimName === pvc.metadata?.name) out.push(pod);
  }
  for (const owner of pvc.metadata?.ownerReferences ?? []) {
    if (owner.kind !== 'Pod') continue;
    const pod = inNs.find((p) => p.metadata?.uid === owner.uid);
    if (pod && !out.some((p) => p.metadata?.uid === pod.metadata?.uid)) out.push(pod);
  }
  return out;
}

function printPods(w: PrefixWriter, title: string, pods: Pod[]): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!pods.length) {
    w.writeLine('<none>');
    return;
  }
  const names = pods.map((p) => p.metadata?.name ?? '').sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  names.forEach((name, i) => w.write(LEVEL_0, `${i ? '\t' : ''}${name}\n`));
}

export function describePersistentVolumeClaim(pvc: PersistentVolumeClaim, pods: readonly Pod[], events: readonly EventObject[], now: number): string {
  const w = new Writer();
  const meta = pvc.metadata;
  const spec = pvc.spec ?? {};
  w.write(LEVEL_0, `Name:\t${meta?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta?.namespace ?? ''}\n`);
  w.write(LEVEL_0, `StorageClass:\t${meta?.annotations?.[BETA_CLASS_ANNOTATION] ?? spec.storageClassName ?? ''}\n`);
  w.write(LEVEL_0, `Status:\t${statusText(meta, pvc.status?.phase, now)}\n`);
  w.write(LEVEL_0, `Volume:\t${spec.volumeName ?? ''}\n`);
  printLabels(w, 'Labels', meta?.labels);
  printAnnotations(w, 'Annotations', meta?.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goList(meta?.finalizers)}\n`);
  const bound = !!spec.volumeName;
  w.write(LEVEL_0, `Capacity:\t${bound ? storageText(pvc.status?.capacity?.storage) : ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${bound ? accessModesText(pvc.status?.accessModes) : ''}\n`);
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
  if (spec.dataSource) {
    w.write(LEVEL_0, 'DataSource:\n');
    if (spec.dataSource.apiGroup !== undefined && spec.dataSource.apiGroup !== null) w.write(LEVEL_1, `APIGroup:\t${spec.dataSource.apiGroup}\n`);
    w.write(LEVEL_1, `Kind:\t${spec.dataSource.kind}\n`);
    w.write(LEVEL_1, `Name:\t${spec.dataSource.name}\n`);
  }
  printPods(w, 'Used By', podsUsingClaim(pvc, pods));
  const conditions = pvc.status?.conditions ?? [];
  if (conditions.length) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123zOrZero(c.lastProbeTime)} \t${rfc1123zOrZero(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  describeEvents(w, events, now);
  return w.toString();
}

/** upstream printNodeSelectorTermsMultilineWithIndent. */
function printRequirements(w: PrefixWriter, level: number, title: string, reqs: readonly NodeSelectorRequirement[] | undefined, operator?: string): void {
  w.write(level, `${title}:\t`);
  if (!reqs?.length) {
    w.writeLine('<none>');
    return;
  }
  reqs.forEach((req, i) => {
    if (i !== 0) w.write(level, '\t');
    const op = operator ?? req.operator.toLowerCase();
    w.write(LEVEL_0, `${req.key} ${op}${req.values?.length ? ` [${req.values.join(', ')}]` : ''}\n`);
  });
}

function printVolumeNodeAffinity(w: PrefixWriter, affinity: VolumeNodeAffinity | undefined): void {
  w.write(LEVEL_0, 'Node Affinity:\t');
  if (!affinity?.required) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  w.write(LEVEL_1, 'Required Terms:\t');
  const terms = affinity.required.nodeSelectorTerms ?? [];
  if (!terms.length) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  terms.forEach((term, i) => printRequirements(w, LEVEL_2, `Term ${i}`, term.matchExpressions));
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;
/** Go `%v` of a field: a bool or number defaults to its zero value, a nil pointer is `<nil>`, a pointer to a struct `&{…}`. */
type Kind = 's' | 'b' | 'n' | 'list' | 'ref' | 'sref' | 'map';

function goValue(value: any, kind: Kind): string {
  if (kind === 'b') return String(value === true);
  if (kind === 'n') return String(value ?? 0);
  if (kind === 'list') return goList(value);
  if (kind === 'ref') return value ? `&{${value.name ?? ''}}` : '<nil>';
  if (kind === 'sref') return value ? `&{${value.name ?? ''} ${value.namespace ?? ''}}` : '<nil>';
  if (kind === 'map') return `map[${Object.keys(value ?? {}).sort().map((k) => `${k}:${value[k]}`).join(' ')}]`;
  return value === undefined || value === null ? '' : String(value);
}

/** Each PersistentVolume source kubectl prints: its field, the Type line, and its rows (label, field, Go kind). */
const SOURCES: [string, string, [string, string | ((s: Obj) => string), Kind][]][] = [
  ['hostPath', 'HostPath (bare host directory volume)', [['Path', 'path', 's'], ['HostPathType', (s) => (s.type === undefined || s.type === null ? '<none>' : s.type), 's']]],
  ['gcePersistentDisk', 'GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)', [['PDName', 'pdName', 's'], ['FSType', 'fsType', 's'], ['Partition', 'partition', 'n'], ['ReadOnly', 'readOnly', 'b']]],
  ['awsElasticBlockStore', 'AWSElasticBlockStore (a Persistent Disk resource in AWS)', [['VolumeID', 'volumeID', 's'], ['FSType', 'fsType', 's'], ['Partition', 'partition', 'n'], ['ReadOnly', 'readOnly', 'b']]],
  ['nfs', 'NFS (an NFS mount that lasts the lifetime of a pod)', [['Server', 'server', 's'], ['Path', 'path', 's'], ['ReadOnly', 'readOnly', 'b']]],
  ['iscsi', "ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)", [
    ['TargetPortal', 'targetPortal', 's'], ['IQN', 'iqn', 's'], ['Lun', 'lun', 'n'], ['ISCSIInterface', 'iscsiInterface', 's'], ['FSType', 'fsType', 's'],
    ['ReadOnly', 'readOnly', 'b'], ['Portals', 'portals', 'list'], ['DiscoveryCHAPAuth', 'chapAuthDiscovery', 'b'], ['SessionCHAPAuth', 'chapAuthSession', 'b'],
    ['SecretRef', 'secretRef', 'sref'], ['InitiatorName', (s) => s.initiatorName ?? '<none>', 's']]],
  ['glusterfs', "Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)", [['EndpointsName', 'endpoints', 's'],
    ['EndpointsNamespace', (s) => s.endpointsNamespace ?? '<unset>', 's'], ['Path', 'path', 's'], ['ReadOnly', 'readOnly', 'b']]],
  ['rbd', "RBD (a Rados Block Device mount on the host that shares a pod's lifetime)", [['CephMonitors', 'monitors', 'list'], ['RBDImage', 'image', 's'],
    ['FSType', 'fsType', 's'], ['RBDPool', 'pool', 's'], ['RadosUser', 'user', 's'], ['Keyring', 'keyring', 's'], ['SecretRef', 'secretRef', 'sref'], ['ReadOnly', 'readOnly', 'b']]],
  ['quobyte', "Quobyte (a Quobyte mount on the host that shares a pod's lifetime)", [['Registry', 'registry', 's'], ['Volume', 'volume', 's'], ['ReadOnly', 'readOnly', 'b']]],
  ['vsphereVolume', 'vSphereVolume (a Persistent Disk resource in vSphere)', [['VolumePath', 'volumePath', 's'], ['FSType', 'fsType', 's'], ['StoragePolicyName', 'storagePolicyName', 's']]],
  ['cinder', 'Cinder (a Persistent Disk resource in OpenStack)', [['VolumeID', 'volumeID', 's'], ['FSType', 'fsType', 's'], ['ReadOnly', 'readOnly', 'b'], ['SecretRef', 'secretRef', 'sref']]],
  ['azureDisk', 'AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)', [['DiskName', 'diskName', 's'], ['DiskURI', 'diskURI', 's'],
    ['Kind: ', 'kind', 's'], ['FSType', 'fsType', 's'], ['CachingMode', 'cachingMode', 's'], ['ReadOnly', 'readOnly', 'b']]],
  ['photonPersistentDisk', 'PhotonPersistentDisk (a Persistent Disk resource in photon platform)', [['PdID', 'pdID', 's'], ['FSType', 'fsType', 's']]],
  ['portworxVolume', 'PortworxVolume (a Portworx Volume resource)', [['VolumeID', 'volumeID', 's']]],
  ['scaleIO', 'ScaleIO (a persistent volume backed by a block device in ScaleIO)', [['Gateway', 'gateway', 's'], ['System', 'system', 's'],
    ['Protection Domain', 'protectionDomain', 's'], ['Storage Pool', 'storagePool', 's'], ['Storage Mode', 'storageMode', 's'], ['VolumeName', 'volumeName', 's'],
    ['SecretName', (s) => s.secretRef?.name ?? '', 's'], ['SecretNamespace', (s) => s.secretRef?.namespace ?? '', 's'], ['FSType', 'fsType', 's'], ['ReadOnly', 'readOnly', 'b']]],
  ['local', 'LocalVolume (a persistent volume backed by local storage on a node)', [['Path', 'path', 's']]],
  ['cephfs', "CephFS (a CephFS mount on the host that shares a pod's lifetime)", [['Monitors', 'monitors', 'list'], ['Path', 'path', 's'], ['User', 'user', 's'],
    ['SecretFile', 'secretFile', 's'], ['SecretRef', 'secretRef', 'sref'], ['ReadOnly', 'readOnly', 'b']]],
  ['storageos', 'StorageOS (a StorageOS Persistent Disk resource)', [['VolumeName', 'volumeName', 's'], ['VolumeNamespace', 'volumeNamespace', 's'], ['FSType', 'fsType', 's'], ['ReadOnly', 'readOnly', 'b']]],
  ['fc', 'FC (a Fibre Channel disk)', [['TargetWWNs', (s) => (s.targetWWNs ?? []).join(', '), 's'], ['LUN', (s) => (s.lun === undefined || s.lun === null ? '<none>' : String(s.lun)), 's'],
    ['FSType', 'fsType', 's'], ['ReadOnly', 'readOnly', 'b']]],
  ['azureFile', 'AzureFile (an Azure File Service mount on the host and bind mount to the pod)', [['SecretName', 'secretName', 's'],
    ['SecretNamespace', 'secretNamespace', 's'], ['ShareName', 'shareName', 's'], ['ReadOnly', 'readOnly', 'b']]],
  ['flexVolume', 'FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)', [['Driver', 'driver', 's'], ['FSType', 'fsType', 's'],
    ['SecretRef', 'secretRef', 'sref'], ['ReadOnly', 'readOnly', 'b'], ['Options', 'options', 'map']]],
  ['flocker', 'Flocker (a Flocker volume mounted by the Flocker agent)', [['DatasetName', 'datasetName', 's'], ['DatasetUUID', 'datasetUUID', 's']]],
  ['csi', 'CSI (a Container Storage Interface (CSI) volume source)', [['Driver', 'driver', 's'], ['FSType', 'fsType', 's'], ['VolumeHandle', 'volumeHandle', 's'], ['ReadOnly', 'readOnly', 'b']]],
];

/** upstream printCSIPersistentVolumeAttributesMultilineIndent, with its extra indentation of the values. */
function printVolumeAttributes(w: PrefixWriter, attributes: Record<string, string> | undefined): void {
  w.write(LEVEL_2, 'VolumeAttributes:\t');
  const keys = Object.keys(attributes ?? {}).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (!keys.length) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '');
      w.write(LEVEL_2, '\t');
    }
    const line = `${key}=${attributes![key]}`;
    w.write(LEVEL_2, `${line.length > 140 ? `${line.slice(0, 140)}...` : line}\n`);
  });
}

function printSource(w: PrefixWriter, spec: Obj): void {
  const found = SOURCES.find(([field]) => spec[field]);
  if (!found) {
    w.write(LEVEL_1, '<unknown>\n');
    return;
  }
  const [field, type, rows] = found;
  const source = spec[field] as Obj;
  w.write(LEVEL_2, `Type:\t${type}\n`);
  for (const [label, get, kind] of rows) {
    const value = typeof get === 'function' ? get(source) : goValue(source[get], kind);
    // upstream: `ISCSIInterface` has no colon, and `Kind: ` (written with its colon) a space before its tab
    w.write(LEVEL_2, label === 'ISCSIInterface' || label.endsWith(' ') ? `${label}\t${value}\n` : `${label}:\t${value}\n`);
  }
  if (field === 'csi') printVolumeAttributes(w, source.volumeAttributes);
}

export function describePersistentVolume(pv: PersistentVolume, events: readonly EventObject[], now: number): string {
  const w = new Writer();
  const meta = pv.metadata;
  const spec = pv.spec ?? {};
  w.write(LEVEL_0, `Name:\t${meta?.name ?? ''}\n`);
  printLabels(w, 'Labels', meta?.labels);
  printAnnotations(w, 'Annotations', meta?.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goList(meta?.finalizers)}\n`);
  w.write(LEVEL_0, `StorageClass:\t${meta?.annotations?.[BETA_CLASS_ANNOTATION] ?? spec.storageClassName ?? ''}\n`);
  w.write(LEVEL_0, `Status:\t${statusText(meta, pv.status?.phase, now)}\n`);
  w.write(LEVEL_0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''}\n`);
  w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModesText(spec.accessModes)}\n`);
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
  w.write(LEVEL_0, `Capacity:\t${storageText(spec.capacity?.storage)}\n`);
  printVolumeNodeAffinity(w, spec.nodeAffinity);
  w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`);
  w.write(LEVEL_0, 'Source:\n');
  printSource(w, spec as Obj);
  describeEvents(w, events, now);
  return w.toString();
}

/** upstream printAllowedTopologies / printTopologySelectorTermsMultilineWithIndent (always `in`). */
function printAllowedTopologies(w: PrefixWriter, terms: readonly TopologySelectorTerm[]): void {
  w.write(LEVEL_0, 'AllowedTopologies:\t');
  if (!terms.length) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  terms.forEach((term, i) => printRequirements(w, LEVEL_1, `Term ${i}`,
    (term.matchLabelExpressions ?? []).map((r) => ({ key: r.key, operator: 'In', values: r.values })), 'in'));
}

export function describeStorageClass(sc: StorageClass, events: readonly EventObject[], now: number): string {
  const w = new Writer();
  const annotations = sc.metadata?.annotations ?? {};
  const isDefault = annotations['storageclass.kubernetes.io/is-default-class'] === 'true' ||
    annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
  w.write(LEVEL_0, `Name:\t${sc.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}\n`);
  w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata?.annotations)}\n`);
  w.write(LEVEL_0, `Provisioner:\t${sc.provisioner}\n`);
  w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
  const expansion = sc.allowVolumeExpansion;
  w.write(LEVEL_0, `AllowVolumeExpansion:\t${expansion === undefined || expansion === null ? '<unset>' : expansion ? 'True' : 'False'}\n`);
  if (!sc.mountOptions?.length) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
  else {
    w.write(LEVEL_0, 'MountOptions:\n');
    for (const option of sc.mountOptions) w.write(LEVEL_1, `${option}\n`);
  }
  if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
  if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
  if (sc.allowedTopologies) printAllowedTopologies(w, sc.allowedTopologies);
  describeEvents(w, events, now);
  return w.toString();
}
