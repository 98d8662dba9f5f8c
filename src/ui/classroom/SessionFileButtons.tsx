import { MAX_SESSION_FILE_BYTES, SESSION_FILE_SUFFIX, SESSION_FILE_TYPE, readSessionFile, sessionFileName, sessionFileText } from '../../share/file';
import { useT } from '../../i18n/useT';
import { usePlayground } from '../../store';
import { Button } from '../common/Button';
import { downloadText } from './download';
import { ExportIcon, ICON_ONLY, ImportIcon } from './icons';

/** "Export session": downloads the whole session (settings, journal, Step) as a `.kubeplay.json` file. */
export function ExportSessionButton() {
  const t = useT();
  const exportSession = () => {
    const { captureSession, showSessionNotice } = usePlayground.getState();
    const session = captureSession();
    const name = sessionFileName(session);
    downloadText(name, sessionFileText(session), SESSION_FILE_TYPE);
    showSessionNotice({ code: 'exported', name }); // worded in the UI's language when shown
  };
  return (
    <Button onClick={exportSession} aria-label={t('classroom.export')} className={ICON_ONLY}
      title={t('classroom.exportHint', { suffix: SESSION_FILE_SUFFIX })}>
      <ExportIcon />
    </Button>
  );
}

/** Reads a chosen session file and opens it; a file that holds no session changes nothing. */
export async function importSessionFile(file: File): Promise<void> {
  const { openSession, rejectSession } = usePlayground.getState();
  const from = { from: 'file', name: file.name } as const;
  if (file.size > MAX_SESSION_FILE_BYTES) {
    rejectSession(from, { code: 'tooLarge', bytes: file.size });
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    rejectSession(from, { code: 'unreadable' });
    return;
  }
  const read = readSessionFile(text);
  if (read.ok) openSession(read.session, from);
  else rejectSession(from, read.problem);
}

/**
 * "Import session": the file input itself, inside a label drawn as an icon button (the label's
 * text names the input, so tests and assistive tools reach it as "Import session").
 */
export function ImportSessionButton() {
  const t = useT();
  return (
    <label
      title={t('classroom.importHint', { suffix: SESSION_FILE_SUFFIX })}
      className={`${ICON_ONLY} inline-flex cursor-pointer items-center rounded-md bg-white text-slate-700 ring-1 ring-inset ring-slate-300 transition-colors hover:bg-slate-50 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-indigo-500`}
    >
      <ImportIcon />
      <span className="sr-only">{t('classroom.import')}</span>
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
