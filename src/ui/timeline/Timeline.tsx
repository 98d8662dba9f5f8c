import { PlaybackControls } from './PlaybackControls';
import { Scrubber } from './Scrubber';
import { StepList } from './StepList';
import { useTimelineKeys } from './useTimelineKeys';

/** The timeline pane: playback controls, the scrubber over all Steps, and the list of Steps. */
export function Timeline() {
  useTimelineKeys();
  return (
    <div className="flex h-full flex-col">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1.5 px-3 py-2">
        <h2 className="sr-only">Timeline</h2>
        <PlaybackControls />
        <Scrubber />
      </div>
      <StepList />
    </div>
  );
}
