import { memo } from 'react';
import type { Step } from '../../../engine/api';
import type { StepGroup, StepGrouping } from '../../../projections/stepGroups';
import { formatVirtualTime } from '../../../projections/time';
import { useT } from '../../../i18n/useT';
import { ActorChip } from '../ActorChip';
import { messageAttrs, useStepMessage } from '../stepMessage';

interface StepGroupRowProps {
  group: StepGroup;
  grouping: StepGrouping;
  firstStep: Step;
  expanded: boolean;
  current: boolean;
  top: number;
  height: number;
  position: number;
  setSize: number;
  onSelect(index: number): void;
  onToggle(first: number): void;
}

/**
 * One row for a group of Steps (a reconcile, or a virtual second): its span, who acted and how
 * many Steps it holds. Choosing it shows the state after its last Step; the arrow lists its Steps.
 */
export const StepGroupRow = memo(function StepGroupRow(props: StepGroupRowProps) {
  const { group, grouping, firstStep, expanded, current, top, height, position, setSize, onSelect, onToggle } = props;
  const t = useT();
  const message = useStepMessage(firstStep.message);
  const n = group.members.length;
  const span = `#${group.first}–${group.last}`;
  // a second's row shows when the second starts
  const when = formatVirtualTime(grouping === 'second' ? Math.floor(group.start / 1000) * 1000 : group.start);
  const actors = group.actors.join(', ');
  const what = group.actors.length === 1
    ? <span {...messageAttrs(message)} className="min-w-0 flex-1 truncate">{message.text}</span>
    : <span translate="no" className="min-w-0 flex-1 truncate">{`${group.actors.slice(0, 4).join(', ')}${group.actors.length > 4 ? ', …' : ''}`}</span>;
  const who = group.actors.length === 1 ? <ActorChip actor={group.actors[0]} />
    : <span className="text-[12px] text-slate-600">{t('timeline.groupActors', { count: group.actors.length })}</span>;
  return (
    <div role="listitem" aria-current={current ? 'step' : undefined} aria-setsize={setSize} aria-posinset={position}
      data-group-first={group.first} data-group-last={group.last}
      className="absolute inset-x-0" style={{ top, height }}>
      <button type="button" tabIndex={current ? 0 : -1} onClick={() => onSelect(group.last)}
        title={t('timeline.groupTitle', { count: n, span, actors })}
        className={`flex h-full w-full items-center gap-3 border-l-4 pl-3 pr-3 text-left text-[13px] ${
          current ? 'border-indigo-500 bg-indigo-50 text-slate-900' : 'border-transparent text-slate-700 hover:bg-slate-50'}`}>
        <span className="w-12 shrink-0 text-right font-mono tabular-nums text-slate-600">#{group.first}</span>
        <span translate="no" className="w-20 shrink-0 font-mono tabular-nums text-slate-600">{when}</span>
        <span className="w-56 shrink-0 overflow-hidden">{who}</span>
        <span className="shrink-0 rounded bg-slate-200/70 px-1.5 text-[12px] font-medium text-slate-700">{t('timeline.groupSize', { count: n, span })}</span>
        {what}
        {current && <span className="sr-only">{t('timeline.currentGroup')}</span>}
      </button>
      {/* over the left of the index column, which the right-aligned number leaves free */}
      <button type="button" tabIndex={-1} onClick={() => onToggle(group.first)} aria-expanded={expanded}
        aria-label={expanded ? t('timeline.hideGroup', { count: n, span }) : t('timeline.showGroup', { count: n, span })}
        title={expanded ? t('timeline.hideGroupHint') : t('timeline.showGroupHint')}
        className="absolute inset-y-0 left-0.5 w-5 rounded text-[12px] text-slate-600 hover:bg-slate-200/70">
        <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
      </button>
    </div>
  );
});
