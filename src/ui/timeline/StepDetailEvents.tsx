import type { EventObject } from '../../projections/events';
import { involvedRef } from '../../projections/stepDiffObjects';
import { StepDetailObjectLink } from './StepDetailObjectLink';

/** The Events a Step emitted: type (marked, not only coloured), reason, the object, the message. */
export function StepDetailEvents({ events, texts }: { events: EventObject[]; texts: string[] }) {
  if (events.length === 0 && texts.length === 0) return null;
  return (
    <section aria-label="Events emitted" className="mt-1">
      <h4 className="sr-only">Events emitted</h4>
      <ul className="space-y-0.5">
        {events.length === 0
          ? texts.map((t, i) => <li key={i} className="text-[13px] text-slate-700"><span className="mr-1.5 text-[11px] font-semibold uppercase tracking-wide text-slate-500">Event</span>{t}</li>)
          : events.map((e) => {
            const ref = involvedRef(e);
            const warning = e.type === 'Warning';
            return (
              <li key={e.metadata.uid} className={`rounded text-[13px] leading-snug ${warning ? 'bg-amber-50' : ''}`}>
                <span className="mr-1.5 text-[11px] font-semibold uppercase tracking-wide text-slate-500">Event</span>
                <span className={`mr-1.5 text-[12px] font-medium ${warning ? 'text-amber-800' : 'text-slate-500'}`}>
                  <span aria-hidden="true">{warning ? '⚠ ' : ''}</span>{e.type}
                </span>
                <span className="mr-1.5 font-semibold text-slate-900">{e.reason}</span>
                {ref && <StepDetailObjectLink target={ref} className="mr-1.5" />}
                {(e.count ?? 1) > 1 && <span className="mr-1.5 text-[12px] text-slate-500">(seen {e.count} times)</span>}
                <span className="break-words text-slate-700">{e.message}</span>
              </li>
            );
          })}
      </ul>
    </section>
  );
}
