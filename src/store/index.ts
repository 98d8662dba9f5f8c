import { useMemo } from 'react';
import { create } from 'zustand';
import type { ClusterView, Step } from '../engine/api';
import { createCluster } from '../engine/index';
import { DEMO_MANIFEST } from '../demo/demoManifest';
import { SAVE_DELAY_MS, playgroundInitializer } from './createStore';
import { createDebouncedSaver } from './persistence';
import type { PlaygroundState, TextStorage } from './types';
import { stepAt, viewAt } from './view';

export type { AppliedObject, ObjectRef, PlaygroundState } from './types';
export * from './selectors';
export { applySummaryLines, resourceName } from './applySummary';

function browserStorage(): TextStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // access itself can throw when storage is blocked
  }
}

const storage = browserStorage();
const saver = createDebouncedSaver(storage, SAVE_DELAY_MS);
// A reload right after typing must not lose the last keystrokes to the debounce.
if (typeof window !== 'undefined') window.addEventListener('pagehide', saver.flush);

/** The one playground store (zustand hook): cluster, timeline cursor, selection, editor, settings. */
export const usePlayground = create<PlaygroundState>()(
  playgroundInitializer({ createCluster, demoText: DEMO_MANIFEST, storage }, saver),
);

/** The cluster as of the Step at the cursor. */
export function useView(): ClusterView {
  const cluster = usePlayground((s) => s.cluster);
  const version = usePlayground((s) => s.version);
  const cursor = usePlayground((s) => s.cursor);
  // version is a dependency on purpose: the live view (before any Step) must be rebuilt on change
  return useMemo(() => viewAt(cluster, cursor), [cluster, version, cursor]);
}

/** The Step the cursor is on; undefined before the first Step. */
export function useCurrentStep(): Step | undefined {
  return usePlayground((s) => stepAt(s.cluster, s.cursor));
}
