import { useT } from '../../i18n/useT';
import type { EventObject } from '../../projections/events';
import { involvedRef } from '../../projections/stepDiffObjects';
import { StepDetailObjectLink } from './StepDetailObjectLink';

/**
 * The Events a Step emitted: type (marked, not only coloured), reason, the object, the message.
 * Type, reason and message are Kubernetes' own English: data, never translated.
 */
export function StepDetailEvents({ events, texts }: { events: EventObject[]; texts: string[] }) {
  const t = useT();
  if (events.length === 0 && texts.length === 0) return null;
  const label = <span className="mr-1.5 text-[11px] font-semibold uppercase tracking-wide text-slate-500">{t('stepDetail.event')}</span>;
  return (
    <section aria-label={t('stepDetail.eventsEmitted')} className="mt-1">
      <h4 className="sr-only">{t('stepDetail.eventsEmitted')}</h4>
      <ul className="space-y-0.5">
        {events.length === 0
          ? texts.map((text, i) => <li key={i} className="text-[13px] text-slate-700">{label}<span lang="en" translate="no">{text}</span></li>)
          : events.map((e) => {
            const ref = involvedRef(e);
            const warning = e.type === 'Warning';
            return (
              <li key={e.metadata.uid} className={`rounded text-[13px] leading-snug ${warning ? 'bg-amber-50' : ''}`}>
                {label}
                <span translate="no" className={`mr-1.5 text-[12px] font-medium ${warning ? 'text-amber-800' : 'text-slate-500'}`}>
                  <span aria-hidden="true">{warning ? '⚠ ' : ''}</span>{e.type}
                </span>
                <span translate="no" className="mr-1.5 font-semibold text-slate-900">{e.reason}</span>
                {ref && <StepDetailObjectLink target={ref} className="mr-1.5" />}
                {(e.count ?? 1) > 1 && <span className="mr-1.5 text-[12px] text-slate-500">{t('stepDetail.seenTimes', { count: e.count ?? 1 })}</span>}
                <span lang="en" translate="no" className="break-words text-slate-700">{e.message}</span>
              </li>
            );
          })}
      </ul>
    </section>
  );
}
