import { createStore, type StateCreator } from 'zustand/vanilla';
import { createClusterBinding, createClusterSlice } from './clusterSlice';
import { createCommandsSlice } from './commandsSlice';
import { createCursorSlice } from './cursorSlice';
import { createEditorSlice, safeApply } from './editorSlice';
import { createNamespaceSlice } from './namespaceSlice';
import { createNetworkSlice } from './networkSlice';
import { createDebouncedSaver, loadEditorText, type DebouncedSaver } from './persistence';
import { createSelectionSlice, createSettingsSlice } from './smallSlices';
import type { PlaygroundDeps, PlaygroundState, PlaygroundStore } from './types';

export const SAVE_DELAY_MS = 400;

/**
 * The whole playground state. On start: a fresh cluster; the saved editor text, or the demo
 * manifest when nothing was saved; that text applied (a failed apply changes nothing and its
 * errors are shown); playback paused at the newest Step.
 */
export function playgroundInitializer(
  deps: PlaygroundDeps,
  saver: DebouncedSaver = createDebouncedSaver(deps.storage, deps.saveDelayMs ?? SAVE_DELAY_MS),
): StateCreator<PlaygroundState> {
  return (set, get) => {
    const cluster = deps.createCluster();
    const editorText = loadEditorText(deps.storage) ?? deps.demoText;
    const initial = editorText.trim() === '' ? undefined : safeApply(cluster, editorText);
    // Subscribe only after the start-up apply: the store does not exist yet while it runs.
    const binding = createClusterBinding(set);
    binding.attach(cluster);
    return {
      ...createClusterSlice(set, get, deps, binding, cluster),
      ...createCursorSlice(set, get, cluster.steps.length - 1),
      ...createSettingsSlice(set),
      ...createSelectionSlice(set),
      ...createCommandsSlice(set, get),
      ...createNamespaceSlice(set, get),
      ...createNetworkSlice(set, get),
      ...createEditorSlice(set, get, saver, {
        editorText,
        problems: initial && !initial.ok ? initial.errors : [],
        lastApplied: initial?.ok ? initial.results : null,
      }),
    };
  };
}

/** A vanilla (React-free) store, for tests and non-React callers. */
export function createPlaygroundStore(deps: PlaygroundDeps, saver?: DebouncedSaver): PlaygroundStore {
  return createStore<PlaygroundState>()(playgroundInitializer(deps, saver));
}
