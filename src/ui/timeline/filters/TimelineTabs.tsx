import { useRef, type KeyboardEvent } from 'react';
import { useT } from '../../../i18n/useT';
import type { Translate } from '../../../i18n/translate';
import { usePlayground } from '../../../store';
import type { TimelineTab } from '../../../store/timelineSlice';

const TABS: readonly TimelineTab[] = ['steps', 'events'];

function tabLabel(tab: TimelineTab, t: Translate): string {
  return tab === 'steps' ? t('timeline.steps') : t('timelineFilters.eventsTab');
}

/** Steps (the list and the current Step's detail) or Events (`kubectl get events`); ←/→ switch. */
export function TimelineTabs() {
  const t = useT();
  const tab = usePlayground((s) => s.timelineTab);
  const setTab = usePlayground((s) => s.setTimelineTab);
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + 1) % TABS.length];
    setTab(next);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={t('timelineFilters.views')} className="flex rounded-md bg-slate-100 p-0.5" onKeyDown={onKeyDown}>
      {TABS.map((id) => (
        <button key={id} ref={(el) => { refs.current[id] = el; }} type="button" role="tab" id={`timeline-tab-${id}`}
          aria-selected={id === tab} aria-controls={`timeline-panel-${id}`} tabIndex={id === tab ? 0 : -1}
          onClick={() => setTab(id)}
          className={`rounded px-2.5 py-0.5 text-[13px] font-medium ${id === tab ? 'bg-white text-indigo-700 shadow-sm' : 'text-slate-600 hover:text-slate-900'}`}>
          {tabLabel(id, t)}
        </button>
      ))}
    </div>
  );
}
