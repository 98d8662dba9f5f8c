import { messageParts, type TextPart } from '../../i18n/textParts';
import type { Translate } from '../../i18n/types';
import { useT } from '../../i18n/useT';
import { applySummaryLines, usePlayground } from '../../store';
import { PartsText } from '../common/PartsText';
import type { FileReadError } from './readYamlFile';
import { revealInEditor } from './revealInEditor';

/** Why a file did not open, in the UI's language; its name and the browser's own (English) error kept as data. */
function fileErrorParts(error: FileReadError, t: Translate): TextPart[] {
  return messageParts((mark) => error.reason === 'tooLarge'
    ? t('editor.fileTooLarge', { name: mark(error.name), size: error.sizeKb })
    : t('editor.fileUnreadable', { name: mark(error.name), error: mark(error.detail, 'english') }));
}

/**
 * The outcome of the last apply: the API server's messages (role=alert) when it failed, or
 * kubectl's summary (`deployment.apps/web created`) when it worked.
 */
export function ApplyStatus({ fileError }: { fileError: FileReadError | null }) {
  const t = useT();
  const problems = usePlayground((s) => s.problems);
  const lastApplied = usePlayground((s) => s.lastApplied);

  if (fileError) {
    return (
      <div role="alert" className="border-t border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-800">
        <PartsText parts={fileErrorParts(fileError, t)} />
      </div>
    );
  }
  if (problems.length > 0) {
    return (
      <div role="alert" aria-label={t('editor.applyErrors')} className="max-h-48 overflow-auto border-t border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-900">
        <p className="mb-1 flex items-center gap-1.5 font-semibold">
          <span aria-hidden="true">✕</span> {t('editor.applyFailed')}
        </p>
        <ul className="space-y-1.5">
          {problems.map((p, i) => (
            <li key={i} className="font-mono text-[12.5px] leading-snug whitespace-pre-wrap break-words">
              {p.line !== undefined && (
                <button
                  type="button"
                  onClick={() => revealInEditor(p.line!, p.column)}
                  title={t('editor.showLine')}
                  className="mr-1.5 rounded bg-red-100 px-1 font-sans text-[11px] font-medium text-red-700 hover:bg-red-200 hover:underline"
                >
                  {p.column !== undefined ? t('editor.lineColumn', { line: p.line, column: p.column }) : t('editor.line', { line: p.line })}
                </button>
              )}
              <span lang="en" translate="no">{p.message}</span>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (lastApplied) {
    return (
      <div role="status" aria-label={t('editor.applyResult')} className="max-h-32 overflow-auto border-t border-emerald-200 bg-emerald-50 px-3 py-2 text-[13px] text-emerald-900">
        {lastApplied.length === 0 ? (
          <p>{t('editor.appliedNothing')}</p>
        ) : (
          <ul className="font-mono text-[12.5px] leading-snug">
            {applySummaryLines(lastApplied).map((line, i) => (
              <li key={i}>
                <span aria-hidden="true" className="mr-1.5 text-emerald-600">✓</span>
                <span lang="en" translate="no">{line}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return null;
}
