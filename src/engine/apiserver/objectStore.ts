import type { KubeObject } from '../api';
import { History } from '../core/history';
import { deepFreeze, keyOf, objectKey } from '../util/objects';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

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

  list(kind: string, namespace?: string): KubeObject[] {
    const t = this.kinds.get(kind);
    if (!t) return [];
    const all = [...t.values()];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
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
    t.set(key, frozen, step);
    this.onWrite({ type: old ? 'MODIFIED' : 'ADDED', object: frozen, old });
    return frozen;
  }

  remove(obj: KubeObject, step: number): void {
    const t = this.table(obj.kind);
    const key = keyOf(obj);
    const old = t.get(key);
    if (!old) return;
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
