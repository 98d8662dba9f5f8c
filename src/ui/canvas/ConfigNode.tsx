import { memo } from 'react';
import { getBezierPath, Handle, Position, type Edge, type EdgeProps, type Node, type NodeProps } from '@xyflow/react';
import { CARD_HANDLES } from '../../graph/storageEdges';
import type { ConfigData, ConfigEdgeData } from '../../graph/storageTypes';
import { dataParts, joinParts, messageParts, partsText, wordParts, type TextPart } from '../../i18n/textParts';
import type { Translate } from '../../i18n/types';
import { useT } from '../../i18n/useT';
import { PartsText } from '../common/PartsText';
import { resourceEdgeColour } from './StorageNode';

export type ConfigFlowNode = Node<ConfigData, 'config'>;
export type ConfigFlowEdge = Edge<ConfigEdgeData, 'config'>;

/** `2 keys: a, b` (the keys are data), `no keys`, or why there are none. */
function keysText(data: ConfigData, t: Translate): TextPart[] {
  if (data.missing) return wordParts(t('canvas.configMissing'));
  if (!data.keys.length) return wordParts(t('canvas.noKeys'));
  const count = data.keys.length;
  return messageParts((mark) => t('canvas.keys', { keys: mark(data.keys.join(', ')), count }));
}

/** `read by 2 Pods · kubernetes.io/tls · team-a`: the Secret's type and the namespace are data. */
function usageText(data: ConfigData, t: Translate): TextPart[] {
  return joinParts([
    wordParts(data.usedBy ? t('canvas.readBy', { count: data.usedBy }) : t('canvas.readByNone')),
    data.kind === 'Secret' && data.type && data.type !== 'Opaque' ? dataParts(data.type) : [],
    data.namespace !== 'default' ? dataParts(data.namespace) : [],
  ]);
}

/**
 * A ConfigMap or Secret that Pods read (or that exists in the namespace): its keys — never a
 * Secret's values — and how many Pods read it. One a Pod names but the cluster lacks is drawn
 * dashed, "not found": that is why the Pod's container cannot start or its volume cannot mount.
 */
export const ConfigNode = memo(function ConfigNode({ data, selected }: NodeProps<ConfigFlowNode>) {
  const t = useT();
  const secret = data.kind === 'Secret';
  const keys = keysText(data, t);
  return (
    <div
      className={[
        'kp-enter flex h-full w-full flex-col justify-center gap-0.5 overflow-hidden rounded-lg border border-l-4 px-2.5 shadow-sm',
        'transition-[opacity,border-color,box-shadow] duration-500',
        secret ? 'border-l-rose-600' : 'border-l-amber-600',
        data.missing ? 'border-dashed border-rose-300 bg-rose-50/70' : 'border-slate-300 bg-white',
        selected ? 'ring-[3px] ring-inset ring-indigo-500' : '',
      ].join(' ')}
    >
      <Handle type="source" id={CARD_HANDLES.outTop} position={Position.Top} isConnectable={false} className="kp-handle" />
      <Handle type="source" id={CARD_HANDLES.outLeft} position={Position.Left} isConnectable={false} className="kp-handle" />
      <div className="flex h-5 items-center gap-1.5">
        <span aria-hidden className={`shrink-0 text-[10px] font-semibold uppercase tracking-wide ${secret ? 'text-rose-700' : 'text-amber-700'}`}>
          {data.kind}
        </span>
        <span translate="no" className="min-w-0 flex-1 truncate font-mono text-[12px] font-semibold text-slate-900" title={`${data.namespace}/${data.name}`}>
          {data.name}
        </span>
        {data.missing && <span className="shrink-0 rounded bg-rose-100 px-1 text-[11px] font-medium text-rose-800">{t('canvas.notFound')}</span>}
        {data.immutable && <span className="shrink-0 text-[10px] text-slate-500" title={t('canvas.immutableHint')}>{t('canvas.immutable')}</span>}
      </div>
      <p className="truncate text-[11px] text-slate-600" title={partsText(keys)}><PartsText parts={keys} wrapped /></p>
      <p className="truncate text-[11px] text-slate-500"><PartsText parts={usageText(data, t)} wrapped /></p>
    </div>
  );
});

/** A point of a cubic bezier path (`M x,y C x,y x,y x,y`) at t; near the target, so labels of edges to one Pod stack by row. */
function pointAt(path: string, t: number): { x: number; y: number } | undefined {
  const n = path.match(/-?\d+(\.\d+)?(e-?\d+)?/g)?.map(Number);
  if (!n || n.length < 8) return undefined;
  const u = 1 - t;
  const f = (i: number) => u ** 3 * n[i] + 3 * u * u * t * n[i + 2] + 3 * u * t * t * n[i + 4] + t ** 3 * n[i + 6];
  return { x: f(0), y: f(1) };
}

/** `translate="no"` on SVG text (React's SVG types lack the attribute, the DOM honours it): the env names are data. */
const SVG_DATA = { translate: 'no' } as Record<string, string>;

/** ConfigMap or Secret → the Pod volume, or the container whose env/envFrom reads it (labelled with the variables). */
export const ConfigEdge = memo(function ConfigEdge(props: EdgeProps<ConfigFlowEdge>) {
  const colour = props.data ? resourceEdgeColour(props.data) : '#b45309';
  const [path] = getBezierPath(props);
  const label = typeof props.label === 'string' ? props.label : '';
  const at = label ? pointAt(path, Math.max(0.3, 0.85 - (props.data?.slot ?? 0) * 0.18)) : undefined;
  return (
    <>
      <path
        id={props.id}
        d={path}
        className="react-flow__edge-path kp-edge"
        fill="none"
        style={{ stroke: colour, strokeWidth: 1.5 }}
        markerEnd={props.markerEnd}
        {...(props.data?.missing ? { strokeDasharray: '5 4' } : {})}
      />
      {label && at && (
        <text x={at.x} y={at.y - 4} textAnchor={props.targetPosition === Position.Left ? 'end' : 'start'} fontSize={10} fill={colour}
          stroke="#fff" strokeWidth={3} paintOrder="stroke" className="font-mono" {...SVG_DATA}>
          {label.length > 28 ? `${label.slice(0, 27)}…` : label}
        </text>
      )}
    </>
  );
});
