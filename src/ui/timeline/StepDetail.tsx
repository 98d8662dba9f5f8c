import { useCallback, useMemo, useRef, useState } from 'react';
import { useCurrentStep, usePlayground } from '../../store';
import type { DiffOptions } from '../../projections/stepDiff';
import { changedObjects, emittedEvents } from '../../projections/stepDiffObjects';
import { formatVirtualTime } from '../../projections/time';
import { useT } from '../../i18n/useT';
import { ActorChip } from './ActorChip';
import { StepDetailChanges } from './StepDetailChanges';
import { StepDetailEvents } from './StepDetailEvents';
import { StepDetailPopout } from './StepDetailPopout';
import { messageAttrs, useStepMessage } from './stepMessage';

function Toggle({ label, title, checked, onChange }: { label: string; title: string; checked: boolean; onChange(on: boolean): void }) {
  return (
    <label className="flex items-center gap-1 text-[12px] text-slate-600" title={title}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="accent-indigo-600" />
      {label}
    </label>
  );
}

/**
 * The Step at the cursor, explained: who acted and when, the engine's message (the rule that
 * fired, with its numbers), the Events it emitted, and each object it wrote with a link and a
 * diff from before the Step to after it.
 */
export function StepDetail() {
  const t = useT();
  const step = useCurrentStep();
  const message = useStepMessage(step?.message ?? '');
  const cluster = usePlayground((s) => s.cluster);
  const [showAll, setShowAll] = useState(false);
  const [showNoisy, setShowNoisy] = useState(false);
  const [popped, setPopped] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setPopped(false), []);
  const options = useMemo<DiffOptions>(() => ({ context: showAll ? 'all' : 'changes', showNoisy }), [showAll, showNoisy]);

  const data = useMemo(() => {
    if (!step) return null;
    const before = step.index > 0 ? cluster.at(step.index - 1) : undefined;
    const after = cluster.at(step.index);
    return { changes: changedObjects(step, before, after), events: emittedEvents(step, before, after) };
  }, [cluster, step]);

  if (!step || !data) {
    return (
      <section aria-label={t('stepDetail.region')} className="p-3 text-[13px] text-slate-500">
        {t('stepDetail.empty')}
      </section>
    );
  }
  const content = (
    <section aria-label={t('stepDetail.region')} className="min-h-0 flex-1 overflow-y-auto px-3 py-1.5">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <h3 className="text-[13px] font-semibold text-slate-900">{t('stepDetail.heading', { step: step.index })}</h3>
        <span translate="no" className="font-mono text-[12px] tabular-nums text-slate-500">t = {formatVirtualTime(step.time)}</span>
        <span className="min-w-0 max-w-[16rem]"><ActorChip actor={step.actor} /></span>
        <span className="ml-auto flex items-center gap-3">
          <Toggle label={t('stepDetail.unchangedFields')} title={t('stepDetail.unchangedFieldsHint')} checked={showAll} onChange={setShowAll} />
          <Toggle label={t('stepDetail.noisyFields')} title={t('stepDetail.noisyFieldsHint')} checked={showNoisy} onChange={setShowNoisy} />
          <button type="button" onClick={() => setPopped(!popped)} aria-pressed={popped}
            title={popped ? t('stepDetail.dockHint') : t('stepDetail.enlargeHint')}
            className="rounded px-1.5 text-[12px] font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50">
            {popped ? t('stepDetail.dock') : t('stepDetail.enlarge')}
          </button>
        </span>
      </div>
      <p {...messageAttrs(message)} className="mt-0.5 whitespace-pre-wrap break-words text-[13px] leading-snug text-slate-800">
        {message.text}
      </p>
      <StepDetailEvents events={data.events} texts={step.events} />
      <StepDetailChanges changes={data.changes} options={options} />
    </section>
  );
  return (
    <div ref={frame} className="flex min-h-0 flex-1 flex-col">
      {popped ? (
        <>
          <p className="p-3 text-[12px] text-slate-500">{t('stepDetail.enlargedAbove', { step: step.index })}</p>
          <StepDetailPopout anchor={frame} onClose={close}>{content}</StepDetailPopout>
        </>
      ) : content}
    </div>
  );
}
