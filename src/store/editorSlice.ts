import type { ApplyResult, Cluster } from '../engine/api';
import type { DebouncedSaver } from './persistence';
import type { EditorSlice, SliceGet, SliceSet } from './types';

/**
 * Applies text, turning an unexpected engine exception into a problem the learner can see
 * instead of a blank page (the engine reports ordinary mistakes as values).
 */
export function safeApply(cluster: Cluster, text: string): ApplyResult {
  try {
    return cluster.apply(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, errors: [{ message: `internal error while applying: ${message}` }] };
  }
}

export function createEditorSlice(
  set: SliceSet,
  get: SliceGet,
  saver: DebouncedSaver,
  initial: Pick<EditorSlice, 'editorText' | 'problems' | 'lastApplied'>,
): EditorSlice {
  return {
    ...initial,
    applyText() {
      const { cluster, editorText } = get();
      const result = safeApply(cluster, editorText);
      if (result.ok) {
        // Show what the apply did: the cursor jumps to the newest Step and follows again.
        set({ problems: [], lastApplied: result.results, cursor: cluster.steps.length - 1, following: true });
      } else {
        set({ problems: result.errors, lastApplied: null });
      }
      return result;
    },
    setEditorText(text) {
      if (text === get().editorText) return;
      set({ editorText: text });
      saver.save(text);
    },
  };
}
