import { applySummaryLines, usePlayground } from '../../store';
import { revealInEditor } from './revealInEditor';

/**
 * The outcome of the last apply: the API server's messages (role=alert) when it failed, or
 * kubectl's summary (`deployment.apps/web created`) when it worked.
 */
export function ApplyStatus({ fileError }: { fileError: string | null }) {
  const problems = usePlayground((s) => s.problems);
  const lastApplied = usePlayground((s) => s.lastApplied);

  if (fileError) {
    return (
      <div role="alert" className="border-t border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-800">
        {fileError}
      </div>
    );
  }
  if (problems.length > 0) {
    return (
      <div role="alert" aria-label="Apply errors" className="max-h-48 overflow-auto border-t border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-900">
        <p className="mb-1 flex items-center gap-1.5 font-semibold">
          <span aria-hidden="true">✕</span> Apply failed; nothing was changed
        </p>
        <ul className="space-y-1.5">
          {problems.map((p, i) => (
            <li key={i} className="font-mono text-[12.5px] leading-snug whitespace-pre-wrap break-words">
              {p.line !== undefined && (
                <button
                  type="button"
                  onClick={() => revealInEditor(p.line!, p.column)}
                  title="Show this line in the editor"
                  className="mr-1.5 rounded bg-red-100 px-1 font-sans text-[11px] font-medium text-red-700 hover:bg-red-200 hover:underline"
                >
                  line {p.line}
                  {p.column !== undefined ? `:${p.column}` : ''}
                </button>
              )}
              {p.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (lastApplied) {
    return (
      <div role="status" aria-label="Apply result" className="max-h-32 overflow-auto border-t border-emerald-200 bg-emerald-50 px-3 py-2 text-[13px] text-emerald-900">
        {lastApplied.length === 0 ? (
          <p>Applied: the text has no objects.</p>
        ) : (
          <ul className="font-mono text-[12.5px] leading-snug">
            {applySummaryLines(lastApplied).map((line, i) => (
              <li key={i}>
                <span aria-hidden="true" className="mr-1.5 text-emerald-600">✓</span>
                {line}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return null;
}
