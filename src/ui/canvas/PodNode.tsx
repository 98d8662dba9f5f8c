import { memo, useMemo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { POD_ENDPOINT_HANDLE, POD_OWNER_HANDLE } from '../../graph/edges';
import { CONTAINER_ROW, POD_HEADER, REASON_ROW } from '../../graph/layout';
import { laneId } from '../../graph/ids';
import type { PodData } from '../../graph/types';
import { useT } from '../../i18n/useT';
import { podMounts } from '../../graph/storageMounts';
import { messageParts } from '../../i18n/textParts';
import { PartsText } from '../common/PartsText';
import { ContainerRow } from './ContainerRow';
import { usePodPartClick } from '../inspector/container/usePodPartClick';
import { SandboxRow } from './SandboxRow';
import { MountLines, PodPartHandles, VolumeRow, mountGutter } from './VolumeRow';
import { TONES } from './tone';
import { RevisionChip } from './WorkloadNode';

export type PodFlowNode = Node<PodData, 'pod'>;

/**
 * A Pod card: name, STATUS and READY as kubectl prints them, then the pause container (the
 * network namespace holder) with the init containers in order and the app containers hanging off it.
 * Its accessible name and role sit on React Flow's wrapper element (see the projection).
 */
export const PodNode = memo(function PodNode({ data, selected, parentId }: NodeProps<PodFlowNode>) {
  const t = useT();
  const tone = TONES[data.tone];
  const rows = [...data.initContainers, ...data.containers];
  const inLane = parentId === laneId;
  const mounts = useMemo(() => podMounts(data, t), [data, t]);
  const gutter = mountGutter(mounts.lanes);
  const onPartClick = usePodPartClick(data);
  return (
    <div
      onClick={onPartClick}
      className={[
        'kp-enter relative flex h-full w-full flex-col overflow-hidden rounded-lg border border-l-4 bg-white px-2.5 shadow-sm',
        'transition-[opacity,border-color,box-shadow] duration-500',
        tone.border,
        data.terminating ? 'border-dashed border-slate-300 opacity-55' : 'border-slate-200',
        selected ? 'ring-[3px] ring-inset ring-indigo-500' : '',
      ].join(' ')}
    >
      {/* Edges end here: owners on the left half, Services on the right half. */}
      <Handle type="target" id={POD_OWNER_HANDLE} position={Position.Top} isConnectable={false} className="kp-handle" style={{ left: '30%' }} />
      <Handle type="target" id={POD_ENDPOINT_HANDLE} position={Position.Top} isConnectable={false} className="kp-handle" style={{ left: '70%' }} />
      <PodPartHandles pod={data} mounts={mounts} />
      {data.revision && (
        <span aria-hidden className="absolute inset-x-0 top-0 h-[3px]" style={{ background: data.revision.colour, opacity: data.revision.newest ? 1 : 0.5 }} />
      )}
      <div className="flex flex-col justify-center gap-1" style={{ height: POD_HEADER }}>
        <div className="flex items-center gap-1.5">
          <span aria-hidden className="text-[10px] font-semibold uppercase tracking-wide text-slate-500">Pod</span>
          <span translate="no" className="min-w-0 flex-1 truncate text-[13px] font-semibold text-slate-900" title={`${data.namespace}/${data.name}`}>
            {data.name}
          </span>
          {data.namespace !== 'default' && <span translate="no" className="truncate text-[11px] text-slate-500">{data.namespace}</span>}
          {data.revision && <RevisionChip revision={data.revision} />}
          <span className="shrink-0 rounded bg-slate-100 px-1 text-[11px] font-medium tabular-nums text-slate-700" title={t('canvas.readyColumn')}>
            <span translate="no">{data.ready}</span>
          </span>
        </div>
        <div className="flex items-center gap-1.5 text-[12px]">
          <span className={`flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 font-medium ring-1 ring-inset transition-colors duration-500 ${tone.chip}`}>
            <span aria-hidden>{tone.icon}</span>
            <span translate="no">{data.status}</span>
          </span>
          {data.status !== data.phase && (
            <span className="min-w-0 truncate text-[11px] text-slate-500">
              <PartsText parts={messageParts((mark) => t('canvas.phase', { phase: mark(data.phase) }))} wrapped />
            </span>
          )}
          {data.restarts > 0 && <span className="ml-auto shrink-0 text-[11px] text-rose-700">↻ {data.restarts}</span>}
        </div>
      </div>
      <SandboxRow sandbox={data.sandbox} />
      <div className="relative ml-[12px]">
        {rows.length > 0 && (
          <span aria-hidden className="absolute -top-1 left-0 w-px bg-indigo-300" style={{ height: (rows.length - 0.5) * CONTAINER_ROW + 4 }} />
        )}
        {rows.map((c) => (
          <div key={`${c.type}/${c.name}`} data-container={c.name} title={t('canvas.inspectContainer', { name: c.name })} className="cursor-pointer overflow-hidden rounded hover:bg-indigo-50/70" style={{ marginRight: gutter }}>
            <ContainerRow container={c} />
          </div>
        ))}
      </div>
      {mounts.volumes.map((v) => <VolumeRow key={v.volume.name} view={v} gutter={gutter} />)}
      <MountLines mounts={mounts} />
      {inLane && data.pendingReason && (
        <div style={{ height: REASON_ROW, paddingTop: 6 }}>
          {/* the scheduler's own message stays as it wrote it (English); the UI's words follow the language */}
          <p className="line-clamp-2 text-[11px] leading-tight text-amber-800" title={data.pendingReason}
            {...(data.pendingReasonFromCluster ? { translate: 'no', lang: 'en' } as const : {})}>
            {data.pendingReason}
          </p>
        </div>
      )}
    </div>
  );
});
