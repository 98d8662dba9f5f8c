import { memo } from 'react';
import { getBezierPath, Handle, Position, type Edge, type EdgeProps, type Node, type NodeProps } from '@xyflow/react';
import { CARD_HANDLES } from '../../graph/storageEdges';
import type { ConfigEdgeData, StorageData, StorageEdgeData, StorageLink } from '../../graph/storageTypes';
import { isOnlyData, partsText } from '../../i18n/textParts';
import { useT } from '../../i18n/useT';
import { PartsText } from '../common/PartsText';
import { TONES } from './tone';

export type StorageFlowNode = Node<StorageData, 'storage'>;
export type StorageFlowEdge = Edge<StorageEdgeData, 'storage'>;

const ACCENT: Record<StorageData['kind'], string> = {
  PersistentVolumeClaim: 'border-l-violet-500', PersistentVolume: 'border-l-violet-300', StorageClass: 'border-l-slate-500',
};

/**
 * A PersistentVolumeClaim, PersistentVolume or StorageClass: kind and name, kubectl's STATUS,
 * capacity and access modes, its class, and what a Pending claim waits for. Accessible name:
 * `PersistentVolumeClaim data, Bound to pvc-…`, `PersistentVolume pvc-…, Bound, 1Gi RWO`,
 * `StorageClass standard (default)`.
 */
export const StorageNode = memo(function StorageNode({ data, selected }: NodeProps<StorageFlowNode>) {
  const t = useT();
  const tone = TONES[data.tone];
  return (
    <div
      className={[
        'kp-enter relative flex h-full w-full flex-col justify-center gap-0.5 overflow-hidden rounded-lg border border-l-4 bg-white px-2.5 shadow-sm',
        'transition-[opacity,border-color,box-shadow] duration-500',
        ACCENT[data.kind],
        data.missing ? 'border-dashed border-rose-300 bg-rose-50/60' : data.status === 'Terminating' ? 'border-dashed border-slate-300 opacity-60' : 'border-slate-300',
        selected ? 'ring-[3px] ring-inset ring-indigo-500' : '',
      ].join(' ')}
    >
      <Handle type="target" id={CARD_HANDLES.inTop} position={Position.Top} isConnectable={false} className="kp-handle" />
      <Handle type="target" id={CARD_HANDLES.inLeft} position={Position.Left} isConnectable={false} className="kp-handle" />
      <Handle type="source" id={CARD_HANDLES.outRight} position={Position.Right} isConnectable={false} className="kp-handle" />
      <Handle type="source" id={CARD_HANDLES.outBottom} position={Position.Bottom} isConnectable={false} className="kp-handle" />
      <div className="flex h-5 items-center gap-1.5">
        <span aria-hidden className="shrink-0 text-[10px] font-semibold uppercase tracking-wide text-violet-700">{data.kind}</span>
        {data.isDefault && (
          <span className="shrink-0 rounded bg-slate-100 px-1 text-[10px] font-semibold text-slate-700 ring-1 ring-inset ring-slate-300">{t('canvas.defaultClass')}</span>
        )}
        {data.status && (
          <span className={`ml-auto flex shrink-0 items-center gap-1 rounded px-1.5 py-px text-[11px] font-medium ring-1 ring-inset transition-colors duration-500 ${tone.chip}`}>
            <span aria-hidden>{tone.icon}</span>
            {/* kubectl's STATUS stays as it prints it; a claim that does not exist is said in the UI's words */}
            {data.missing ? t('canvas.notFound') : <span translate="no">{data.status}</span>}
          </span>
        )}
      </div>
      <p translate="no" className="truncate font-mono text-[12px] font-semibold text-slate-900" title={data.namespace ? `${data.namespace}/${data.name}` : data.name}>
        {data.name}
      </p>
      {data.details.slice(0, data.reason ? 1 : 2).map((d, i) => (
        // a line of data only (`1Gi · RWO`, the provisioner) is data as a whole, its title too
        <p key={i} className="truncate text-[11px] leading-tight text-slate-600" title={partsText(d)}
          {...(isOnlyData(d) ? { translate: 'no' } as const : {})}>
          <PartsText parts={d} wrapped />
        </p>
      ))}
      {data.reason && (
        <p translate="no" lang="en" className="truncate text-[11px] leading-tight text-amber-800" title={data.reason}>{data.reason}</p>
      )}
    </div>
  );
});

const LINK_STYLE: Record<StorageLink, { colour: string; dash?: string; width: number }> = {
  uses: { colour: '#7c3aed', width: 1.5 },
  bound: { colour: '#6d28d9', width: 2.25 },
  binding: { colour: '#7c3aed', dash: '6 4', width: 2 },
  class: { colour: '#64748b', dash: '2 4', width: 1.5 },
  waits: { colour: '#d97706', dash: '6 4', width: 1.5 },
};

/** The colour of a storage or config edge (for its arrowhead). */
export function resourceEdgeColour(data: StorageEdgeData | ConfigEdgeData): string {
  if (data.missing) return '#e11d48';
  if (data.relation === 'storage') return LINK_STYLE[data.link].colour;
  return data.secret ? '#be123c' : '#b45309';
}

const REDUCED_MOTION = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

/**
 * Pod → claim, claim → volume, volume → class, a waiting claim → class. A binding draws in: the
 * claim → volume edge is new when the binding completes, and its stroke grows from the claim.
 */
export const StorageEdge = memo(function StorageEdge(props: EdgeProps<StorageFlowEdge>) {
  const link = props.data?.link ?? 'uses';
  const style = LINK_STYLE[link];
  const colour = props.data ? resourceEdgeColour(props.data) : style.colour;
  const [path, labelX, labelY] = getBezierPath(props);
  const drawIn = link === 'bound' && !REDUCED_MOTION;
  const label = typeof props.label === 'string' ? props.label : '';
  return (
    <>
    <path
      id={props.id}
      d={path}
      className="react-flow__edge-path kp-edge"
      fill="none"
      style={{ stroke: colour, strokeWidth: style.width }}
      markerEnd={props.markerEnd}
      {...(props.data?.missing || style.dash ? { strokeDasharray: style.dash ?? '5 4' } : {})}
      {...(drawIn ? { pathLength: 1, strokeDasharray: 1, strokeDashoffset: 0 } : {})}
    >
      {drawIn && <animate attributeName="stroke-dashoffset" from="1" to="0" dur="0.8s" fill="freeze" />}
    </path>
    {label && (
      <text x={labelX} y={labelY - 5} textAnchor="middle" fontSize={10} fill={colour} stroke="#fff" strokeWidth={3} paintOrder="stroke">{label}</text>
    )}
    </>
  );
});
