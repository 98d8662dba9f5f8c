import { displayValue, type EnvRow } from '../../../projections/containerEnv';

function state(row: EnvRow): string | undefined {
  if (row.absent) return 'not set: optional, and missing';
  if (row.overridden) return 'overridden by a later definition';
  return undefined;
}

/**
 * The variables in the order the kubelet builds them (envFrom, env, then Service links): name,
 * value (a Secret's masked unless revealed), and under the value where it comes from.
 */
export function EnvTable({ rows, reveal }: { rows: EnvRow[]; reveal: boolean }) {
  if (!rows.length) return <p className="px-3 py-1 text-[12px] italic text-slate-500">No variables.</p>;
  return (
    <table aria-label="Environment variables" className="mx-3 my-1 table-fixed border-collapse text-left text-[12px]" style={{ width: 'calc(100% - 1.5rem)' }}>
      <thead>
        <tr className="border-b border-slate-200 text-[11px] uppercase tracking-wide text-slate-500">
          <th className="w-[45%] py-0.5 font-medium">Name</th>
          <th className="py-0.5 font-medium">Value · from</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          const note = state(r);
          const muted = r.overridden || r.absent;
          const value = displayValue(r, reveal);
          return (
            <tr key={`${r.name}/${i}`} className={`border-b border-slate-100 align-top ${muted ? 'text-slate-400' : 'text-slate-800'}`} title={note}>
              <td className={`py-0.5 pr-2 font-mono [overflow-wrap:anywhere] ${muted ? 'line-through' : ''}`}>{r.name}</td>
              <td className="py-0.5 [overflow-wrap:anywhere]">
                <span className="font-mono">
                  {r.secret && !reveal && r.value !== ''
                    ? <span title="A Secret value: turn on Reveal secrets to read it" className="text-rose-700">{value}<span className="sr-only"> (hidden Secret value)</span></span>
                    : value || <span className="font-sans italic text-slate-400">empty</span>}
                </span>
                <span className="block text-[11px] text-slate-500">{r.from}</span>
                {r.problem && <span className="block text-[11px] text-rose-700">{r.problem}</span>}
                {r.note && <span className="block text-[11px] text-slate-500">{r.note}</span>}
                {note && <span className="block text-[11px] italic">{note}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
