import type { KubectlEventRow } from '../../projections/kubectlEvents';
import { eventsHeader } from '../../projections/kubectlEventsText';
import { StepDetailObjectLink } from './StepDetailObjectLink';

/**
 * `kubectl get events` columns as a table; the OBJECT cell selects the object. Headers and cells
 * are kubectl's output (data, English): never translated.
 */
export function EventsListTable({ rows, allNamespaces }: { rows: readonly KubectlEventRow[]; allNamespaces: boolean }) {
  const header = eventsHeader(allNamespaces);
  return (
    <table className="w-full border-collapse text-left text-[12px]">
      <thead lang="en" translate="no" className="sticky top-0 bg-slate-100 text-[11px] font-semibold tracking-wide text-slate-600">
        <tr>{header.map((h) => <th key={h} scope="col" className="whitespace-nowrap px-2 py-1">{h}</th>)}</tr>
      </thead>
      <tbody translate="no" className="font-mono">
        {rows.map((r, i) => {
          const warning = r.type === 'Warning';
          return (
            <tr key={`${r.uid}-${i}`} className={`border-t border-slate-100 align-top ${warning ? 'bg-amber-50' : ''}`}>
              {allNamespaces && <td className="whitespace-nowrap px-2 py-0.5 text-slate-600">{r.namespace}</td>}
              <td className="whitespace-nowrap px-2 py-0.5 tabular-nums text-slate-600">{r.lastSeen}</td>
              <td className={`whitespace-nowrap px-2 py-0.5 ${warning ? 'font-semibold text-amber-800' : 'text-slate-600'}`}>
                {warning && <span aria-hidden="true">⚠ </span>}{r.type}
              </td>
              <td className="whitespace-nowrap px-2 py-0.5 font-semibold text-slate-800">{r.reason}</td>
              <td className="whitespace-nowrap px-2 py-0.5">{r.involved ? <StepDetailObjectLink target={r.involved} /> : r.object}</td>
              <td lang="en" className="min-w-[16rem] break-words px-2 py-0.5 font-sans text-[12.5px] text-slate-800">{r.message}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
