import type { VolumeData } from '../../graph/types';
import { VOLUME_ROW } from '../../graph/layout';

/** A volume of the Pod and the containers that mount it (`app:/data`). */
export function VolumeRow({ volume }: { volume: VolumeData }) {
  const mounts = volume.mounts.map((m) => `${m.container}:${m.path}${m.readOnly ? ' (ro)' : ''}`).join(', ');
  return (
    <div
      role="group"
      aria-label={`volume ${volume.name} (${volume.source})`}
      title={`volume ${volume.name} (${volume.source})\n${mounts ? `mounted by ${mounts}` : 'not mounted'}`}
      className="flex items-center gap-1.5 text-[11px] text-slate-600"
      style={{ height: VOLUME_ROW }}
    >
      <span className="shrink-0 rounded bg-teal-50 px-1 text-[10px] font-semibold text-teal-700 ring-1 ring-inset ring-teal-200">vol</span>
      <span className="shrink-0 font-mono text-slate-800">{volume.name}</span>
      <span className="min-w-0 truncate">
        {volume.source}
        {mounts && <span className="text-slate-500"> → {mounts}</span>}
      </span>
    </div>
  );
}
