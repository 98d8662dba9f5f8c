import { useId, useState } from 'react';
import type { Translate } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import type { ObjectRef } from '../../../store';
import { ActionsPanel } from './ActionsPanel';
import { CommandOutput } from './CommandOutput';
import { PAUSABLE_KINDS, ROLLOUT_KINDS, SCALABLE_KINDS, SUSPENDABLE_KINDS } from './actionKinds';

/** What the collapsed header promises for this kind, e.g. `scale · rollout · delete`. */
function offered(kind: string, t: Translate): string {
  return [
    SCALABLE_KINDS.has(kind) && t('actions.offerScale'),
    (ROLLOUT_KINDS.has(kind) || PAUSABLE_KINDS.has(kind)) && t('actions.offerRollout'),
    SUSPENDABLE_KINDS.has(kind) && t('actions.offerSuspend'),
    kind === 'Pod' && t('actions.offerFaults'),
    kind === 'Node' && t('actions.offerNode'),
    t('actions.offerDelete'),
  ].filter(Boolean).join(' · ');
}

/**
 * The Actions area at the foot of the inspector: a toggle that opens the kubectl commands for the
 * selected object, and the last command's output, which stays visible when the area is closed
 * (and after a delete removed the object). Open or closed is kept across selections.
 */
export function ActionsDrawer({ selection }: { selection: ObjectRef }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <section aria-label={t('actions.title')} className="mt-auto flex max-h-[55%] shrink-0 flex-col border-t border-slate-200 bg-slate-50/60">
      <div className="flex w-full items-center gap-2 hover:bg-slate-100">
        <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}
          className="flex shrink-0 items-center gap-2 py-2 pl-3 text-left">
          <span aria-hidden="true" className={`text-[10px] text-slate-500 transition-transform ${open ? 'rotate-90' : ''}`}>▶</span>
          <span className="text-[13px] font-semibold text-slate-800">{t('actions.title')}</span>
        </button>
        <span className="min-w-0 flex-1 cursor-pointer truncate pr-3 text-[12px] text-slate-500" onClick={() => setOpen((o) => !o)}>
          {offered(selection.kind, t)}
        </span>
      </div>
      <CommandOutput selection={selection} />
      {open && (
        <div id={panelId} className="min-h-0 flex-1 overflow-auto border-t border-slate-100 bg-white">
          <ActionsPanel selection={selection} />
        </div>
      )}
    </section>
  );
}
