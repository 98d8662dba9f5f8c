import { useT } from '../../../i18n/useT';
import { usePlayground } from '../../../store';
import type { TimelineNotice } from '../../../store/timelineSlice';
import { PartsText } from '../../common/PartsText';
import { FilterChips } from './FilterChips';
import { FilterFields } from './FilterFields';
import { FilterPopover } from './FilterPopover';
import { timelineNoticeParts } from './filterText';
import { GroupingSelect } from './GroupingSelect';
import { ObjectStepButtons } from './ObjectStepButtons';

/** Why the last move found nothing, in words (the object it names shown as data). */
function Notice({ notice }: { notice: TimelineNotice }) {
  const t = useT();
  return <PartsText parts={timelineNoticeParts(notice, t)} dataClassName="font-mono" />;
}

/**
 * The timeline's reading controls in one line: granularity, the filters (in a panel, their chips
 * here), stepping along the selected object's history, and why the last move found nothing.
 */
export function TimelineFilters() {
  const t = useT();
  const notice = usePlayground((s) => s.timelineNotice);
  const count = usePlayground((s) => [s.stepFilter.actor, s.stepFilter.object, s.stepFilter.namespace].filter((v) => v !== null).length);
  return (
    <div className="flex min-w-0 flex-1 items-center gap-x-3">
      <GroupingSelect />
      <FilterPopover title={t('timelineFilters.title')}
        label={<>{t('timelineFilters.button')}{count > 0 && <span className="rounded-full bg-indigo-600 px-1.5 text-[11px] leading-4 text-white">{count}</span>}</>}>
        <FilterFields />
      </FilterPopover>
      <FilterChips />
      <ObjectStepButtons />
      <p role="status" className="min-w-0 truncate text-[12px] text-amber-800">{notice ? <Notice notice={notice} /> : ''}</p>
    </div>
  );
}
