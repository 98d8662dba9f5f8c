import { useMemo } from 'react';
import { topNodes, topPods } from '../../projections/networkTop';
import { useT } from '../../i18n/useT';
import { usePlayground, useView } from '../../store';
import { Output, Section } from './fields';

/**
 * `kubectl top nodes` and `kubectl top pods` (-A, or the chosen namespace) as of the cursor: what metrics-server reported at
 * its last scrape (every 15s), CPU growing with the requests the Pods answer.
 */
export function TopPanel() {
  const t = useT();
  const view = useView();
  // the header's namespace choice narrows the Pods, as `-n <namespace>` would
  const namespace = usePlayground((s) => s.namespace);
  const nodes = useMemo(() => topNodes(view), [view]);
  const pods = useMemo(() => topPods(view, namespace ?? undefined), [view, namespace]);
  return (
    <div className="min-h-0 flex-1 overflow-auto">
      <Section title={t('network.topNodes')} label={t('network.topNodesRegion')}>
        {/* i18n-data: kubectl top's command line and output */}
        <Output label={t('network.topNodesOutput')}>{`$ kubectl top nodes\n${nodes}`}</Output>
      </Section>
      <Section title={t('network.topPods')} label={t('network.topPodsRegion')}>
        {/* i18n-data: kubectl top's command line and output */}
        <Output label={t('network.topPodsOutput')}>{`$ kubectl top pods ${namespace ? `-n ${namespace}` : '-A'}\n${pods}`}</Output>
      </Section>
    </div>
  );
}
