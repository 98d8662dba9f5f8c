import { MAX_SESSION_FILE_BYTES, SESSION_FILE_SUFFIX, SESSION_FILE_TYPE, readSessionFile, sessionFileName, sessionFileText } from '../../share/file';
import { usePlayground } from '../../store';
import { Button } from '../common/Button';
import { downloadText } from './download';
import { ExportIcon, ICON_ONLY, ImportIcon } from './icons';

/** "Export session": downloads the whole session (settings, journal, Step) as a `.kubeplay.json` file. */
export function ExportSessionButton() {
  const exportSession = () => {
    const { captureSession, showSessionNotice } = usePlayground.getState();
    const session = captureSession();
    const name = sessionFileName(session);
    downloadText(name, sessionFileText(session), SESSION_FILE_TYPE);
    showSessionNotice('info', `Saved the session as ${name}.`);
  };
  return (
    <Button onClick={exportSession} aria-label="Export session" className={ICON_ONLY}
      title={`Export session: download the manifests, commands, cluster settings and Step as a ${SESSION_FILE_SUFFIX} file`}>
      <ExportIcon />
    </Button>
  );
}

/** Reads a chosen session file and opens it; a file that holds no session changes nothing. */
export async function importSessionFile(file: File): Promise<void> {
  const { openSession, rejectSession } = usePlayground.getState();
  const from = `the file “${file.name}”`;
  if (file.size > MAX_SESSION_FILE_BYTES) {
    rejectSession(from, `it is ${Math.round(file.size / 1024 / 1024)} MB, larger than any session`);
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    rejectSession(from, 'the browser could not read it');
    return;
  }
  const read = readSessionFile(text);
  if (read.ok) openSession(read.session, from);
  else rejectSession(from, read.message);
}

/**
 * "Import session": the file input itself, inside a label drawn as an icon button (the label's
 * text names the input, so tests and assistive tools reach it as "Import session").
 */
export function ImportSessionButton() {
  return (
    <label
      title={`Import session: open a ${SESSION_FILE_SUFFIX} file saved with "Export session"`}
      className={`${ICON_ONLY} inline-flex cursor-pointer items-center rounded-md bg-white text-slate-700 ring-1 ring-inset ring-slate-300 transition-colors hover:bg-slate-50 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-indigo-500`}
    >
      <ImportIcon />
      <span className="sr-only">Import session</span>
      <input
        type="file"
        accept={`${SESSION_FILE_SUFFIX},.json,application/json`}
        className="sr-only"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // choosing the same file again still fires change
          if (file) void importSessionFile(file);
        }}
      />
    </label>
  );
}
