import type { NetworkCommandOutcome } from '../../store/networkSlice';
import { useT } from '../../i18n/useT';
import { usePlayground } from '../../store';

/** What the last network command of this `kind` printed (start, stop, load; or proxy mode), announced politely. */
export function NetworkOutput({ kind }: { kind: NetworkCommandOutcome['kind'] }) {
  const t = useT();
  const outcome = usePlayground((s) => s.lastNetworkCommand);
  const cluster = usePlayground((s) => s.cluster);
  const clear = usePlayground((s) => s.clearNetworkOutput);
  const shown = outcome && outcome.cluster === cluster && outcome.kind === kind ? outcome : null;
  return (
    <div role="status" aria-label={t('network.commandOutput')}>
      {shown && (
        <div key={shown.id} className={`mt-2 flex items-start gap-2 rounded-md border px-2.5 py-1.5 font-mono text-[12px] leading-[1.45] ${
          shown.ok ? 'border-slate-200 bg-slate-50 text-slate-800' : 'border-rose-200 bg-rose-50 text-rose-800'}`}>
          {/* the command line and what the engine answered: tool output, never translated */}
          <div translate="no" lang="en" className="min-w-0 flex-1">
            <p className="break-words text-slate-500"><span aria-hidden="true">$ </span>{shown.command}</p>
            <p className="whitespace-pre-wrap break-words">{shown.message}</p>
          </div>
          <button type="button" onClick={clear} aria-label={t('network.dismissOutput')} title={t('network.dismiss')}
            className="-mr-1 shrink-0 rounded px-1 font-sans text-[14px] leading-5 text-slate-400 hover:bg-slate-200/70 hover:text-slate-700">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
