import type { TextStorage } from './types';

export const EDITOR_TEXT_KEY = 'kube-playground:editor-text';

/** The saved editor text, or null when nothing was saved (an empty saved text is still a text). */
export function loadEditorText(storage: TextStorage | null | undefined): string | null {
  if (!storage) return null;
  try {
    return storage.getItem(EDITOR_TEXT_KEY);
  } catch {
    return null; // storage disabled (private mode, sandboxed frame): start from the demo
  }
}

export interface DebouncedSaver {
  save(text: string): void;
  /** Writes a pending save now (on page hide, so a quick reload keeps the last keystrokes). */
  flush(): void;
}

/** Saves the editor text at most once per `delayMs` of quiet typing. */
export function createDebouncedSaver(storage: TextStorage | null | undefined, delayMs: number): DebouncedSaver {
  let pending: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending === null || !storage) return;
    const text = pending;
    pending = null;
    try {
      storage.setItem(EDITOR_TEXT_KEY, text);
    } catch {
      // quota exceeded or storage disabled: the text simply is not kept
    }
  };
  return {
    save(text) {
      pending = text;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
  };
}

/** The session (cluster settings, journal of engine calls, timeline position), encoded as in share links. */
export const SESSION_KEY = 'kube-playground:session';

/** What is stored under `key`, or null (nothing stored, or storage disabled). */
export function loadStored(storage: TextStorage | null | undefined, key: string): string | null {
  if (!storage) return null;
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

export interface LazySaver {
  /** Marks the value as changed; `produce` runs once the changes pause (or on flush). */
  save(produce: () => string): void;
  flush(): void;
}

/** Like the editor's saver, for values costly to build: only the last `produce` runs, after `delayMs` of quiet. */
export function createLazySaver(storage: TextStorage | null | undefined, key: string, delayMs: number): LazySaver {
  let pending: (() => string) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending === null || !storage) return;
    const produce = pending;
    pending = null;
    try {
      storage.setItem(key, produce());
    } catch {
      // quota exceeded or storage disabled: the session simply is not kept
    }
  };
  return {
    save(produce) {
      pending = produce;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
  };
}
