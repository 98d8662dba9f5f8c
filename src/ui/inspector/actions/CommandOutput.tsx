import { useT } from '../../../i18n/useT';
import { usePlayground, type ObjectRef } from '../../../store';

const sameRef = (a: ObjectRef, b: ObjectRef) =>
  a.kind === b.kind && a.name === b.name && (a.namespace ?? 'default') === (b.namespace ?? 'default');

/**
 * What the last command from the inspector printed, as a terminal shows it: the kubectl command
 * line, then its output (or error). Shown while the object it ran on is selected, even after a
 * delete removed it. Announced politely to screen readers.
 */
export function CommandOutput({ selection }: { selection: ObjectRef }) {
  const t = useT();
  const outcome = usePlayground((s) => s.lastCommand);
  const cluster = usePlayground((s) => s.cluster);
  const clear = usePlayground((s) => s.clearCommandOutput);
  const shown = outcome && outcome.cluster === cluster && sameRef(outcome.ref, selection) ? outcome : null;
  return (
    <div role="status" aria-label={t('actions.commandOutput')} className="px-3">
      {shown && (
        <div key={shown.id}
          className={`mb-2 flex items-start gap-2 rounded-md border px-2.5 py-1.5 font-mono text-[12px] leading-[1.45] ${
            shown.ok ? 'border-slate-200 bg-slate-50 text-slate-800' : 'border-rose-200 bg-rose-50 text-rose-800'}`}>
          {/* what kubectl printed stays as kubectl prints it */}
          <div translate="no" lang="en" className="min-w-0 flex-1">
            <p className="break-words text-slate-500"><span aria-hidden="true">$ </span>{shown.command}</p>
            <p className="whitespace-pre-wrap break-words">{shown.message}</p>
          </div>
          <button type="button" onClick={clear} aria-label={t('actions.dismissOutput')} title={t('actions.dismiss')}
            className="-mr-1 shrink-0 rounded px-1 font-sans text-[14px] leading-5 text-slate-400 hover:bg-slate-200/70 hover:text-slate-700">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
