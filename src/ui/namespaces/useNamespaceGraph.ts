import { useMemo } from 'react';
import { createGraphProjector } from '../../graph/projectGraph';
import type { ClusterGraph } from '../../graph/types';
import { useT } from '../../i18n/useT';
import { usePlayground, useView } from '../../store';

/**
 * The graph of the Step at the cursor, as the namespace picker and "Group by namespace" ask for
 * it; memoized per canvas across Steps.
 */
export function useNamespaceGraph(): ClusterGraph {
  const view = useView();
  const namespace = usePlayground((s) => s.namespace);
  const groupByNamespace = usePlayground((s) => s.groupByNamespace);
  const t = useT(); // the graph's accessible names in the UI's language (one projector per language)
  const projector = useMemo(() => createGraphProjector({ t }), [t]);
  return useMemo(() => projector.project(view, { namespace, groupByNamespace }), [projector, view, namespace, groupByNamespace]);
}
