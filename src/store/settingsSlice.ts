/**
 * Classroom settings of the UI (not of the cluster): presentation mode, for a projector — large
 * type, high contrast, the editor folded away, big step controls, PageUp/PageDown stepping.
 */
import type { SliceGet, SliceSet } from './types';

export interface ClassroomSettingsSlice {
  presentation: boolean;
  setPresentation(on: boolean): void;
  togglePresentation(): void;
}

export function createClassroomSettingsSlice(set: SliceSet, get: SliceGet): ClassroomSettingsSlice {
  return {
    presentation: false,
    setPresentation(on) {
      if (get().presentation !== on) set({ presentation: on });
    },
    togglePresentation() {
      set({ presentation: !get().presentation });
    },
  };
}
