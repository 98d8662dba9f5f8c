import { useMemo } from 'react';
import type { KubeObject } from '../../engine/api';
import { usePlayground, useView } from '../../store';
import { describeObject } from '../../projections/describe';
import { eventRows, type EventRow } from '../../projections/events';
import { epochOf } from '../../projections/time';
import { toYaml } from '../../projections/yaml';

export interface Inspected {
  object: KubeObject | undefined;
  describe: string;
  yaml: string;
  events: EventRow[];
}

/** The selected object as of the cursor, with its describe text, YAML and Events (recomputed per Step). */
export function useInspected(): Inspected | null {
  const selection = usePlayground((s) => s.selection);
  const view = useView();
  return useMemo(() => {
    if (!selection) return null;
    const object = view.get(selection.kind, selection.name, selection.namespace);
    if (!object) return { object, describe: '', yaml: '', events: [] };
    const now = epochOf(view.now);
    return {
      object,
      describe: describeObject(object, view, now),
      yaml: toYaml(object),
      events: eventRows(object, view.events(), now),
    };
  }, [selection, view]);
}
