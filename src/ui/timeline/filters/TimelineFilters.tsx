import { useT } from '../../../i18n/useT';
import { usePlayground } from '../../../store';
import type { TimelineNotice } from '../../../store/timelineSlice';
import { Button } from '../../common/Button';
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
 * here), stepping along the selected object's history, and why the last move found nothing (with
 * "Skip to the next change" when it was only quiet for a while).
 */
export function TimelineFilters() {
  const t = useT();
  const notice = usePlayground((s) => s.timelineNotice);
  const { skipToNextChange } = usePlayground.getState();
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
      {notice?.code === 'quiet' && (
        <Button onClick={skipToNextChange} title={t('timelineFilters.skipToChangeHint')} className="shrink-0 !px-2 !py-1 text-[12px]">
          {t('timelineFilters.skipToChange')}
        </Button>
      )}
    </div>
  );
}
