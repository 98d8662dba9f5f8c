import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import type { ServiceData } from '../../graph/types';
import { messageParts } from '../../i18n/textParts';
import { useT } from '../../i18n/useT';
import { PartsText } from '../common/PartsText';
import { CardHandles } from './WorkloadNode';

export type ServiceFlowNode = Node<ServiceData, 'service'>;

/** `3 ready · 1 not ready · 1 terminating`; the line styles match the edges to the Pods. */
function EndpointLine({ data }: { data: ServiceData }) {
  const t = useT();
  const { ready, notReady, terminating } = data.endpoints;
  if (data.endpointSource === 'none' && data.type === 'ExternalName') {
    return <span className="text-slate-500"><PartsText parts={messageParts((mark) => t('canvas.externalNameAlias', { name: mark(data.externalIP ?? '') }))} wrapped /></span>;
  }
  if (ready + notReady + terminating === 0) return <span className="italic text-amber-800">{t('canvas.noEndpoints')}</span>;
  return (
    <span className="flex min-w-0 items-center gap-2" title={data.endpointSource === 'selector' ? t('canvas.endpointsFromSelector') : t('canvas.endpointsFromSlices')}>
      <span className="flex items-center gap-1 text-sky-800">
        <svg aria-hidden width="14" height="6"><line x1="0" y1="3" x2="14" y2="3" className="kp-legend-ready" /></svg>
        {t('canvas.endpointsReady', { count: ready })}
      </span>
      {notReady > 0 && (
        <span className="flex items-center gap-1 text-amber-800">
          <svg aria-hidden width="14" height="6"><line x1="0" y1="3" x2="14" y2="3" className="kp-legend-notready" /></svg>
          {t('canvas.endpointsNotReady', { count: notReady })}
        </span>
      )}
      {terminating > 0 && (
        <span className="flex items-center gap-1 text-slate-500">
          <svg aria-hidden width="14" height="6"><line x1="0" y1="3" x2="14" y2="3" className="kp-legend-terminating" /></svg>
          {t('canvas.endpointsTerminating', { count: terminating })}
        </span>
      )}
    </span>
  );
}

/**
 * A Service: name, type, ClusterIP, ports and selector as `kubectl get svc -o wide` prints them,
 * and its endpoints by state (the edges to its Pods show which). Accessible name:
 * `Service web, ClusterIP 10.96.12.7`.
 */
export const ServiceNode = memo(function ServiceNode({ data, selected }: NodeProps<ServiceFlowNode>) {
  const t = useT();
  return (
    <div
      className={[
        'kp-enter flex h-full w-full flex-col justify-center gap-0.5 overflow-hidden rounded-lg border border-l-4 border-slate-300 border-l-sky-600 bg-sky-50/60 px-2.5 shadow-sm',
        'transition-[box-shadow] duration-500',
        selected ? 'ring-[3px] ring-inset ring-indigo-500' : '',
      ].join(' ')}
    >
      <CardHandles target={false} />
      <div className="flex h-6 items-center gap-1.5">
        <span aria-hidden className="shrink-0 text-[10px] font-semibold uppercase tracking-wide text-slate-500">Service</span>
        <span translate="no" className="min-w-0 flex-1 truncate text-[13px] font-semibold text-slate-900" title={`${data.namespace}/${data.name}`}>
          {data.name}
        </span>
        <span translate="no" className="shrink-0 rounded bg-sky-100 px-1.5 text-[11px] font-medium text-sky-900 ring-1 ring-inset ring-sky-200">{data.type}</span>
      </div>
      <div className="flex h-[18px] items-center gap-2 text-[12px]">
        <span translate="no" className="shrink-0 font-mono font-medium text-slate-900" title={t('canvas.clusterIpColumn')}>{data.clusterIP}</span>
        <span translate="no" className="ml-auto min-w-0 truncate font-mono text-[11px] text-slate-700" title={t('canvas.portsColumn', { ports: data.ports })}>
          {data.ports}
        </span>
      </div>
      <div className="flex h-[18px] items-center gap-1 text-[11px] text-slate-600">
        <span className="shrink-0">{t('canvas.selects')}</span>
        <span translate="no" className="min-w-0 truncate font-mono text-slate-800" title={t('canvas.selectorColumn', { selector: data.selector })}>{data.selector}</span>
        {data.externalIP && data.type !== 'ExternalName' && (
          <span className="ml-auto shrink-0 font-mono" title={t('canvas.externalIpColumn')}>
            <PartsText parts={messageParts((mark) => t('canvas.external', { ip: mark(data.externalIP ?? '') }))} wrapped />
          </span>
        )}
      </div>
      <div className="flex h-[18px] items-center text-[11px]">
        <EndpointLine data={data} />
      </div>
    </div>
  );
});
