import type { ReactNode } from 'react';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/api';
import { useT } from '../../../i18n/useT';
import { selectInspectedContainer } from '../../../store/namespaceSlice';
import { usePlayground, type ObjectRef } from '../../../store';
import { ContainerPanel } from './ContainerPanel';

/** One button per container of the selected Pod (init containers first): the keyboard way to inspect one. */
function ContainerPicker({ pod, selection, active }: { pod: Pod; selection: ObjectRef; active: string | undefined }) {
  const t = useT();
  const inspectContainer = usePlayground((s) => s.inspectContainer);
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  return (
    <div role="group" aria-label={t('container.containers')} className="flex flex-wrap items-center gap-1 px-3 pb-1.5 text-[12px]">
      <span className="text-slate-500">{t('container.containersLabel')}</span>
      {containers.map((c) => (
        <button
          key={c.name}
          type="button"
          aria-pressed={active === c.name}
          aria-label={t('container.inspect', { name: c.name })}
          translate="no"
          onClick={() => inspectContainer(active === c.name ? null : { pod: selection, container: c.name })}
          className={`rounded px-1.5 py-0.5 font-mono ring-1 ring-inset ${active === c.name ? 'bg-indigo-600 text-white ring-indigo-600' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'}`}
        >
          {c.name}
        </button>
      ))}
    </div>
  );
}

/**
 * Wraps the inspector's tabs: for a Pod, a row of its containers; with a container picked (here,
 * or by clicking it on the canvas), that container's environment and mounts instead of the tabs.
 */
export function ContainerScope({ object, selection, children }: { object: KubeObject; selection: ObjectRef; children: ReactNode }) {
  const inspected = usePlayground(selectInspectedContainer);
  if (selection.kind !== 'Pod') return <>{children}</>;
  const pod = object as unknown as Pod;
  const container = inspected
    ? [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((c) => c.name === inspected.container)
    : undefined;
  return (
    <>
      <ContainerPicker pod={pod} selection={selection} active={container?.name} />
      {container ? <ContainerPanel pod={pod} container={container} /> : children}
    </>
  );
}
