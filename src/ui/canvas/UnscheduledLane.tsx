import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { LANE_HEADER } from '../../graph/layout';
import type { LaneData } from '../../graph/types';

export type LaneFlowNode = Node<LaneData, 'lane'>;

/** Where Pods wait until the scheduler binds them to a Node. */
export const UnscheduledLane = memo(function UnscheduledLane({ data }: NodeProps<LaneFlowNode>) {
  return (
    <div className="h-full w-full rounded-xl border-2 border-dashed border-amber-300 bg-amber-50/40">
      <div className="flex items-center gap-2 px-3" style={{ height: LANE_HEADER }}>
        <span className="text-[14px] font-semibold text-amber-900">{data.title}</span>
        <span className="rounded bg-amber-100 px-1.5 text-[12px] font-medium tabular-nums text-amber-900">{data.count}</span>
        <span className="truncate text-[12px] text-amber-800/80">Pods waiting for the scheduler to bind them to a Node</span>
      </div>
      {data.count === 0 && (
        <p className="px-3 text-[12px] italic text-slate-500">No Pods waiting. New Pods appear here until they are scheduled.</p>
      )}
    </div>
  );
});
