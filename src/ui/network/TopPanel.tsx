import { useMemo } from 'react';
import { topNodes, topPods } from '../../projections/networkTop';
import { useView } from '../../store';
import { Output, Section } from './fields';

/**
 * `kubectl top nodes` and `kubectl top pods -A` as of the cursor: what metrics-server reported at
 * its last scrape (every 15s), CPU growing with the requests the Pods answer.
 */
export function TopPanel() {
  const view = useView();
  const nodes = useMemo(() => topNodes(view), [view]);
  const pods = useMemo(() => topPods(view), [view]);
  return (
    <div className="min-h-0 flex-1 overflow-auto">
      <Section title="Nodes" label="kubectl top nodes">
        <Output label="kubectl top nodes output">{`$ kubectl top nodes\n${nodes}`}</Output>
      </Section>
      <Section title="Pods" label="kubectl top pods">
        <Output label="kubectl top pods output">{`$ kubectl top pods -A\n${pods}`}</Output>
      </Section>
    </div>
  );
}
