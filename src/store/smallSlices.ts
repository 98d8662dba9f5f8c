import type { SelectionSlice, SettingsSlice, SliceSet } from './types';

export const DEFAULT_SPEED = 2;
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 50;

export function createSettingsSlice(set: SliceSet): SettingsSlice {
  return {
    speed: DEFAULT_SPEED,
    setSpeed(stepsPerSecond) {
      if (!Number.isFinite(stepsPerSecond)) return;
      set({ speed: Math.min(MAX_SPEED, Math.max(MIN_SPEED, stepsPerSecond)) });
    },
  };
}

export function createSelectionSlice(set: SliceSet): SelectionSlice {
  return {
    selection: null,
    select(ref) {
      set({ selection: ref ? { ...ref } : null });
    },
  };
}
