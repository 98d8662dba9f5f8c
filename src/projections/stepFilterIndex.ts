/**
 * Which objects each Step concerns: the objects it wrote, and the objects its Events are about.
 * A kubelet's "Pulling image" Step writes nothing, yet it is a Step of its Pod; the Step does not
 * name the Pod, the Event it emitted does. Events are aggregated (client-go bumps `count` on a
 * repeat), so the Step of each occurrence is found by binary search over the snapshots: the first
 * Step as of which the Event's count reached that occurrence. Built incrementally as Steps are
 * added (old Steps never change), so following a long playback stays cheap.
 */
import type { ClusterView, Step } from '../engine/api';
import type { EventObject } from './events';
import { involvedRef, objectKey, type ObjectRef } from './stepDiffObjects';

/** What the index reads: the Steps and the snapshot after each. `Cluster` is one. */
export interface StepSource {
  readonly steps: readonly Step[];
  at(stepIndex: number): ClusterView;
}

/** One write of an Event (created, or repeated with a higher count) and the Step that made it. */
export interface EventOccurrence {
  step: number;
  name: string;
  namespace?: string;
}

const eventCount = (e: EventObject | undefined): number => (e ? e.series?.count ?? e.count ?? 1 : 0);

export class StepObjectIndex {
  private readonly touchedBy: ObjectRef[][] = [];
  private readonly byObject = new Map<string, number[]>();
  /** Occurrences of each Event (namespace/name) already placed on a Step. */
  private readonly placed = new Map<string, number>();
  private readonly occurrences: EventOccurrence[] = [];
  private processed = 0;

  /** Brings the index up to the source's newest Step. */
  update(source: StepSource): this {
    const total = source.steps.length;
    if (total <= this.processed) return this;
    const from = this.processed;
    const found: { step: number; ref: ObjectRef; event?: EventOccurrence }[] = [];
    for (let i = from; i < total; i++) {
      for (const c of source.steps[i].changes) {
        found.push({ step: i, ref: { kind: c.kind, name: c.name, ...(c.namespace ? { namespace: c.namespace } : {}) } });
      }
    }
    this.placeEvents(source, from, total - 1, found);
    found.sort((a, b) => a.step - b.step);
    for (let i = from; i < total; i++) this.touchedBy[i] = [];
    for (const { step, ref, event } of found) {
      this.add(step, ref);
      if (event) this.occurrences.push(event);
    }
    this.processed = total;
    return this;
  }

  private placeEvents(source: StepSource, from: number, last: number, found: { step: number; ref: ObjectRef; event?: EventOccurrence }[]): void {
    const events = source.at(last).events() as EventObject[];
    let texts: Map<string, number[]> | undefined;
    for (const e of events) {
      const ns = e.metadata.namespace;
      const key = `${ns ?? ''}/${e.metadata.name}`;
      const done = this.placed.get(key) ?? 0;
      const count = eventCount(e);
      const ref = involvedRef(e);
      if (count <= done || !ref) continue;
      texts ??= stepsByEventText(source.steps, from, last);
      const candidates = texts.get(`${e.reason}: ${e.message}`) ?? [];
      for (let k = done + 1; k <= count; k++) {
        const has = (i: number) => eventCount(source.at(i).get('Event', e.metadata.name, ns) as EventObject | undefined) >= k;
        const step = firstWith(candidates, has) ?? firstIn(from, last, has);
        found.push({ step, ref, event: { step, name: e.metadata.name, ...(ns ? { namespace: ns } : {}) } });
      }
      this.placed.set(key, count);
    }
  }

  private add(step: number, ref: ObjectRef): void {
    const list = this.touchedBy[step];
    const key = objectKey(ref);
    if (list.some((r) => objectKey(r) === key)) return;
    list.push(ref);
    const steps = this.byObject.get(key);
    if (!steps) this.byObject.set(key, [step]);
    else if (steps[steps.length - 1] !== step) steps.push(step);
  }

  /** The objects Step `index` wrote or emitted Events about. */
  touched(index: number): readonly ObjectRef[] {
    return this.touchedBy[index] ?? [];
  }

  /** The Steps that concern `ref` (namespace as given; cluster-scoped objects have none), ascending. */
  stepsOf(ref: ObjectRef): readonly number[] {
    return this.byObject.get(objectKey(ref)) ?? [];
  }

  /** Every Event write up to and including Step `last`, in Step order (what `--watch` prints). */
  eventsUpTo(last: number): readonly EventOccurrence[] {
    let lo = 0;
    let hi = this.occurrences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.occurrences[mid].step <= last) lo = mid + 1;
      else hi = mid;
    }
    return this.occurrences.slice(0, lo);
  }

  get size(): number {
    return this.processed;
  }
}

/** The Steps in [from, last] that list each Event text (`Reason: message`), ascending. */
function stepsByEventText(steps: readonly Step[], from: number, last: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = from; i <= last; i++) {
    for (const text of steps[i].events) {
      const list = out.get(text);
      if (!list) out.set(text, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  }
  return out;
}

/**
 * The first of the ascending `candidates` for which the monotone `has` holds (binary search), or
 * undefined when none does. The Steps that list an Event's text are few, so this reads few snapshots.
 */
function firstWith(candidates: readonly number[], has: (i: number) => boolean): number | undefined {
  let lo = 0;
  let hi = candidates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (has(candidates[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo < candidates.length ? candidates[lo] : undefined;
}

/** The first Step in [lo, hi] for which the monotone `has` holds (hi when none before it does). */
function firstIn(lo: number, hi: number, has: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (has(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const indexes = new WeakMap<StepSource, StepObjectIndex>();

/** The index of a source (one per cluster), brought up to date. */
export function objectIndexFor(source: StepSource): StepObjectIndex {
  let index = indexes.get(source);
  if (!index) {
    index = new StepObjectIndex();
    indexes.set(source, index);
  }
  return index.update(source);
}
