import { useId, useMemo, useState } from 'react';
import { messageParts } from '../../i18n/textParts';
import { useT } from '../../i18n/useT';
import type { Translate } from '../../i18n/translate';
import { diffObjects, type DiffOptions } from '../../projections/stepDiff';
import { PartsText } from '../common/PartsText';
import type { ChangedObject } from '../../projections/stepDiffObjects';
import { StepDetailDiff } from './StepDetailDiff';
import { StepDetailObjectLink } from './StepDetailObjectLink';

function verb(type: ChangedObject['type'], t: Translate): string {
  if (type === 'ADDED') return t('stepDetail.created');
  if (type === 'DELETED') return t('stepDetail.deleted');
  return t('stepDetail.changed');
}
const VERB_TONE: Record<ChangedObject['type'], string> = {
  ADDED: 'bg-emerald-100 text-emerald-800', MODIFIED: 'bg-sky-100 text-sky-800', DELETED: 'bg-rose-100 text-rose-800',
};

/** Diffs of more objects than this start folded (the bootstrap Step writes a dozen). */
const OPEN_LIMIT = 3;

function ChangedObjectDiff({ change, options, initiallyOpen }: { change: ChangedObject; options: DiffOptions; initiallyOpen: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(initiallyOpen);
  const diff = useMemo(() => diffObjects(change.before, change.after, options), [change, options]);
  const name = `${change.ref.kind.toLowerCase()}/${change.ref.name}`;
  const { namespace } = change.ref;
  const panel = useId();
  return (
    <li className="rounded border border-slate-200 bg-slate-50/60">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5 px-1 py-0.5 text-[13px]">
        <button type="button" aria-expanded={open} aria-controls={panel} onClick={() => setOpen(!open)}
          title={open ? t('stepDetail.hideDiff') : t('stepDetail.showDiff')}
          className="flex items-center gap-1.5 rounded px-1 hover:bg-slate-200/60">
          <span aria-hidden="true" className="w-3 text-[11px] text-slate-500">{open ? '▾' : '▸'}</span>
          <span className={`rounded px-1.5 text-[11px] font-semibold uppercase ${VERB_TONE[change.type]}`}>{verb(change.type, t)}</span>{' '}
          <span translate="no" className="text-slate-500">{change.ref.kind}</span>
          <span className="sr-only">{open ? t('stepDetail.hideDiffOf', { name }) : t('stepDetail.showDiffOf', { name })}</span>
        </button>
        <StepDetailObjectLink target={change.ref} />
        {namespace && (
          <span className="text-[12px] text-slate-500">
            <PartsText parts={messageParts((mark) => t('stepDetail.inNamespace', { namespace: mark(namespace) }))} />
          </span>
        )}
        <span className="ml-auto font-mono text-[12px] tabular-nums text-slate-500"
          title={t('stepDetail.linesChanged', { added: diff.added, removed: diff.removed })}>
          +{diff.added} −{diff.removed}
        </span>
      </div>
      {open && (
        <div id={panel} className="px-2 pb-2">
          <StepDetailDiff diff={diff} label={t('stepDetail.diffOf', { name })} />
        </div>
      )}
    </li>
  );
}

/** Each object the Step wrote: a link to it and its diff, before → after (status included). */
export function StepDetailChanges({ changes, options }: { changes: ChangedObject[]; options: DiffOptions }) {
  const t = useT();
  if (changes.length === 0) {
    return <p className="mt-2 text-[12px] text-slate-500">{t('stepDetail.noObjectWritten')}</p>;
  }
  return (
    <section aria-label={t('stepDetail.objectsChanged')} className="mt-1.5">
      <h4 className="sr-only">{t('stepDetail.objectsChangedCount', { count: changes.length })}</h4>
      <ul className="space-y-1.5">
        {changes.map((c, i) => (
          <ChangedObjectDiff key={`${c.ref.kind}/${c.ref.namespace ?? ''}/${c.ref.name}`} change={c} options={options} initiallyOpen={i < OPEN_LIMIT} />
        ))}
      </ul>
    </section>
  );
}
