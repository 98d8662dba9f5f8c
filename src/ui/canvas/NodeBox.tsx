import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { NODE_HEADER } from '../../graph/layout';
import type { NodeBoxData } from '../../graph/types';
import { useT } from '../../i18n/useT';
import { TONES } from './tone';
import { UsageBar } from './UsageBar';

export type NodeFlowNode = Node<NodeBoxData, 'k8sNode'>;

/** A Node as a group box: name, kubectl STATUS, and requests in use against allocatable; its Pods sit inside. */
export const NodeBox = memo(function NodeBox({ data, selected }: NodeProps<NodeFlowNode>) {
  const t = useT();
  const tone = TONES[data.tone];
  const notReady = data.ready !== 'True';
  return (
    <div
      className={[
        'h-full w-full rounded-xl border-2 transition-[border-color,background-color,box-shadow] duration-500',
        notReady ? 'border-rose-300 bg-rose-50/50' : 'border-slate-300 bg-slate-50/90',
        selected ? 'ring-[3px] ring-inset ring-indigo-500' : '',
      ].join(' ')}
    >
      <div className="px-3 pt-2" style={{ height: NODE_HEADER }}>
        <div className="flex h-8 items-center gap-2">
          <span aria-hidden className="text-[10px] font-semibold uppercase tracking-wide text-slate-500">Node</span>
          <span translate="no" className="min-w-0 flex-1 truncate text-[14px] font-semibold text-slate-900">{data.name}</span>
          <span
            className={`flex items-center gap-1 rounded px-1.5 py-0.5 text-[12px] font-medium ring-1 ring-inset ${tone.chip}`}
            title={data.taints.length ? t('canvas.taints', { taints: data.taints.join(', ') }) : t('canvas.noTaints')}
          >
            <span aria-hidden>{tone.icon}</span>
            <span translate="no">{data.status}</span>
          </span>
        </div>
        <UsageBar resource="cpu" usage={data.cpu} />
        <UsageBar resource="memory" usage={data.memory} />
        <UsageBar resource="pods" usage={data.pods} />
      </div>
      {data.shown === 0 && <p className="px-3 text-[12px] italic text-slate-500">{t('canvas.noPods')}</p>}
    </div>
  );
});
