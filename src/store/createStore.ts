import { createStore, type StateCreator } from 'zustand/vanilla';
import { createClusterBinding, createClusterSlice } from './clusterSlice';
import { createCommandsSlice } from './commandsSlice';
import { createCursorSlice } from './cursorSlice';
import { createEditorSlice } from './editorSlice';
import { createFaultsSlice } from './faultsSlice';
import { createLanguageSlice } from './languageSlice';
import { createLessonSlice } from './lessonSlice';
import { createNamespaceSlice } from './namespaceSlice';
import { createNetworkSlice } from './networkSlice';
import { createDebouncedSaver, type DebouncedSaver } from './persistence';
import { createSessionSlice } from './sessionSlice';
import { startPlayground } from './sessionStart';
import { createClassroomSettingsSlice } from './settingsSlice';
import { createSelectionSlice, createSettingsSlice } from './smallSlices';
import { createTimelineSlice } from './timelineSlice';
import type { PlaygroundDeps, PlaygroundState, PlaygroundStore } from './types';

export const SAVE_DELAY_MS = 400;

/**
 * The whole playground state. On start: the saved session replayed at its Step; or else a fresh
 * cluster; the saved editor text, or the demo manifest when nothing was saved; that text applied
 * (a failed apply changes nothing and its errors are shown); playback paused at the newest Step.
 */
export function playgroundInitializer(
  deps: PlaygroundDeps,
  saver: DebouncedSaver = createDebouncedSaver(deps.storage, deps.saveDelayMs ?? SAVE_DELAY_MS),
): StateCreator<PlaygroundState> {
  return (set, get, api) => {
    // The saved session replayed, or a fresh cluster with the editor text applied (sessionStart.ts).
    const start = startPlayground(deps);
    const { cluster, editorText, initial } = start;
    // Subscribe only after the start-up apply: the store does not exist yet while it runs.
    const binding = createClusterBinding(set);
    binding.attach(cluster);
    const cursorSlice = createCursorSlice(set, get, start.cursor);
    return {
      ...createClusterSlice(set, get, start.deps, binding, cluster),
      ...cursorSlice,
      following: start.cursor === cluster.steps.length - 1,
      ...createSettingsSlice(set),
      ...createSelectionSlice(set),
      ...createCommandsSlice(set, get),
      ...createFaultsSlice(set, get),
      ...createNamespaceSlice(set, get),
      ...createNetworkSlice(set, get),
      ...createEditorSlice(set, get, saver, {
        editorText,
        problems: initial && !initial.ok ? initial.errors : [],
        lastApplied: initial?.ok ? initial.results : null,
      }),
      ...createSessionSlice(set, get, api, start, binding),
      ...createClassroomSettingsSlice(set, get),
      ...createLessonSlice(set, get),
      // after the cursor slice: stepping by unit and through matching Steps wraps plain stepping
      ...createTimelineSlice(set, get, cursorSlice),
      ...createLanguageSlice(set, deps),
    };
  };
}

/** A vanilla (React-free) store, for tests and non-React callers. */
export function createPlaygroundStore(deps: PlaygroundDeps, saver?: DebouncedSaver): PlaygroundStore {
  return createStore<PlaygroundState>()(playgroundInitializer(deps, saver));
}
