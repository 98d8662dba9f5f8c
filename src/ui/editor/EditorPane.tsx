import { Suspense, lazy, useCallback, useEffect, useState, type DragEvent } from 'react';
import { useT } from '../../i18n/useT';
import { usePlayground } from '../../store';
import { Button, shortcutLabel } from '../common/Button';
import { ApplyStatus } from './ApplyStatus';
import { OpenFileButton } from './OpenFileButton';
import { readYamlFile, type FileReadError } from './readYamlFile';

// Monaco is about 1 MB gzip: it loads in its own chunk after the first screen.
const YamlEditor = lazy(() => import('./YamlEditor'));

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

/** The left pane: the manifest editor with Apply, Open YAML file, drag-and-drop and the apply outcome. */
export function EditorPane() {
  const applyText = usePlayground((s) => s.applyText);
  const setEditorText = usePlayground((s) => s.setEditorText);
  const [dragging, setDragging] = useState(false);
  const [fileError, setFileError] = useState<FileReadError | null>(null);
  const t = useT();

  const apply = useCallback(() => {
    setFileError(null);
    applyText();
  }, [applyText]);

  const openFile = useCallback(
    async (file: File) => {
      const result = await readYamlFile(file);
      setFileError(result.ok ? null : result.error);
      if (result.ok) setEditorText(result.text);
    },
    [setEditorText],
  );

  // Ctrl/Cmd+S applies from anywhere in the app (capture phase: before Monaco, instead of the browser's Save).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        e.stopPropagation();
        apply();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [apply]);

  // Capture handlers run before Monaco's own drop handling, so a dropped file replaces the text.
  const dropHandlers = {
    onDragOverCapture: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    onDragLeaveCapture: (e: DragEvent) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
    },
    onDropCapture: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      setDragging(false);
      const file = e.dataTransfer.files[0];
      if (file) void openFile(file);
    },
  };

  return (
    <section aria-label={t('editor.pane')} className="flex h-full min-h-0 flex-col bg-white">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
        <h2 className="mr-auto text-[13px] font-semibold text-slate-700">{t('editor.title')}</h2>
        <OpenFileButton onFile={(f) => void openFile(f)} />
        <Button variant="primary" onClick={apply} aria-keyshortcuts="Control+S Meta+S" title={t('editor.applyHint', { shortcut: shortcutLabel('S') })}>
          <span aria-hidden="true">▶</span>
          {t('editor.apply')}
          <kbd aria-hidden="true" translate="no" className="ml-1 rounded bg-indigo-500/60 px-1 font-sans text-[11px] font-normal">{shortcutLabel('S')}</kbd>
        </Button>
      </div>
      <div className="relative min-h-0 flex-1" {...dropHandlers}>
        <Suspense fallback={<p className="p-4 text-slate-500">{t('editor.loading')}</p>}>
          <YamlEditor />
        </Suspense>
        {dragging && (
          <div className="pointer-events-none absolute inset-2 flex items-center justify-center rounded-lg border-2 border-dashed border-indigo-400 bg-indigo-50/85 text-[14px] font-medium text-indigo-800">
            {t('editor.drop')}
          </div>
        )}
      </div>
      <ApplyStatus fileError={fileError} />
    </section>
  );
}
