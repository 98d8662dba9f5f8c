/**
 * A read-only window hook for browser tests: it reports state, it never drives the app (tests
 * drive the page the way a person does). Each part of the app adds its own readers.
 */
export interface MarkerInfo {
  owner: string;
  message: string;
  severity: number;
  startLineNumber: number;
  startColumn: number;
}

export interface PlaygroundProbe {
  /** A JSON-safe summary of the store. */
  state?(): {
    editorText: string;
    cursor: number;
    stepCount: number;
    following: boolean;
    playing: boolean;
    problems: { message: string; line?: number; column?: number }[];
    version: number;
  };
  /** Names of the objects of a kind in the newest state (`namespace/name`). */
  objects?(kind: string): string[];
  /** Every Monaco marker of the editor model (owners: `yaml` from monaco-yaml, `kubectl-apply`). */
  markers?(): MarkerInfo[];
  /** The text of the Monaco model. */
  editorModelText?(): string;
  /** Where the editor's cursor is (1-based). */
  editorCursor?(): { lineNumber: number; column: number } | null;
}

declare global {
  interface Window {
    __kubePlayground?: PlaygroundProbe;
  }
}

export function exposeProbe(part: PlaygroundProbe): void {
  if (typeof window === 'undefined') return;
  window.__kubePlayground = { ...window.__kubePlayground, ...part };
}
