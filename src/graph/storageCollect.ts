/**
 * What the storage and configuration part of the graph holds for one snapshot: the claims,
 * volumes and classes, the ConfigMaps and Secrets, and which Pod reads which. Claims and Secrets
 * a Pod names that do not exist are kept as "not found" elements, since that is why the Pod waits.
 */
import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { ClusterView, KubeObject } from '../engine/api';
import type { Translate } from '../i18n/translate';
import { configData, isSystemConfig, podConfigUses, type ConfigKind, type ConfigUse } from './config';
import { claimData, classData, isDefaultClass, missingClaimData, volumeData } from './storage';
import type { ConfigData, StorageData } from './storageTypes';

export interface ResourceItem<D = StorageData | ConfigData> {
  id: string;
  type: 'storage' | 'config';
  data: D;
  /** Sort key: creation time, then name (new elements append). */
  order: string;
}

/** Where a Pod's volume points at a claim. */
export interface ClaimUse { pod: Pod; volume: string; claimId: string }
export interface ConfigLink { pod: Pod; use: ConfigUse; configId: string }

export interface ResourceSnapshot {
  claims: ResourceItem<StorageData>[];
  volumes: ResourceItem<StorageData>[];
  classes: ResourceItem<StorageData>[];
  configs: ResourceItem<ConfigData>[];
  claimUses: ClaimUse[];
  configLinks: ConfigLink[];
  claimObjects: Map<string, PersistentVolumeClaim>;
  volumeObjects: Map<string, PersistentVolume>;
  /** Element id → the object's name. */
  names: Map<string, string>;
  /** Ids of the claims, ConfigMaps and Secrets Pods name that do not exist. */
  missing: Set<string>;
}

/** Data makers, memoized by the caller (uid + resourceVersion + what else the data shows); `t` words their texts. */
export interface DataMemo {
  storage(key: string, make: () => StorageData): StorageData;
  config(key: string, make: () => ConfigData): ConfigData;
  t: Translate;
}

export function storageId(kind: string, name: string, namespace: string | undefined, uid: string): string {
  return `storage/${kind}/${namespace ?? ''}/${name}/${uid}`;
}

export function configId(kind: ConfigKind, name: string, namespace: string, uid: string): string {
  return `config/${kind}/${namespace}/${name}/${uid}`;
}

const orderOf = (o: KubeObject | undefined, name: string) => `${o?.metadata.creationTimestamp ?? '~'}|${name}`;
const byOrder = (a: { order: string }, b: { order: string }) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0);

/** The newest Event message of each Pending claim (what it waits for). */
function claimReasons(view: ClusterView, pending: Set<string>): Map<string, string> {
  const out = new Map<string, { at: string; message: string }>();
  if (!pending.size) return new Map();
  for (const e of view.events()) {
    const io = e.involvedObject as { kind?: string; name?: string; namespace?: string } | undefined;
    if (io?.kind !== 'PersistentVolumeClaim') continue;
    const key = `${io.namespace ?? 'default'}/${io.name}`;
    if (!pending.has(key)) continue;
    const at = String(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? '');
    const prev = out.get(key);
    if (!prev || at >= prev.at) out.set(key, { at, message: String(e.message ?? '') });
  }
  return new Map([...out].map(([k, v]) => [k, v.message]));
}

export function collectResources(view: ClusterView, pods: readonly Pod[], namespaceFilter: string | null, memo: DataMemo): ResourceSnapshot {
  const { t } = memo;
  const inScope = (ns: string | undefined) => namespaceFilter === null || ns === namespaceFilter;
  const pvcs = (view.list('PersistentVolumeClaim') as unknown as PersistentVolumeClaim[]).filter((c) => inScope(c.metadata?.namespace));
  const pvs = (view.list('PersistentVolume') as unknown as PersistentVolume[])
    .filter((pv) => namespaceFilter === null || !pv.spec?.claimRef || pv.spec.claimRef.namespace === namespaceFilter);
  const scs = view.list('StorageClass') as unknown as StorageClass[];

  const pending = new Set(pvcs.filter((c) => (c.status?.phase ?? 'Pending') === 'Pending').map((c) => `${c.metadata?.namespace}/${c.metadata?.name}`));
  const reasons = claimReasons(view, pending);
  const claimObjects = new Map<string, PersistentVolumeClaim>();
  const claims = new Map<string, ResourceItem<StorageData>>();
  for (const c of pvcs) {
    const meta = c.metadata!;
    const key = `${meta.namespace}/${meta.name}`;
    const reason = reasons.get(key);
    const data = memo.storage(`${meta.uid}|${meta.resourceVersion}|${reason ?? ''}`, () => claimData(c, reason, t));
    const id = storageId('PersistentVolumeClaim', meta.name!, meta.namespace, meta.uid!);
    claims.set(key, { id, type: 'storage', data, order: orderOf(c as unknown as KubeObject, key) });
    claimObjects.set(id, c);
  }

  const claimUses: ClaimUse[] = [];
  const configLinks: ConfigLink[] = [];
  const configs = new Map<string, ResourceItem<ConfigData>>();
  const usedBy = new Map<string, Set<string>>();
  const configItem = (kind: ConfigKind, name: string, ns: string, obj: KubeObject | undefined): ResourceItem<ConfigData> => {
    const key = `${kind}/${ns}/${name}`;
    let item = configs.get(key);
    if (!item) {
      const id = configId(kind, name, ns, obj?.metadata.uid ?? '');
      item = { id, type: 'config', data: undefined as unknown as ConfigData, order: orderOf(obj, `${kind}/${name}`) };
      configs.set(key, item);
    }
    return item;
  };

  for (const pod of pods) {
    const ns = pod.metadata?.namespace ?? 'default';
    for (const v of pod.spec?.volumes ?? []) {
      const claimName = v.persistentVolumeClaim?.claimName ?? (v.ephemeral ? `${pod.metadata?.name}-${v.name}` : undefined);
      if (!claimName) continue;
      const key = `${ns}/${claimName}`;
      let item = claims.get(key);
      if (!item) {
        const data = memo.storage(`missing|${key}`, () => missingClaimData(claimName, ns, t));
        item = { id: storageId('PersistentVolumeClaim', claimName, ns, ''), type: 'storage', data, order: `~|${key}` };
        claims.set(key, item);
      }
      claimUses.push({ pod, volume: v.name, claimId: item.id });
    }
    for (const use of podConfigUses(pod)) {
      const obj = view.get(use.kind, use.name, ns);
      const item = configItem(use.kind, use.name, ns, obj);
      configLinks.push({ pod, use, configId: item.id });
      const users = usedBy.get(item.id) ?? new Set<string>();
      users.add(pod.metadata?.uid ?? '');
      usedBy.set(item.id, users);
    }
  }
  for (const kind of ['ConfigMap', 'Secret'] as const) {
    for (const obj of view.list(kind, namespaceFilter ?? undefined)) {
      const ns = obj.metadata.namespace ?? 'default';
      if (!configs.has(`${kind}/${ns}/${obj.metadata.name}`) && isSystemConfig(obj, namespaceFilter)) continue;
      configItem(kind, obj.metadata.name, ns, obj);
    }
  }
  for (const [key, item] of configs) {
    const [kind, ns, ...rest] = key.split('/');
    const name = rest.join('/');
    const obj = view.get(kind, name, ns);
    const users = usedBy.get(item.id)?.size ?? 0;
    item.data = memo.config(`${item.id}|${obj?.metadata.resourceVersion ?? ''}|${users}`, () => configData(kind as ConfigKind, name, ns, obj, users, t));
  }

  const volumeObjects = new Map<string, PersistentVolume>();
  const volumes = pvs.map((pv) => {
    const meta = pv.metadata!;
    const id = storageId('PersistentVolume', meta.name!, undefined, meta.uid!);
    volumeObjects.set(id, pv);
    return { id, type: 'storage' as const, data: memo.storage(`${meta.uid}|${meta.resourceVersion}`, () => volumeData(pv, t)), order: orderOf(pv as unknown as KubeObject, meta.name!) };
  });
  const showClasses = claims.size > 0 || volumes.length > 0 || scs.some((sc) => !isDefaultClass(sc));
  const classes = showClasses ? scs.map((sc) => {
    const meta = sc.metadata!;
    return { id: storageId('StorageClass', meta.name!, undefined, meta.uid!), type: 'storage' as const,
      data: memo.storage(`${meta.uid}|${meta.resourceVersion}`, () => classData(sc, t)), order: orderOf(sc as unknown as KubeObject, meta.name!) };
  }) : [];

  const all = [...claims.values(), ...configs.values(), ...volumes, ...classes] as ResourceItem[];
  return {
    names: new Map(all.map((i) => [i.id, i.data.name])),
    missing: new Set(all.filter((i) => i.data.missing).map((i) => i.id)),
    claims: [...claims.values()].sort(byOrder),
    volumes: volumes.sort(byOrder),
    classes: classes.sort(byOrder),
    configs: [...configs.values()].sort(byOrder),
    claimUses,
    configLinks,
    claimObjects,
    volumeObjects,
  };
}
