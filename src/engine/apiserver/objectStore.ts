import type { KubeObject } from '../api';
import { History } from '../core/history';
import { deepFreeze, keyOf, objectKey } from '../util/objects';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** A field selector the store indexes: Pods by `spec.nodeName` (what the kubelet watches). */
export interface FieldSelector {
  field: 'spec.nodeName';
  value: string;
}

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
  old?: KubeObject;
}

/**
 * etcd, in short: every object of every kind, versioned by Step, with one cluster-wide
 * resourceVersion counter. Writes here are already admitted; the API-server rules live in apiServer.ts.
 */
export class ObjectStore {
  private readonly kinds = new Map<string, History<KubeObject>>();
  private readonly byNamespace = new Map<string, Map<string, Map<string, KubeObject>>>();
  private readonly podsByNode = new Map<string, Map<string, KubeObject>>();
  private revision = 1;

  constructor(private readonly onWrite: (event: WatchEvent) => void) {}

  /** The cluster-wide revision: it moves on every write, deletes included. */
  get revisionNow(): number {
    return this.revision;
  }

  nextResourceVersion(): string {
    this.revision += 1;
    return String(this.revision);
  }

  private table(kind: string): History<KubeObject> {
    let t = this.kinds.get(kind);
    if (!t) {
      t = new History<KubeObject>();
      this.kinds.set(kind, t);
    }
    return t;
  }

  get(kind: string, name: string, namespace?: string): KubeObject | undefined {
    return this.kinds.get(kind)?.get(objectKey(namespace, name));
  }

  list(kind: string, namespace?: string, fieldSelector?: FieldSelector): KubeObject[] {
    if (fieldSelector) {
      const indexed = this.podsByNode.get(fieldSelector.value);
      const pods = kind === 'Pod' && indexed ? [...indexed.values()] : [];
      return namespace === undefined ? pods : pods.filter((o) => o.metadata.namespace === namespace);
    }
    if (namespace !== undefined) {
      const inNamespace = this.byNamespace.get(kind)?.get(namespace);
      return inNamespace ? [...inNamespace.values()] : [];
    }
    const t = this.kinds.get(kind);
    return t ? [...t.values()] : [];
  }

  /** Keeps the namespace index and the Pods-by-Node index (the kubelet's `spec.nodeName` field selector). */
  private index(obj: KubeObject, present: boolean): void {
    const key = keyOf(obj);
    const ns = obj.metadata.namespace;
    if (ns !== undefined) {
      let kindIndex = this.byNamespace.get(obj.kind);
      if (!kindIndex) this.byNamespace.set(obj.kind, (kindIndex = new Map()));
      let nsIndex = kindIndex.get(ns);
      if (!nsIndex) kindIndex.set(ns, (nsIndex = new Map()));
      if (present) nsIndex.set(key, obj);
      else nsIndex.delete(key);
    }
    if (obj.kind === 'Pod') {
      const node = (obj.spec as { nodeName?: string } | undefined)?.nodeName;
      if (!node) return;
      let byNode = this.podsByNode.get(node);
      if (!byNode) this.podsByNode.set(node, (byNode = new Map()));
      if (present) byNode.set(key, obj);
      else byNode.delete(key);
    }
  }

  getAt(kind: string, name: string, namespace: string | undefined, step: number): KubeObject | undefined {
    return this.kinds.get(kind)?.getAt(objectKey(namespace, name), step);
  }

  listAt(kind: string, namespace: string | undefined, step: number): KubeObject[] {
    const t = this.kinds.get(kind);
    if (!t) return [];
    const all = t.valuesAt(step);
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  /** Stores `obj` (already carrying its new resourceVersion) as of Step `step`. */
  put(obj: KubeObject, step: number): KubeObject {
    const t = this.table(obj.kind);
    const key = keyOf(obj);
    const old = t.get(key);
    const frozen = deepFreeze(obj);
    if (old) this.index(old, false);
    this.index(frozen, true);
    t.set(key, frozen, step);
    this.onWrite({ type: old ? 'MODIFIED' : 'ADDED', object: frozen, old });
    return frozen;
  }

  remove(obj: KubeObject, step: number): void {
    const t = this.table(obj.kind);
    const key = keyOf(obj);
    const old = t.get(key);
    if (!old) return;
    this.index(old, false);
    this.revision += 1;
    t.set(key, undefined, step);
    this.onWrite({ type: 'DELETED', object: old, old });
  }

  versionCount(): number {
    let n = 0;
    for (const t of this.kinds.values()) n += t.versionCount();
    return n;
  }
}
