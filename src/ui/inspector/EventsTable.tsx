import { useT } from '../../i18n/useT';
import type { EventRow } from '../../projections/events';

/**
 * The object's Events, oldest first, one card each: Type (icon and word), Reason, Age, From, and
 * the Message below — kubectl's columns, laid out to read well in a narrow pane.
 */
export function EventsTable({ rows, objectName }: { rows: EventRow[]; objectName: string }) {
  const t = useT();
  if (rows.length === 0) {
    return <p className="px-3 py-3 text-[13px] text-slate-500">{t('inspector.noEvents', { object: objectName })}</p>;
  }
  return (
    <ol aria-label={t('inspector.eventsOf', { object: objectName })} className="min-h-0 flex-1 divide-y divide-slate-100 overflow-auto">
      {rows.map((r) => {
        const warning = r.type === 'Warning';
        return (
          <li key={r.uid} className={`px-3 py-2 text-[13px] ${warning ? 'bg-amber-50/70' : ''}`}>
            <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
              <span className={`inline-flex items-center gap-1 text-[12px] font-medium ${warning ? 'text-amber-800' : 'text-slate-500'}`}>
                <span aria-hidden="true">{warning ? '⚠' : '●'}</span>
                <span translate="no">{r.type}</span>
              </span>
              <span translate="no" lang="en" className="font-semibold text-slate-900">{r.reason}</span>
              <span translate="no" className="tabular-nums text-slate-500" title={t('inspector.lastSeen')}>{r.age}</span>
              <span className="ml-auto text-[12px] text-slate-500">{t('inspector.from', { source: r.from })}</span>
            </div>
            <p translate="no" lang="en" className="mt-0.5 break-words text-slate-700">{r.message}</p>
          </li>
        );
      })}
    </ol>
  );
}
