/**
 * How the timeline reads: filters (actor, object, namespace), the Step granularity, the tab
 * (Steps or Events), and stepping that follows them — "Step forward" moves by the chosen unit
 * (a write, a reconcile, a virtual second) and, when asked, only through matching Steps; "Next
 * Step of this object" jumps along one object's history. At the newest Step these ask the engine
 * for more Steps (bounded), exactly as plain stepping does. Playback still plays every Step.
 */
import type { Cluster } from '../engine/api';
import { resolveKindName } from '../engine/apiserver/kinds';
import { NO_FILTER, isFilterActive, needsObjectIndex, stepMatches, type StepFilter } from '../projections/stepFilter';
import { objectIndexFor } from '../projections/stepFilterIndex';
import type { StepGrouping } from '../projections/stepGroups';
import {
  backTarget, everyStep, mayGrow, nextAfter, nextQualifying, previousBefore, unitEnd, type Qualifies,
} from '../projections/stepGroupsNavigation';
import { QUIET_STEP, nextEngineStep, quietNotice, type QuietNotice, type QuietSeeking } from './lookAhead';
import type { CursorSlice, ObjectRef, SliceGet, SliceSet } from './types';

export type TimelineTab = 'steps' | 'events';

/**
 * Why the last move found nothing, as a code (the timeline words it in the UI's language): the
 * cluster is idle; nothing sought happened within the quiet window though timers remain (`quiet`:
 * the timeline offers to skip to the next change); no Step in that direction matches the filter;
 * none touches `object` (`pod/web-1`, as kubectl names it). Any engine change clears it.
 */
export type TimelineNotice =
  | { code: 'idle' }
  | QuietNotice
  | { code: 'noMatch'; direction: 'later' | 'earlier' }
  | { code: 'untouched'; direction: 'later' | 'earlier'; object: string };

/** The most Steps one press may ask the engine for while looking for a matching one. */
export const MAX_SEARCH_STEPS = 2000;

export interface TimelineSlice {
  stepFilter: StepFilter;
  /** "Step forward/back" visit only the Steps the filter shows (when a filter is set). */
  stepMatchingOnly: boolean;
  stepGrouping: StepGrouping;
  timelineTab: TimelineTab;
  /** Why the last move found nothing (for a status line); null after a move that worked. */
  timelineNotice: TimelineNotice | null;
  setStepFilter(patch: Partial<StepFilter>): void;
  clearStepFilter(): void;
  setStepMatchingOnly(on: boolean): void;
  setStepGrouping(grouping: StepGrouping): void;
  setTimelineTab(tab: TimelineTab): void;
  /** Moves to the next (1) or previous (-1) Step that wrote `ref` or emitted an Event about it. */
  stepToObject(direction: 1 | -1, ref: ObjectRef): boolean;
  /**
   * After a quiet notice: one engine step looking the engine's default day ahead, then the move
   * the notice came from (Step forward, or Next Step of its object). The idle notice when even a
   * day brings no Step.
   */
  skipToNextChange(): void;
}

/** A namespaced kind without a namespace means `default`, as kubectl reads it. */
export function normalizeRef(ref: ObjectRef): ObjectRef {
  const namespaced = resolveKindName(ref.kind)?.namespaced ?? ref.namespace !== undefined;
  return { kind: ref.kind, name: ref.name, ...(namespaced ? { namespace: ref.namespace ?? 'default' } : {}) };
}

function qualifierOf(cluster: Cluster, filter: StepFilter, matchingOnly: boolean): Qualifies {
  if (!matchingOnly || !isFilterActive(filter)) return everyStep;
  const touched = needsObjectIndex(filter) ? (i: number) => objectIndexFor(cluster).touched(i) : () => [];
  return (i) => stepMatches(cluster.steps[i], filter, touched);
}

/**
 * Asks the engine for Steps, each within the quiet window, until `found()` gives an answer;
 * bounded. Without one, `quiet` tells whether the engine ran out of Steps in its window (rather
 * than the search out of budget).
 */
function searchAhead<T>(cluster: Cluster, found: () => T | undefined): { hit: T | undefined; quiet: boolean } {
  let hit = found();
  for (let n = 0; hit === undefined && n < MAX_SEARCH_STEPS; n++) {
    if (!cluster.step(QUIET_STEP)) return { hit: found(), quiet: true };
    hit = found();
  }
  return { hit, quiet: false };
}

/** The notice for a search that found nothing: quiet when the engine's window passed with timers left. */
function notFound(cluster: Cluster, quiet: boolean, seeking: QuietSeeking, otherwise: TimelineNotice): TimelineNotice {
  return (quiet ? quietNotice(cluster, seeking) : undefined) ?? otherwise;
}

export function createTimelineSlice(set: SliceSet, get: SliceGet, plain: Pick<CursorSlice, 'stepForward' | 'stepBack'>): TimelineSlice & Pick<CursorSlice, 'stepForward' | 'stepBack'> {
  const moveTo = (index: number) => set({ cursor: index, following: index === get().cluster.steps.length - 1, timelineNotice: null });
  /** A search found nothing: the cursor stays (the binding may have let it follow the new Steps). */
  const stay = (index: number, notice: TimelineNotice) => set({ cursor: index, following: index === get().cluster.steps.length - 1, timelineNotice: notice });

  const forward = (): number | TimelineNotice => {
    const { cluster, cursor, stepGrouping: mode, stepFilter, stepMatchingOnly } = get();
    const q = qualifierOf(cluster, stepFilter, stepMatchingOnly);
    let scanned = cursor;
    const { hit: n, quiet } = searchAhead(cluster, () => {
      const hit = nextQualifying(cluster.steps, scanned, q);
      scanned = Math.max(scanned, cluster.steps.length - 1);
      return hit;
    });
    if (n === undefined) {
      return q === everyStep
        ? notFound(cluster, quiet, { seeking: 'step' }, { code: 'idle' })
        : notFound(cluster, quiet, { seeking: 'match' }, { code: 'noMatch', direction: 'later' });
    }
    let { end, closed } = unitEnd(cluster.steps, n, mode, q);
    // the newest unit may still grow: let the engine finish the reconcile or the second
    for (let budget = MAX_SEARCH_STEPS; !closed && budget > 0 && mayGrow(cluster.steps, n, mode, cluster.nextActionTime()); budget--) {
      if (!cluster.step(QUIET_STEP)) break;
      ({ end, closed } = unitEnd(cluster.steps, n, mode, q));
    }
    return end;
  };

  const simple = () => {
    const s = get();
    return s.stepGrouping === 'write' && (!s.stepMatchingOnly || !isFilterActive(s.stepFilter));
  };

  return {
    stepFilter: NO_FILTER,
    stepMatchingOnly: true,
    stepGrouping: 'write',
    timelineTab: 'steps',
    timelineNotice: null,
    setStepFilter(patch) {
      const next = { ...get().stepFilter, ...patch };
      if (next.object) next.object = { ...next.object };
      set({ stepFilter: next, timelineNotice: null });
    },
    clearStepFilter() {
      set({ stepFilter: NO_FILTER, timelineNotice: null });
    },
    setStepMatchingOnly(on) {
      set({ stepMatchingOnly: on });
    },
    setStepGrouping(grouping) {
      set({ stepGrouping: grouping });
    },
    setTimelineTab(tab) {
      set({ timelineTab: tab });
    },
    stepForward() {
      if (simple()) {
        set({ timelineNotice: null });
        return plain.stepForward();
      }
      const from = get().cursor;
      const target = forward();
      if (typeof target !== 'number') stay(from, target);
      else moveTo(target);
    },
    stepBack() {
      if (simple()) {
        set({ timelineNotice: null });
        return plain.stepBack();
      }
      get().pause();
      const { cluster, cursor, stepGrouping: mode, stepFilter, stepMatchingOnly } = get();
      const target = backTarget(cluster.steps, cursor, mode, qualifierOf(cluster, stepFilter, stepMatchingOnly));
      if (target === undefined) set({ timelineNotice: { code: 'noMatch', direction: 'earlier' } });
      else moveTo(target);
    },
    stepToObject(direction, ref) {
      const { cluster, cursor } = get();
      const key = normalizeRef(ref);
      const stepsOf = () => objectIndexFor(cluster).stepsOf(key);
      const ahead = direction > 0 ? searchAhead(cluster, () => nextAfter(stepsOf(), cursor)) : undefined;
      const target = ahead ? ahead.hit : previousBefore(stepsOf(), cursor);
      if (target === undefined) {
        const object = `${ref.kind.toLowerCase()}/${ref.name}`;
        const untouched: TimelineNotice = { code: 'untouched', direction: direction > 0 ? 'later' : 'earlier', object };
        stay(cursor, ahead ? notFound(cluster, ahead.quiet, { seeking: 'object', object, ref: key }, untouched) : untouched);
        return false;
      }
      if (direction < 0) get().pause();
      moveTo(target);
      return true;
    },
    skipToNextChange() {
      const { cluster, cursor, timelineNotice: notice } = get();
      if (cursor >= cluster.steps.length - 1) {
        const step = nextEngineStep(cluster, cursor); // the engine's default horizon: a day
        if (!step) {
          stay(cursor, { code: 'idle' });
          return;
        }
        // the binding may have let the cursor follow the new Steps: the move below starts where it was
        set({ cursor, following: false });
      }
      if (notice?.code === 'quiet' && notice.seeking === 'object') get().stepToObject(1, notice.ref);
      else get().stepForward();
    },
  };
}
