/**
 * What the panes narrow down to: one namespace of the cluster (the header's namespace picker), the
 * graph grouped by namespace, and one container of the selected Pod (its environment and mounts
 * in the inspector). UI choices only: the cluster is not touched.
 */
import type { ObjectRef, SliceGet, SliceSet } from './types';

/** One container of a Pod, as the inspector shows it. */
export interface ContainerRef {
  pod: ObjectRef;
  container: string;
}

export interface NamespaceSlice {
  /** The namespace the graph, lists and inspector show; null shows all namespaces. */
  namespace: string | null;
  /** Draw a box around each namespace's objects in the graph. */
  groupByNamespace: boolean;
  /** The container the inspector shows; only while its Pod is the selection. */
  inspectedContainer: ContainerRef | null;
  /**
   * Picks a namespace (null = all) for the graph, the timeline's Step list (its namespace filter)
   * and the inspector (a selection in another namespace is cleared).
   */
  setNamespace(namespace: string | null): void;
  setGroupByNamespace(on: boolean): void;
  /** Selects the container's Pod and shows the container; null goes back to the Pod as a whole. */
  inspectContainer(ref: ContainerRef | null): void;
}

/** Whether an object of this namespace (undefined: cluster-scoped) is shown with the namespace filter. */
export function inNamespaceScope(filter: string | null, namespace: string | undefined): boolean {
  return filter === null || namespace === undefined || namespace === filter;
}

function sameObject(a: ObjectRef | null, b: ObjectRef | null): boolean {
  return !!a && !!b && a.kind === b.kind && a.name === b.name && (a.namespace ?? 'default') === (b.namespace ?? 'default');
}

/** The container the inspector shows for the current selection, if any. */
export function selectInspectedContainer(s: { selection: ObjectRef | null; inspectedContainer: ContainerRef | null }): ContainerRef | null {
  const c = s.inspectedContainer;
  return c && sameObject(c.pod, s.selection) ? c : null;
}

export function createNamespaceSlice(set: SliceSet, get: SliceGet): NamespaceSlice {
  return {
    namespace: null,
    groupByNamespace: false,
    inspectedContainer: null,
    setNamespace(namespace) {
      const { selection, setStepFilter } = get();
      const keep = !selection || inNamespaceScope(namespace, selection.kind === 'Namespace' ? undefined : selection.namespace);
      set(keep ? { namespace } : { namespace, selection: null, inspectedContainer: null });
      // The timeline's Step list follows the picker (its own Namespace filter can still differ).
      setStepFilter({ namespace });
    },
    setGroupByNamespace(on) {
      set({ groupByNamespace: on });
    },
    inspectContainer(ref) {
      if (!ref) {
        set({ inspectedContainer: null });
        return;
      }
      const pod = { kind: 'Pod', name: ref.pod.name, namespace: ref.pod.namespace ?? 'default' };
      set({ selection: pod, inspectedContainer: { pod, container: ref.container } });
    },
  };
}
