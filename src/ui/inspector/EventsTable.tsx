import type { EventRow } from '../../projections/events';

/** The object's Events as a table: Type (icon and word), Reason, Age, From, Message. */
export function EventsTable({ rows, objectName }: { rows: EventRow[]; objectName: string }) {
  if (rows.length === 0) {
    return <p className="px-3 py-3 text-[13px] text-slate-500">No Events for {objectName} at this Step.</p>;
  }
  return (
    <div className="min-h-0 flex-1 overflow-auto">
      <table aria-label={`Events of ${objectName}`} className="w-full border-collapse text-left text-[13px]">
        <thead className="sticky top-0 bg-slate-50 text-[12px] uppercase tracking-wide text-slate-500">
          <tr>
            {['Type', 'Reason', 'Age', 'From', 'Message'].map((h) => (
              <th key={h} scope="col" className="px-2 py-1.5 font-semibold first:pl-3">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.uid} className={`border-t border-slate-100 align-top ${r.type === 'Warning' ? 'bg-amber-50/60' : ''}`}>
              <td className="whitespace-nowrap px-2 py-1.5 pl-3">
                <span aria-hidden="true" className={r.type === 'Warning' ? 'text-amber-600' : 'text-slate-400'}>
                  {r.type === 'Warning' ? '⚠ ' : '• '}
                </span>
                {r.type}
              </td>
              <td className="whitespace-nowrap px-2 py-1.5 font-medium text-slate-800">{r.reason}</td>
              <td className="whitespace-nowrap px-2 py-1.5 tabular-nums text-slate-600">{r.age}</td>
              <td className="whitespace-nowrap px-2 py-1.5 text-slate-600">{r.from}</td>
              <td className="min-w-[16rem] px-2 py-1.5 text-slate-800">{r.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
