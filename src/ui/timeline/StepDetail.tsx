import { useMemo, useState } from 'react';
import { useCurrentStep, usePlayground } from '../../store';
import type { DiffOptions } from '../../projections/stepDiff';
import { changedObjects, emittedEvents } from '../../projections/stepDiffObjects';
import { formatVirtualTime } from '../../projections/time';
import { ActorChip } from './ActorChip';
import { StepDetailChanges } from './StepDetailChanges';
import { StepDetailEvents } from './StepDetailEvents';

function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange(on: boolean): void }) {
  return (
    <label className="flex items-center gap-1 text-[12px] text-slate-600">
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
  const step = useCurrentStep();
  const cluster = usePlayground((s) => s.cluster);
  const [showAll, setShowAll] = useState(false);
  const [showNoisy, setShowNoisy] = useState(false);
  const options = useMemo<DiffOptions>(() => ({ context: showAll ? 'all' : 'changes', showNoisy }), [showAll, showNoisy]);

  const data = useMemo(() => {
    if (!step) return null;
    const before = step.index > 0 ? cluster.at(step.index - 1) : undefined;
    const after = cluster.at(step.index);
    return { changes: changedObjects(step, before, after), events: emittedEvents(step, before, after) };
  }, [cluster, step]);

  if (!step || !data) {
    return (
      <section aria-label="Step detail" className="p-3 text-[13px] text-slate-500">
        No Step yet. Apply some YAML, then step forward to see what each Step did and why.
      </section>
    );
  }
  return (
    <section aria-label="Step detail" className="min-h-0 flex-1 overflow-y-auto px-3 py-2">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <h3 className="text-[13px] font-semibold text-slate-900">Step #{step.index}</h3>
        <span className="font-mono text-[12px] tabular-nums text-slate-500">t = {formatVirtualTime(step.time)}</span>
        <span className="min-w-0 max-w-[16rem]"><ActorChip actor={step.actor} /></span>
        <span className="ml-auto flex items-center gap-3">
          <Toggle label="Unchanged fields" checked={showAll} onChange={setShowAll} />
          <Toggle label="Noisy fields" checked={showNoisy} onChange={setShowNoisy} />
        </span>
      </div>
      <p className="mt-1 whitespace-pre-wrap break-words text-[13px] leading-snug text-slate-800">
        {step.message}
      </p>
      <StepDetailEvents events={data.events} texts={step.events} />
      <StepDetailChanges changes={data.changes} options={options} />
    </section>
  );
}
