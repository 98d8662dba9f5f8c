/** Largest file the editor opens; manifests are small, and Monaco slows on huge texts. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type FileReadResult = { ok: true; name: string; text: string } | { ok: false; message: string };

/** Reads a file a person picked or dropped, as the editor's new text. */
export async function readYamlFile(file: File): Promise<FileReadResult> {
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, message: `${file.name} is too large to open (${Math.round(file.size / 1024)} KB; the limit is 2 MB).` };
  }
  try {
    return { ok: true, name: file.name, text: await file.text() };
  } catch (err) {
    return { ok: false, message: `Could not read ${file.name}: ${err instanceof Error ? err.message : String(err)}` };
  }
}
