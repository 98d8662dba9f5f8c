import { QUIET_STEP, nextEngineStep, quietNotice } from './lookAhead';
import type { CursorSlice, SliceGet, SliceSet } from './types';

/**
 * The timeline cursor and playback. Playback uses wall-clock timers (UI only; the engine's
 * time stays virtual) and stops by itself once the newest Step is shown and the engine records
 * no Step within the quiet window (`lookAhead.ts`).
 */
export function createCursorSlice(set: SliceSet, get: SliceGet, initialCursor: number): CursorSlice {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  /**
   * One Step forward; false when already at the newest Step and the engine records none within
   * the quiet window. Then the timeline notice says why: quiet (timers remain) or idle.
   */
  const advance = (): boolean => {
    const { cluster, cursor } = get();
    const last = cluster.steps.length - 1;
    if (cursor < last) {
      set({ cursor: cursor + 1, following: cursor + 1 === last, timelineNotice: null });
      return true;
    }
    const step = nextEngineStep(cluster, cursor, QUIET_STEP);
    if (!step) {
      set({ timelineNotice: quietNotice(cluster, { seeking: 'step' }) ?? { code: 'idle' } });
      return false;
    }
    set({ cursor: step.index, following: step.index === cluster.steps.length - 1, timelineNotice: null });
    return true;
  };

  const tick = () => {
    timer = undefined;
    if (!get().playing) return;
    if (!advance()) {
      set({ playing: false });
      return;
    }
    timer = setTimeout(tick, 1000 / get().speed);
  };

  return {
    cursor: initialCursor,
    following: true,
    playing: false,
    stepForward() {
      advance();
    },
    stepBack() {
      stopTimer();
      const { cursor } = get();
      set({ playing: false, ...(cursor > 0 ? { cursor: cursor - 1, following: false } : {}) });
    },
    setCursor(index) {
      const last = get().cluster.steps.length - 1;
      const cursor = Math.max(Math.min(0, last), Math.min(last, Math.round(index)));
      set({ cursor, following: cursor === last });
    },
    play() {
      if (get().playing) return;
      set({ playing: true });
      tick(); // the first Step shows at once, so pressing Play visibly does something
    },
    pause() {
      stopTimer();
      if (get().playing) set({ playing: false });
    },
    togglePlay() {
      if (get().playing) get().pause();
      else get().play();
    },
  };
}
