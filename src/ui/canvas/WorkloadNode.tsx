import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { RevisionBadge, WorkloadData } from '../../graph/types';
import type { Translate } from '../../i18n/types';
import { messageParts } from '../../i18n/textParts';
import { useT } from '../../i18n/useT';
import { PartsText } from '../common/PartsText';
import { TONES } from './tone';
import './edges/edges.css';

export type WorkloadFlowNode = Node<WorkloadData, 'workload'>;

/**
 * A template revision in text (`rev 2`) on its revision's colour: the newest filled, older ones
 * outlined, so old and new Pods are told apart at a glance and the text still says which is which.
 */
export function RevisionChip({ revision }: { revision: RevisionBadge }) {
  const t = useT();
  const { colour, newest } = revision;
  return (
    <span
      className={`shrink-0 rounded px-1 text-[11px] font-semibold tabular-nums ${newest ? 'border border-solid' : 'border border-dashed'}`}
      style={newest ? { background: colour, borderColor: colour, color: '#fff' } : { background: '#fff', borderColor: colour, color: colour }}
      title={newest ? t('canvas.revisionNewest', { revision: revision.revision }) : t('canvas.revisionOlder', { revision: revision.revision })}
    >
      {t('graph.revision', { revision: revision.revision })}
    </span>
  );
}

/** Invisible connection points: owners above link in at the top, what this owns links out at the bottom. */
export function CardHandles({ target = true, source = true }: { target?: boolean; source?: boolean }) {
  return (
    <>
      {target && <Handle type="target" position={Position.Top} isConnectable={false} className="kp-handle" />}
      {source && <Handle type="source" position={Position.Bottom} isConnectable={false} className="kp-handle" />}
    </>
  );
}

/** `+2 older ReplicaSets scaled to 0` (a Deployment's), `+1 older Job …` (a CronJob's). */
function hiddenText(kind: string, count: number, t: Translate): string {
  if (kind === 'Deployment') return t('canvas.hiddenReplicaSets', { count });
  if (kind === 'CronJob') return t('canvas.hiddenJobs', { count });
  return t('canvas.hiddenObjects', { count });
}

/**
 * A workload controller (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob,
 * ReplicationController): kind, name, its counts as kubectl words them, its state, and the
 * revision it rolls out. Its accessible name (`Deployment web, 3/3 ready`) is on React Flow's wrapper.
 */
export const WorkloadNode = memo(function WorkloadNode({ data, selected }: NodeProps<WorkloadFlowNode>) {
  const t = useT();
  const tone = TONES[data.tone];
  return (
    <div
      className={[
        'kp-enter flex h-full w-full flex-col justify-center gap-1 overflow-hidden rounded-lg border border-l-4 bg-white px-2.5 shadow-sm',
        'transition-[opacity,border-color,box-shadow] duration-500',
        tone.border,
        data.tone === 'terminating' ? 'border-dashed border-slate-300 opacity-60' : 'border-slate-300',
        selected ? 'ring-[3px] ring-inset ring-indigo-500' : '',
      ].join(' ')}
    >
      <CardHandles />
      <div className="flex h-6 items-center gap-1.5">
        <span aria-hidden className="shrink-0 text-[10px] font-semibold uppercase tracking-wide text-slate-500">{data.kind}</span>
        <span translate="no" className="min-w-0 flex-1 truncate text-[13px] font-semibold text-slate-900" title={`${data.namespace}/${data.name}`}>
          {data.name}
        </span>
      </div>
      <div className="flex h-6 items-center gap-1.5 text-[12px]">
        <span className="min-w-0 truncate font-semibold tabular-nums text-slate-900" title={data.summary}>{data.summary}</span>
        {data.revision && <RevisionChip revision={data.revision} />}
        <span className={`ml-auto flex min-w-0 shrink items-center gap-1 truncate rounded px-1.5 py-0.5 font-medium ring-1 ring-inset ${tone.chip}`}>
          <span aria-hidden>{tone.icon}</span>
          <span className="truncate" {...(data.statusIsValue ? { translate: 'no' } as const : {})}>{data.status}</span>
        </span>
      </div>
      <p className="truncate text-[11px] text-slate-600" title={data.details.join(', ')}>{data.details.join(' · ')}</p>
      <p className="h-4 truncate text-[11px] italic text-slate-500">
        {data.hiddenChildren > 0 && hiddenText(data.kind, data.hiddenChildren, t)}
        {data.namespace !== 'default' && data.hiddenChildren === 0 && (
          <PartsText parts={messageParts((mark) => t('canvas.namespace', { namespace: mark(data.namespace) }))} wrapped />
        )}
      </p>
    </div>
  );
});
