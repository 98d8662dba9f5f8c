import { useMemo } from 'react';
import { topNodes, topPods } from '../../projections/networkTop';
import { usePlayground, useView } from '../../store';
import { Output, Section } from './fields';

/**
 * `kubectl top nodes` and `kubectl top pods` (-A, or the chosen namespace) as of the cursor: what metrics-server reported at
 * its last scrape (every 15s), CPU growing with the requests the Pods answer.
 */
export function TopPanel() {
  const view = useView();
  // the header's namespace choice narrows the Pods, as `-n <namespace>` would
  const namespace = usePlayground((s) => s.namespace);
  const nodes = useMemo(() => topNodes(view), [view]);
  const pods = useMemo(() => topPods(view, namespace ?? undefined), [view, namespace]);
  return (
    <div className="min-h-0 flex-1 overflow-auto">
      <Section title="Nodes" label="kubectl top nodes">
        <Output label="kubectl top nodes output">{`$ kubectl top nodes\n${nodes}`}</Output>
      </Section>
      <Section title="Pods" label="kubectl top pods">
        <Output label="kubectl top pods output">{`$ kubectl top pods ${namespace ? `-n ${namespace}` : '-A'}\n${pods}`}</Output>
      </Section>
    </div>
  );
}
