import { useRef, type KeyboardEvent } from 'react';
import { usePlayground } from '../../../store';
import type { TimelineTab } from '../../../store/timelineSlice';

const TABS: { id: TimelineTab; label: string }[] = [
  { id: 'steps', label: 'Steps' },
  { id: 'events', label: 'Events' },
];

/** Steps (the list and the current Step's detail) or Events (`kubectl get events`); ←/→ switch. */
export function TimelineTabs() {
  const tab = usePlayground((s) => s.timelineTab);
  const setTab = usePlayground((s) => s.setTimelineTab);
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const next = TABS[(TABS.findIndex((t) => t.id === tab) + 1) % TABS.length].id;
    setTab(next);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label="Timeline views" className="flex rounded-md bg-slate-100 p-0.5" onKeyDown={onKeyDown}>
      {TABS.map((t) => (
        <button key={t.id} ref={(el) => { refs.current[t.id] = el; }} type="button" role="tab" id={`timeline-tab-${t.id}`}
          aria-selected={t.id === tab} aria-controls={`timeline-panel-${t.id}`} tabIndex={t.id === tab ? 0 : -1}
          onClick={() => setTab(t.id)}
          className={`rounded px-2.5 py-0.5 text-[13px] font-medium ${t.id === tab ? 'bg-white text-indigo-700 shadow-sm' : 'text-slate-600 hover:text-slate-900'}`}>
          {t.label}
        </button>
      ))}
    </div>
  );
}
