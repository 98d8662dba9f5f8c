import type { MountRow } from '../../../projections/containerEnvMounts';

/** What the container finds at each mount path. */
export function MountList({ rows }: { rows: MountRow[] }) {
  if (!rows.length) return <p className="px-3 py-1 pb-3 text-[12px] italic text-slate-500">No volumes mounted.</p>;
  return (
    <ul aria-label="Mounts" className="flex flex-col gap-1.5 px-3 py-1 pb-3 text-[12px]">
      {rows.map((m) => (
        <li key={`${m.path}/${m.volume}`} className="rounded border border-slate-200 px-2 py-1">
          <div className="flex flex-wrap items-center gap-1.5">
            <span className="font-mono font-semibold text-slate-900">{m.path}</span>
            {m.readOnly && <span className="rounded bg-slate-100 px-1 text-[11px] text-slate-600">read-only</span>}
            {m.subPath && <span className="text-[11px] text-slate-500">subPath {m.subPath}</span>}
          </div>
          <p className="text-slate-600">
            volume <span className="font-mono">{m.volume}</span>: {m.source}
          </p>
          {m.files.length > 0 && <p className="break-all font-mono text-[11px] text-slate-500">{m.files.join('  ')}</p>}
          {m.sharedWith.length > 0 && <p className="text-[11px] text-teal-700">shared with {m.sharedWith.join(', ')}</p>}
          {m.problem && <p className="text-[11px] text-rose-700">{m.problem}</p>}
        </li>
      ))}
    </ul>
  );
}
