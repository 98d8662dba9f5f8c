import { useCallback, type MouseEvent } from 'react';
import type { PodData } from '../../../graph/types';
import { usePlayground } from '../../../store';

/**
 * A click inside a Pod card: on a container row it shows that container in the inspector (its
 * environment and mounts); anywhere else the Pod as a whole. React Flow selects the Pod either way.
 */
export function usePodPartClick(pod: Pick<PodData, 'name' | 'namespace'>) {
  const inspectContainer = usePlayground((s) => s.inspectContainer);
  return useCallback((event: MouseEvent<HTMLElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-container]');
    const container = row?.dataset.container;
    inspectContainer(container ? { pod: { kind: 'Pod', name: pod.name, namespace: pod.namespace }, container } : null);
  }, [inspectContainer, pod.name, pod.namespace]);
}
