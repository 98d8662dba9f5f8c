import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import type { NamespaceBoxData } from '../../graph/storageTypes';
import { NAMESPACE_NOT_FOUND } from '../../graph/namespaces';
import { NS_LABEL } from '../../graph/namespacesLayout';
import { messageParts } from '../../i18n/textParts';
import { useT } from '../../i18n/useT';
import { usePlayground } from '../../store';
import { PartsText } from '../common/PartsText';

export type NamespaceFlowNode = Node<NamespaceBoxData, 'namespace'>;

/**
 * A namespace box (graph grouped by namespace): a band across the Nodes around the namespace's
 * Pods, with its claims, ConfigMaps and Secrets on the right. Drawn over the Node boxes and under
 * the Pods, and transparent to clicks except for its name, which inspects the Namespace. A
 * Terminating namespace is dashed and says so: its content is being deleted.
 */
export const NamespaceBox = memo(function NamespaceBox({ data, selected }: NodeProps<NamespaceFlowNode>) {
  const select = usePlayground((s) => s.select);
  const t = useT();
  const terminating = data.phase === 'Terminating';
  return (
    <div
      className={[
        'pointer-events-none h-full w-full rounded-xl border-2 transition-colors duration-500',
        terminating ? 'border-dashed border-slate-400 bg-slate-400/10' : 'border-indigo-300/80 bg-indigo-400/[0.06]',
        selected ? 'ring-[3px] ring-indigo-500' : '',
      ].join(' ')}
    >
      <div className="flex items-center gap-2 px-2" style={{ height: NS_LABEL }}>
        <button
          type="button"
          onClick={() => select({ kind: 'Namespace', name: data.name })}
          title={t('namespaces.inspect', { name: data.name })}
          className={[
            'pointer-events-auto flex items-center gap-1.5 rounded-md px-2 py-0.5 text-[12px] font-semibold shadow-sm ring-1 ring-inset',
            terminating ? 'bg-slate-100 text-slate-700 ring-slate-300' : 'bg-white text-indigo-900 ring-indigo-200 hover:bg-indigo-50',
          ].join(' ')}
        >
          <span className="text-[10px] font-semibold uppercase tracking-wide text-slate-500">{t('namespaces.boxLabel')}</span>{' '}
          <span translate="no">{data.name}</span>
        </button>
        {terminating && (
          <span className="rounded bg-slate-200 px-1.5 py-0.5 text-[11px] font-medium text-slate-700">
            <PartsText parts={messageParts((mark) => t('namespaces.terminating', { phase: mark(data.phase) }))} wrapped />
          </span>
        )}
        {data.phase === NAMESPACE_NOT_FOUND && <span className="text-[11px] italic text-slate-500">{t('namespaces.notFound')}</span>}
      </div>
    </div>
  );
});
