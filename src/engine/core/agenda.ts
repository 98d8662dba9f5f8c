/**
 * The work queues of every actor, merged into one agenda ordered by (virtual time, arrival).
 * Like client-go's workqueue: a key already waiting is not queued twice, and of two requests for
 * the same key the earlier one wins (AddAfter keeps the soonest).
 */
export interface AgendaEntry {
  time: number;
  seq: number;
  actor: string;
  key: string;
  cancelled: boolean;
}

export class Agenda {
  private heap: AgendaEntry[] = [];
  private waiting = new Map<string, AgendaEntry>();
  private seq = 0;

  /** Queue `key` for `actor` at virtual `time`; returns false when an earlier request already covers it. */
  add(actor: string, key: string, time: number): boolean {
    const id = `${actor}\u0000${key}`;
    const existing = this.waiting.get(id);
    if (existing && existing.time <= time) return false;
    if (existing) existing.cancelled = true;
    const entry: AgendaEntry = { time, seq: this.seq++, actor, key, cancelled: false };
    this.waiting.set(id, entry);
    this.push(entry);
    return true;
  }

  /** Drop every waiting key of an actor (a Node's kubelet going away). */
  removeActor(actor: string): void {
    for (const [id, entry] of this.waiting) {
      if (entry.actor === actor) {
        entry.cancelled = true;
        this.waiting.delete(id);
      }
    }
  }

  peekTime(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.time;
  }

  pop(): AgendaEntry | undefined {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top) return undefined;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    this.waiting.delete(`${top.actor}\u0000${top.key}`);
    return top;
  }

  get size(): number {
    return this.waiting.size;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0].cancelled) {
      const last = this.heap.pop()!;
      if (this.heap.length > 0) {
        this.heap[0] = last;
        this.siftDown(0);
      }
    }
  }

  private less(a: AgendaEntry, b: AgendaEntry): boolean {
    return a.time < b.time || (a.time === b.time && a.seq < b.seq);
  }

  private push(entry: AgendaEntry): void {
    const h = this.heap;
    h.push(entry);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l], h[m])) m = l;
      if (r < h.length && this.less(h[r], h[m])) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}
