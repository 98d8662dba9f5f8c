import { failureText, secondText, type GeneratorRow } from '../../projections/networkTraffic';
import { usePlayground } from '../../store';
import { Button } from '../common/Button';

/** The generators running at the cursor, each with its last second and a Stop button. */
export function GeneratorList({ rows }: { rows: GeneratorRow[] }) {
  const stopTraffic = usePlayground((s) => s.stopTraffic);
  if (rows.length === 0) return <p className="text-[12.5px] text-slate-500">No traffic is being sent at this Step.</p>;
  return (
    <ul aria-label="Running traffic generators" className="space-y-1.5">
      {rows.map((r) => (
        <li key={r.id} className="rounded-md border border-slate-200 px-2 py-1.5 text-[12.5px] leading-snug">
          <div className="flex items-start gap-2">
            <p className="min-w-0 flex-1 text-slate-800">
              <span className="mr-1 font-mono text-[11.5px] font-semibold text-indigo-700">{r.id}</span>
              {r.text}
            </p>
            <Button className="shrink-0 !px-2 !py-0.5" aria-label={`Stop ${r.id}`} onClick={() => stopTraffic(r.id)}>Stop</Button>
          </div>
          {r.last && (
            <p className="mt-0.5 text-[12px] text-slate-600">
              Last second: {secondText(r.last)}
            </p>
          )}
          {r.last?.failures.map((f) => (
            <p key={`${f.outcome}|${f.at}|${f.reason}`} className="text-[12px] text-rose-700">
              <span aria-hidden="true">✕ </span>{failureText(f)}
            </p>
          ))}
        </li>
      ))}
    </ul>
  );
}
