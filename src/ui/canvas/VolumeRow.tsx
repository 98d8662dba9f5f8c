import { Fragment, memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import { CONTAINER_ROW, POD_WIDTH, VOLUME_ROW } from '../../graph/layout';
import { containerHandleId, containerRowTop, volumeHandleId, type MountLine, type PodMounts, type VolumeRowView } from '../../graph/storageMounts';
import type { PodData } from '../../graph/types';
import { messageParts } from '../../i18n/textParts';
import { useT } from '../../i18n/useT';
import { PartsText } from '../common/PartsText';

/** Short words for a volume's type, as a learner reads them next to the volume's name. */
const TYPE_TEXT: Record<string, string> = {
  persistentVolumeClaim: 'PVC', configMap: 'ConfigMap', secret: 'Secret', emptyDir: 'emptyDir', hostPath: 'hostPath',
  projected: 'projected', downwardAPI: 'downwardAPI', ephemeral: 'ephemeral',
};

/** Colour of a volume's mark and of its lines, by type (the type is always in the text too). */
const TYPE_COLOUR: Record<string, string> = {
  emptyDir: '#0d9488', persistentVolumeClaim: '#7c3aed', configMap: '#b45309', secret: '#be123c', hostPath: '#475569',
};
export const volumeColour = (type: string): string => TYPE_COLOUR[type] ?? '#0f766e';

/** Right edge of the rows inside a Pod card (its width less the 4px accent border, 1px border and padding). */
const ROWS_RIGHT = POD_WIDTH - 5 - 10;

/** Room the mount lines take on the right of the rows; rows are narrowed by it. */
export function mountGutter(lanes: number): number {
  return lanes ? 10 + lanes * laneSpacing(lanes) : 0;
}

function laneSpacing(lanes: number): number {
  return Math.min(5, 36 / lanes);
}

function markerId(colour: string): string {
  return `kp-mount-arrow-${colour.slice(1)}`;
}

function Path({ line, lanes, colour }: { line: MountLine; lanes: number; colour: string }) {
  const start = ROWS_RIGHT - mountGutter(lanes) + 2;
  const x = start + 6 + line.lane * laneSpacing(lanes);
  return (
    <path
      data-container={line.container}
      d={`M ${start} ${line.fromY} H ${x} V ${line.toY} H ${start + 1}`}
      markerEnd={`url(#${markerId(colour)})`}
      stroke={colour}
    />
  );
}

/** The lines from each volume to the containers that mount it (drawn over the card, not clickable). */
export function MountLines({ mounts }: { mounts: PodMounts }) {
  if (!mounts.lines.length) return null;
  return (
    <svg aria-hidden className="pointer-events-none absolute inset-0 h-full w-full overflow-visible" fill="none" strokeWidth={1.25}>
      <defs>
        {[...new Set(mounts.volumes.map((v) => volumeColour(v.type)))].map((colour) => (
          <marker key={colour} id={markerId(colour)} viewBox="0 0 6 6" refX="5" refY="3" markerWidth="5" markerHeight="5" orient="auto">
            <path d="M0,0 L6,3 L0,6 z" fill={colour} />
          </marker>
        ))}
      </defs>
      {mounts.volumes.map((v) => (
        <g key={v.volume.name} data-volume={v.volume.name}>
          {v.lines.map((l) => <Path key={`${l.container}:${l.path}`} line={l} lanes={mounts.lanes} colour={volumeColour(v.type)} />)}
          {v.lines.map((l) => (
            <circle key={`dot:${l.container}:${l.path}`} cx={ROWS_RIGHT - mountGutter(mounts.lanes) + 2} cy={l.fromY} r={1.75} fill={volumeColour(v.type)} />
          ))}
        </g>
      ))}
    </svg>
  );
}

function MountRow({ line }: { line: MountLine }) {
  const t = useT();
  return (
    <div role="group" aria-label={line.ariaLabel} className="flex items-center gap-1 pl-5 text-[11px] text-slate-500" style={{ height: VOLUME_ROW }}>
      <span aria-hidden className="text-slate-500">↳</span>
      <span className="min-w-0 truncate"><PartsText parts={messageParts((mark) => t('canvas.mountedIn', { container: mark(line.container) }))} wrapped /></span>
      <span translate="no" className="ml-auto shrink-0 font-mono text-slate-800">{line.path}</span>
      {line.readOnly && <span className="shrink-0 rounded bg-slate-100 px-0.5 text-[10px] text-slate-600">{t('canvas.readOnlyShort')}</span>}
    </div>
  );
}

/**
 * A volume of the Pod: name and source, then where it is mounted — on the same row when mounted
 * once, on a row per mount when shared — each joined by a line to its container.
 */
export const VolumeRow = memo(function VolumeRow({ view, gutter }: { view: VolumeRowView; gutter: number }) {
  const t = useT();
  const colour = volumeColour(view.type);
  const single = view.rows === 1 ? view.lines[0] : undefined;
  return (
    <div role="group" aria-label={view.ariaLabel} style={{ marginRight: gutter }}>
      <div
        className="flex items-center gap-1.5 text-[11px] text-slate-600"
        style={{ height: VOLUME_ROW }}
        title={t('canvas.volume', { name: view.volume.name, source: view.volume.source })}
      >
        <span aria-hidden className="h-2.5 w-2.5 shrink-0 rounded-[3px]" style={{ background: colour }} />
        <span translate="no" className="shrink-0 font-mono font-medium text-slate-800">{view.volume.name}</span>
        {/* the source's type (a field of the Pod spec) and what it names are data */}
        <span translate="no" className="min-w-0 truncate">
          {TYPE_TEXT[view.type] ?? view.type}
          {view.target && <span className="text-slate-500"> {view.target}</span>}
        </span>
        {view.shared && (
          <span className="shrink-0 rounded bg-teal-50 px-1 text-[10px] font-semibold text-teal-700 ring-1 ring-inset ring-teal-200">{t('canvas.volumeShared')}</span>
        )}
        {single && (
          <span role="group" aria-label={single.ariaLabel} className="ml-auto flex shrink-0 items-center gap-1">
            <span translate="no" className="font-mono text-slate-800">{single.path}</span>
            {single.readOnly && <span className="rounded bg-slate-100 px-0.5 text-[10px] text-slate-600">{t('canvas.readOnlyShort')}</span>}
          </span>
        )}
        {view.lines.length === 0 && <span className="ml-auto shrink-0 italic text-slate-500">{t('canvas.notMounted')}</span>}
      </div>
      {view.mountRows.map((l) => <MountRow key={`${l.container}:${l.path}`} line={l} />)}
    </div>
  );
});

/**
 * Connection points on the left and right edges of a Pod card, where edges meet one part of it: a
 * volume (from its ConfigMap or Secret, to its PersistentVolumeClaim) or a container (from the
 * ConfigMap or Secret its env or envFrom reads). The projection picks the side facing the other card.
 */
export const PodPartHandles = memo(function PodPartHandles({ pod, mounts }: { pod: Pick<PodData, 'initContainers' | 'containers'>; mounts: PodMounts }) {
  const containers = [...pod.initContainers, ...pod.containers];
  const sides = [['right', Position.Right], ['left', Position.Left]] as const;
  return (
    <>
      {sides.map(([side, position]) => (
        <Fragment key={side}>
          {mounts.volumes.map((v) => (
            <Fragment key={`vol:${v.volume.name}`}>
              <Handle type="source" id={volumeHandleId(v.volume.name, side)} position={position} isConnectable={false} className="kp-handle" style={{ top: v.centerY }} />
              <Handle type="target" id={volumeHandleId(v.volume.name, side)} position={position} isConnectable={false} className="kp-handle" style={{ top: v.centerY }} />
            </Fragment>
          ))}
          {containers.map((c, i) => (
            <Handle key={`ctr:${c.name}`} type="target" id={containerHandleId(c.name, side)} position={position} isConnectable={false}
              className="kp-handle" style={{ top: containerRowTop(i) + CONTAINER_ROW / 2 }} />
          ))}
        </Fragment>
      ))}
    </>
  );
});
