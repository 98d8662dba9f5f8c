import type { RecordTable } from '../controllers/types';
import { History } from '../core/history';
import { deepFreeze } from '../util/objects';

/** Named versioned tables for records that are not API objects (see ReconcileContext.table). */
export class RecordTables {
  private readonly tables = new Map<string, History<unknown>>();

  private history(name: string): History<unknown> {
    let h = this.tables.get(name);
    if (!h) {
      h = new History<unknown>();
      this.tables.set(name, h);
    }
    return h;
  }

  table<T>(name: string, version: () => number): RecordTable<T> {
    const h = this.history(name);
    return {
      get: (key) => h.get(key) as T | undefined,
      entries: () => [...h.entries()] as [string, T][],
      set: (key, value) => h.set(key, value === undefined ? undefined : deepFreeze(value), version()),
    };
  }

  /** The records of `name` as of right after Step `step` (the newest when undefined), in key order. */
  at<T>(name: string, step: number | undefined): [string, T][] {
    const h = this.tables.get(name);
    if (!h) return [];
    if (step === undefined) return ([...h.entries()] as [string, T][]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return h.keysAt(step).map((k) => [k, h.getAt(k, step) as T] as [string, T]);
  }

  versionCount(): number {
    let n = 0;
    for (const h of this.tables.values()) n += h.versionCount();
    return n;
  }
}
