import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { LANE_HEADER } from '../../graph/layout';
import type { LaneData } from '../../graph/types';
import { useT } from '../../i18n/useT';

export type LaneFlowNode = Node<LaneData, 'lane'>;

/** Where Pods wait until the scheduler binds them to a Node; quiet while empty. */
export const UnscheduledLane = memo(function UnscheduledLane({ data }: NodeProps<LaneFlowNode>) {
  const t = useT();
  const empty = data.count === 0;
  return (
    <div
      className={[
        'flex h-full w-full flex-col rounded-xl border-2 border-dashed transition-colors duration-500',
        empty ? 'border-slate-300 bg-white/40' : 'border-amber-300 bg-amber-50/50',
      ].join(' ')}
    >
      <div className="flex shrink-0 items-center gap-2 px-3" style={{ height: LANE_HEADER }}>
        <span className={`text-[14px] font-semibold ${empty ? 'text-slate-600' : 'text-amber-900'}`}>{t('graph.lane')}</span>
        <span className={`rounded px-1.5 text-[12px] font-medium tabular-nums ${empty ? 'bg-slate-100 text-slate-600' : 'bg-amber-100 text-amber-900'}`}>
          {data.count}
        </span>
        <span className="truncate text-[12px] text-slate-500">{t('canvas.laneHint')}</span>
        {data.hidden > 0 && (
          <span className="ml-auto shrink-0 text-[12px] font-medium text-amber-900">
            {t('canvas.laneHidden', { shown: data.count - data.hidden, hidden: data.hidden })}
          </span>
        )}
      </div>
      {empty && (
        <p className="flex flex-1 items-center justify-center pb-6 text-[13px] italic text-slate-500">
          {t('canvas.laneEmpty')}
        </p>
      )}
    </div>
  );
});
