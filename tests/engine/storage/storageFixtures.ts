import type { Cluster, KubeObject } from '../../../src/engine';

export interface PvOptions {
  name: string;
  storage: string;
  modes?: string[];
  className?: string;
  labels?: Record<string, string>;
  policy?: string;
  source?: string;
  node?: string;
  claimRef?: { name: string; namespace?: string };
}

/** A PersistentVolume manifest (hostPath under /tmp unless `source` says otherwise). */
export function pvYaml(o: PvOptions): string {
  const labels = o.labels ? `\n  labels:\n${Object.entries(o.labels).map(([k, v]) => `    ${k}: "${v}"`).join('\n')}` : '';
  const affinity = o.node ? `
  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - {key: kubernetes.io/hostname, operator: In, values: [${o.node}]}` : '';
  const claimRef = o.claimRef ? `\n  claimRef: {name: ${o.claimRef.name}, namespace: ${o.claimRef.namespace ?? 'default'}}` : '';
  return `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${o.name}${labels}
spec:
  capacity: {storage: ${o.storage}}
  accessModes: [${(o.modes ?? ['ReadWriteOnce']).join(', ')}]
  storageClassName: "${o.className ?? ''}"
  persistentVolumeReclaimPolicy: ${o.policy ?? 'Retain'}
  ${o.source ?? `hostPath: {path: /tmp/${o.name}}`}${affinity}${claimRef}
`;
}

export interface PvcOptions {
  name: string;
  storage?: string;
  modes?: string[];
  /** undefined: no storageClassName field (the default class applies); null: same. */
  className?: string;
  selector?: Record<string, string>;
  volumeName?: string;
  namespace?: string;
  volumeMode?: string;
}

export function pvcYaml(o: PvcOptions): string {
  const cls = o.className === undefined ? '' : `\n  storageClassName: "${o.className}"`;
  const selector = o.selector ? `\n  selector:\n    matchLabels:\n${Object.entries(o.selector).map(([k, v]) => `      ${k}: "${v}"`).join('\n')}` : '';
  return `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${o.name}${o.namespace ? `\n  namespace: ${o.namespace}` : ''}
spec:
  accessModes: [${(o.modes ?? ['ReadWriteOnce']).join(', ')}]
  resources:
    requests:
      storage: ${o.storage ?? '1Gi'}${cls}${selector}${o.volumeName ? `\n  volumeName: ${o.volumeName}` : ''}${o.volumeMode ? `\n  volumeMode: ${o.volumeMode}` : ''}
`;
}

/** A Pod mounting claim `claim` at /data (optionally pinned to a node, bypassing the scheduler). */
export function podWithClaim(name: string, claim: string, extra: { nodeName?: string; image?: string } = {}): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:${extra.nodeName ? `\n  nodeName: ${extra.nodeName}` : ''}
  containers:
  - name: app
    image: ${extra.image ?? 'nginx:1.27'}
    volumeMounts:
    - {name: data, mountPath: /data}
  volumes:
  - name: data
    persistentVolumeClaim: {claimName: ${claim}}
`;
}

export const docs = (...parts: string[]) => parts.join('---\n');

type Status = { phase?: string; capacity?: Record<string, string>; accessModes?: string[] };
export const statusOf = (o: KubeObject | undefined) => (o?.status ?? {}) as Status;
export const pvc = (c: Cluster, name: string, ns = 'default') => c.get('PersistentVolumeClaim', name, ns) as
  (KubeObject & { spec: { volumeName?: string; storageClassName?: string } }) | undefined;
export const pv = (c: Cluster, name: string) => c.get('PersistentVolume', name) as
  (KubeObject & { spec: { claimRef?: { name: string; uid?: string }; capacity: { storage: string } } }) | undefined;

/** Events about an object, as `Reason: message`, oldest first. */
export function eventsFor(c: Cluster, kind: string, name: string): string[] {
  return (c.events() as (KubeObject & { involvedObject: { kind: string; name: string }; reason: string; message: string })[])
    .filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name)
    .map((e) => `${e.reason}: ${e.message}`);
}

export function eventSources(c: Cluster, kind: string, name: string, reason: string): string[] {
  return (c.events() as (KubeObject & { involvedObject: { kind: string; name: string }; reason: string; source: { component: string } })[])
    .filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name && e.reason === reason)
    .map((e) => e.source.component);
}

export function applyOk(c: Cluster, yaml: string): void {
  const r = c.apply(yaml);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
}
