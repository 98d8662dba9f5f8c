/**
 * What the volume plugins for configMap, secret, downwardAPI and projected volumes write: the
 * payload (file → content and mode) their SetUp hands the atomic writer, or the SetUp error.
 * upstream: pkg/volume/{configmap,secret,downwardapi,projected}/*.go (MakePayload, CollectData)
 */
import type { DownwardAPIVolumeFile, KeyToPath, Node, Pod, ResourceFieldSelector, Volume } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api';
import type { StoreReader } from '../controllers/types';
import { parseQuantity } from '../util/quantity';

export type SourceKind = 'ConfigMap' | 'Secret';

/** The fields of a ConfigMap or Secret a volume reads. */
export interface SourceData { data?: Record<string, string>; binaryData?: Record<string, string>; immutable?: boolean }

/** How SetUp finds a ConfigMap or Secret (the kubelet's object cache). */
export type SourceLookup = (kind: SourceKind, name: string) => SourceData | undefined;

export interface VolumePayload {
  /** Path relative to the volume → content. */
  files: Record<string, string>;
  /** Path → file mode (decimal, as the API writes `defaultMode`: 420 is 0644). */
  modes: Record<string, number>;
}

export type PayloadResult = { ok: true; payload: VolumePayload } | { ok: false; error: string };

/** upstream: the default `defaultMode` of all four volume types (0644). */
export const DEFAULT_MODE = 420;

/** Volumes whose plugin RequiresRemount: SetUp runs again at every pod sync and rewrites changed files. */
export function isRemountable(v: Volume): boolean {
  return !!(v.configMap || v.secret || v.downwardAPI || v.projected);
}

/** The ConfigMaps and Secrets a volume reads, optional ones included. */
export function volumeObjects(v: Volume): { kind: SourceKind; name: string }[] {
  const out: { kind: SourceKind; name: string }[] = [];
  if (v.configMap?.name) out.push({ kind: 'ConfigMap', name: v.configMap.name });
  if (v.secret?.secretName) out.push({ kind: 'Secret', name: v.secret.secretName });
  for (const s of v.projected?.sources ?? []) {
    if (s.configMap?.name) out.push({ kind: 'ConfigMap', name: s.configMap.name });
    if (s.secret?.name) out.push({ kind: 'Secret', name: s.secret.name });
  }
  return out;
}

/** base64 bytes, read as the UTF-8 text a file of them holds. */
function decode(value: string): string {
  try {
    const binary = globalThis.atob(value);
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return value;
  }
}

/** The keys of a ConfigMap (data and binaryData) or Secret (data, decoded) as file contents. */
export function sourceKeys(kind: SourceKind, obj: SourceData): Record<string, string> {
  const binary = Object.fromEntries(Object.entries(obj.binaryData ?? {}).map(([k, v]) => [k, decode(v)]));
  if (kind === 'Secret') return Object.fromEntries(Object.entries(obj.data ?? {}).map(([k, v]) => [k, decode(v)]));
  return { ...(obj.data ?? {}), ...binary };
}

const notFound = (kind: SourceKind, name: string) => `${kind.toLowerCase()} "${name}" not found`;
const missingKey = (kind: SourceKind, key: string) =>
  kind === 'ConfigMap' ? `configmap references non-existent config key: ${key}` : `references non-existent secret key: ${key}`;

interface ObjectRef { kind: SourceKind; name: string; items?: KeyToPath[]; optional?: boolean }

/**
 * upstream MakePayload: `items` pick and rename keys (a missing key fails unless optional), each
 * file with its item's mode or the default; a missing object is an empty payload when optional.
 */
function objectPayload(ref: ObjectRef, lookup: SourceLookup, defaultMode: number, out: VolumePayload): string | undefined {
  const obj = lookup(ref.kind, ref.name);
  if (!obj) return ref.optional ? undefined : notFound(ref.kind, ref.name);
  const keys = sourceKeys(ref.kind, obj);
  if (!ref.items?.length) {
    for (const [k, v] of Object.entries(keys)) { out.files[k] = v; out.modes[k] = defaultMode; }
    return undefined;
  }
  for (const item of ref.items) {
    if (!(item.key in keys)) {
      if (ref.optional) continue;
      return missingKey(ref.kind, item.key);
    }
    out.files[item.path] = keys[item.key];
    out.modes[item.path] = item.mode ?? defaultMode;
  }
  return undefined;
}

/** upstream FormatMap: `key="value"` lines (Go %q), sorted by key. */
const formatMap = (m: Record<string, string> | undefined) =>
  Object.keys(m ?? {}).sort().map((k) => `${k}=${JSON.stringify(m![k])}`).join('\n');

function fieldValue(pod: Pod, path: string): string {
  const meta = pod.metadata ?? {};
  const subscript = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (subscript) return (subscript[1] === 'labels' ? meta.labels : meta.annotations)?.[subscript[2]] ?? '';
  if (path === 'metadata.labels') return formatMap(meta.labels);
  if (path === 'metadata.annotations') return formatMap(meta.annotations);
  if (path === 'metadata.name') return meta.name ?? '';
  if (path === 'metadata.namespace') return meta.namespace ?? 'default';
  if (path === 'metadata.uid') return meta.uid ?? '';
  return '';
}

/**
 * upstream ExtractResourceValueByContainerNameAndNodeAllocatable: a container's limit (the node's
 * allocatable when it sets none) or request, divided by the divisor and rounded up.
 */
function resourceValue(pod: Pod, ref: ResourceFieldSelector, store: StoreReader): string {
  const container = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === ref.containerName);
  const [bucket, resource] = ref.resource.split('.');
  const node = pod.spec?.nodeName ? store.get('Node', pod.spec.nodeName) as (KubeObject & Node) | undefined : undefined;
  const raw = bucket === 'limits'
    ? container?.resources?.limits?.[resource] ?? node?.status?.allocatable?.[resource]
    : container?.resources?.requests?.[resource];
  const value = parseQuantity(raw as string | undefined) ?? 0;
  const divisor = parseQuantity(ref.divisor as string | undefined) || 1;
  return String(resource === 'cpu' ? Math.ceil(Math.round(value * 1000) / Math.round(divisor * 1000)) : Math.ceil(value / divisor));
}

function downwardPayload(items: DownwardAPIVolumeFile[] | undefined, pod: Pod, store: StoreReader, defaultMode: number, out: VolumePayload): void {
  for (const i of items ?? []) {
    out.files[i.path] = i.fieldRef ? fieldValue(pod, i.fieldRef.fieldPath) : i.resourceFieldRef ? resourceValue(pod, i.resourceFieldRef, store) : '';
    out.modes[i.path] = i.mode ?? defaultMode;
  }
}

/** The fixed token the simulator's projected serviceAccountToken source writes. */
const TOKEN = 'eyJhbGciOiJSUzI1NiIsImtpZCI6IiJ9.e30.c2lnbmF0dXJl';

/** upstream utilerrors.NewAggregate: one error as is, several as `[a, b]`. */
const aggregate = (errors: string[]) => (errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`);

/** The payload one volume's SetUp writes, or its error (upstream's text after `MountVolume.SetUp failed for volume "x" : `). */
export function volumePayload(volume: Volume, pod: Pod, lookup: SourceLookup, store: StoreReader): PayloadResult {
  const out: VolumePayload = { files: {}, modes: {} };
  const done = (error: string | undefined): PayloadResult => (error ? { ok: false, error } : { ok: true, payload: out });
  if (volume.configMap) {
    const c = volume.configMap;
    return done(objectPayload({ kind: 'ConfigMap', name: c.name ?? '', items: c.items, optional: c.optional }, lookup, c.defaultMode ?? DEFAULT_MODE, out));
  }
  if (volume.secret) {
    const c = volume.secret;
    return done(objectPayload({ kind: 'Secret', name: c.secretName ?? '', items: c.items, optional: c.optional }, lookup, c.defaultMode ?? DEFAULT_MODE, out));
  }
  if (volume.downwardAPI) {
    downwardPayload(volume.downwardAPI.items, pod, store, volume.downwardAPI.defaultMode ?? DEFAULT_MODE, out);
    return done(undefined);
  }
  if (volume.projected) {
    const mode = volume.projected.defaultMode ?? DEFAULT_MODE;
    const errors: string[] = [];
    for (const s of volume.projected.sources ?? []) {
      const err = s.configMap ? objectPayload({ kind: 'ConfigMap', name: s.configMap.name ?? '', items: s.configMap.items, optional: s.configMap.optional }, lookup, mode, out)
        : s.secret ? objectPayload({ kind: 'Secret', name: s.secret.name ?? '', items: s.secret.items, optional: s.secret.optional }, lookup, mode, out)
          : undefined;
      if (err) errors.push(err);
      if (s.downwardAPI) downwardPayload(s.downwardAPI.items, pod, store, mode, out);
      if (s.serviceAccountToken) { out.files[s.serviceAccountToken.path] = TOKEN; out.modes[s.serviceAccountToken.path] = mode; }
    }
    return done(errors.length ? aggregate(errors) : undefined);
  }
  return done(undefined);
}

/** SetUp's lookup straight from the API objects. */
export function storeLookup(store: StoreReader, namespace: string): SourceLookup {
  return (kind, name) => store.get(kind, name, namespace) as SourceData | undefined;
}

/** Whether two payloads would leave the same files (the atomic writer then writes nothing). */
export function samePayload(a: VolumePayload, b: VolumePayload): boolean {
  const same = <T>(x: Record<string, T>, y: Record<string, T>) =>
    Object.keys(x).length === Object.keys(y).length && Object.keys(x).every((k) => k in y && x[k] === y[k]);
  return same(a.files, b.files) && same(a.modes, b.modes);
}
