/**
 * A keyed table that remembers every version of every entry by Step index, so any past Step can be
 * read without re-running anything. Only changes are stored: a Step that touches 1 of 1,000 Pods
 * costs one version, which is what makes 10,000 Steps cheap (structural sharing by construction).
 */
export class History<V> {
  private readonly current = new Map<string, V>();
  /** per key: the Step indexes at which it changed, ascending, and the value from then on */
  private readonly versions = new Map<string, { steps: number[]; values: (V | undefined)[] }>();

  set(key: string, value: V | undefined, step: number): void {
    if (value === undefined) this.current.delete(key);
    else this.current.set(key, value);
    let v = this.versions.get(key);
    if (!v) {
      v = { steps: [], values: [] };
      this.versions.set(key, v);
    }
    const last = v.steps.length - 1;
    if (last >= 0 && v.steps[last] === step) v.values[last] = value;
    else {
      v.steps.push(step);
      v.values.push(value);
    }
  }

  get(key: string): V | undefined {
    return this.current.get(key);
  }

  /** The value as of right after Step `step`. */
  getAt(key: string, step: number): V | undefined {
    const v = this.versions.get(key);
    if (!v) return undefined;
    const i = lastAtOrBefore(v.steps, step);
    return i < 0 ? undefined : v.values[i];
  }

  values(): IterableIterator<V> {
    return this.current.values();
  }

  entries(): IterableIterator<[string, V]> {
    return this.current.entries();
  }

  get size(): number {
    return this.current.size;
  }

  /** Every value present as of right after Step `step`, in first-write order. */
  valuesAt(step: number): V[] {
    const out: V[] = [];
    for (const v of this.versions.values()) {
      if (v.steps[0] > step) continue;
      const i = lastAtOrBefore(v.steps, step);
      const value = i < 0 ? undefined : v.values[i];
      if (value !== undefined) out.push(value);
    }
    return out;
  }

  /** The keys present as of right after Step `step`, sorted. */
  keysAt(step: number): string[] {
    const out: string[] = [];
    for (const [key, v] of this.versions) {
      if (v.steps[0] > step) continue;
      const i = lastAtOrBefore(v.steps, step);
      if (i >= 0 && v.values[i] !== undefined) out.push(key);
    }
    return out.sort();
  }

  /** Number of stored versions (for memory measurements). */
  versionCount(): number {
    let n = 0;
    for (const v of this.versions.values()) n += v.steps.length;
    return n;
  }
}

function lastAtOrBefore(steps: number[], step: number): number {
  let lo = 0;
  let hi = steps.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid] <= step) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
