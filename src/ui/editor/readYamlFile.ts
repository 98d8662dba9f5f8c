/** Largest file the editor opens; manifests are small, and Monaco slows on huge texts. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Why a file could not be opened, as data: the pane words it in the UI's language when it shows it. */
export type FileReadError =
  | { reason: 'tooLarge'; name: string; sizeKb: number }
  | { reason: 'unreadable'; name: string; detail: string };

export type FileReadResult = { ok: true; name: string; text: string } | { ok: false; error: FileReadError };

/** Reads a file a person picked or dropped, as the editor's new text. */
export async function readYamlFile(file: File): Promise<FileReadResult> {
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, error: { reason: 'tooLarge', name: file.name, sizeKb: Math.round(file.size / 1024) } };
  }
  try {
    return { ok: true, name: file.name, text: await file.text() };
  } catch (err) {
    return { ok: false, error: { reason: 'unreadable', name: file.name, detail: err instanceof Error ? err.message : String(err) } };
  }
}
