import { useMemo } from 'react';
import type { KubeObject } from '../../../engine/api';
import { usePlayground, type ObjectRef } from '../../../store';

/**
 * The object as it is now (the newest Step), which is what commands act on, whatever Step the
 * cursor shows. Re-read on every engine change.
 */
export function useLiveObject(ref: ObjectRef): KubeObject | undefined {
  const cluster = usePlayground((s) => s.cluster);
  const version = usePlayground((s) => s.version);
  const { kind, name, namespace } = ref;
  // version is a dependency on purpose: the live object changes without the cluster changing
  return useMemo(() => cluster.get(kind, name, namespace), [cluster, version, kind, name, namespace]);
}
