import { useId, useMemo, useState } from 'react';
import { diffObjects, type DiffOptions } from '../../projections/stepDiff';
import type { ChangedObject } from '../../projections/stepDiffObjects';
import { StepDetailDiff } from './StepDetailDiff';
import { StepDetailObjectLink } from './StepDetailObjectLink';

const VERB: Record<ChangedObject['type'], string> = { ADDED: 'created', MODIFIED: 'changed', DELETED: 'deleted' };
const VERB_TONE: Record<ChangedObject['type'], string> = {
  ADDED: 'bg-emerald-100 text-emerald-800', MODIFIED: 'bg-sky-100 text-sky-800', DELETED: 'bg-rose-100 text-rose-800',
};

/** Diffs of more objects than this start folded (the bootstrap Step writes a dozen). */
const OPEN_LIMIT = 3;

function ChangedObjectDiff({ change, options, initiallyOpen }: { change: ChangedObject; options: DiffOptions; initiallyOpen: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const diff = useMemo(() => diffObjects(change.before, change.after, options), [change, options]);
  const name = `${change.ref.kind.toLowerCase()}/${change.ref.name}`;
  const panel = useId();
  return (
    <li className="rounded border border-slate-200 bg-slate-50/60">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5 px-1 py-0.5 text-[13px]">
        <button type="button" aria-expanded={open} aria-controls={panel} onClick={() => setOpen(!open)}
          title={open ? 'Hide the diff' : 'Show the diff'}
          className="flex items-center gap-1.5 rounded px-1 hover:bg-slate-200/60">
          <span aria-hidden="true" className="w-3 text-[11px] text-slate-500">{open ? '▾' : '▸'}</span>
          <span className={`rounded px-1.5 text-[11px] font-semibold uppercase ${VERB_TONE[change.type]}`}>{VERB[change.type]}</span>{' '}
          <span className="text-slate-500">{change.ref.kind}</span>
          <span className="sr-only">{`: ${open ? 'hide' : 'show'} the diff of ${name}`}</span>
        </button>
        <StepDetailObjectLink target={change.ref} />
        {change.ref.namespace && <span className="text-[12px] text-slate-500">in {change.ref.namespace}</span>}
        <span className="ml-auto font-mono text-[12px] tabular-nums text-slate-500" title={`${diff.added} lines added, ${diff.removed} removed`}>
          +{diff.added} −{diff.removed}
        </span>
      </div>
      {open && (
        <div id={panel} className="px-2 pb-2">
          <StepDetailDiff diff={diff} label={`Diff of ${name}`} />
        </div>
      )}
    </li>
  );
}

/** Each object the Step wrote: a link to it and its diff, before → after (status included). */
export function StepDetailChanges({ changes, options }: { changes: ChangedObject[]; options: DiffOptions }) {
  if (changes.length === 0) {
    return <p className="mt-2 text-[12px] text-slate-500">This Step wrote no API object (it changed only runtime or network state).</p>;
  }
  return (
    <section aria-label="Objects changed" className="mt-1.5">
      <h4 className="sr-only">Objects changed ({changes.length})</h4>
      <ul className="space-y-1.5">
        {changes.map((c, i) => (
          <ChangedObjectDiff key={`${c.ref.kind}/${c.ref.namespace ?? ''}/${c.ref.name}`} change={c} options={options} initiallyOpen={i < OPEN_LIMIT} />
        ))}
      </ul>
    </section>
  );
}
