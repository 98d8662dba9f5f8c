import type { PlaygroundState } from './types';

// Selectors read the mutable cluster; they re-run on every store change, and every engine
// change bumps `version`, so what they return is always current.

export const selectStepCount = (s: PlaygroundState): number => s.cluster.steps.length;

/** The cursor shows the newest Step (or there are no Steps yet). */
export const selectAtNewest = (s: PlaygroundState): boolean => s.cursor >= s.cluster.steps.length - 1;

/** The engine has an action or timer pending, so stepping forward from the newest Step can do something. */
export const selectHasPending = (s: PlaygroundState): boolean => s.cluster.nextActionTime() !== undefined;

/** Stepping forward is possible: an older Step to move to, or engine work pending. */
export const selectCanStepForward = (s: PlaygroundState): boolean => !selectAtNewest(s) || selectHasPending(s);

export const selectCanStepBack = (s: PlaygroundState): boolean => s.cursor > 0;
