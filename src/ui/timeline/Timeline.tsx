import { useT } from '../../i18n/useT';
import { usePlayground } from '../../store';
import { EventsList } from './EventsList';
import { TimelineFilters } from './filters/TimelineFilters';
import { TimelineTabs } from './filters/TimelineTabs';
import { PlaybackControls } from './PlaybackControls';
import { Scrubber } from './Scrubber';
import { StepDetail } from './StepDetail';
import { StepList } from './StepList';
import { useTimelineKeys } from './useTimelineKeys';

/**
 * The timeline pane: playback controls, the scrubber over all Steps, the filters, then either the
 * list of Steps beside the current Step's detail, or the cluster's Events.
 */
export function Timeline() {
  useTimelineKeys();
  const t = useT();
  const tab = usePlayground((s) => s.timelineTab);
  return (
    <div data-timeline-root className="flex h-full flex-col">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1.5 px-3 py-2">
        <h2 className="sr-only">{t('layout.timeline')}</h2>
        <PlaybackControls />
        <Scrubber />
      </div>
      <div className="flex items-center gap-x-3 border-t border-slate-200 px-3 py-1">
        <TimelineTabs />
        <TimelineFilters />
      </div>
      <div role="tabpanel" id={`timeline-panel-${tab}`} aria-labelledby={`timeline-tab-${tab}`}
        className="flex min-h-0 flex-1 border-t border-slate-200">
        {tab === 'steps' ? (
          <>
            <div className="flex min-h-0 min-w-0 flex-1 flex-col"><StepList /></div>
            <div className="flex min-h-0 w-[46%] min-w-[320px] flex-col border-l border-slate-200 bg-slate-50/50"><StepDetail /></div>
          </>
        ) : (
          <EventsList />
        )}
      </div>
    </div>
  );
}
