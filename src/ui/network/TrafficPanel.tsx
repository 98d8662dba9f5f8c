import { useEffect, useMemo, useState } from 'react';
import { serviceShares, trafficGenerators } from '../../projections/networkTraffic';
import { useT } from '../../i18n/useT';
import { usePlayground, useView } from '../../store';
import { Section } from './fields';
import { GeneratorList } from './GeneratorList';
import { NetworkOutput } from './NetworkOutput';
import { PodRateList } from './PodRateList';
import { StartTrafficForm } from './StartTrafficForm';
import { splitRef, useServices } from './useClusterLists';

/**
 * Simulated requests: start a generator at a Service, the generators running at the cursor (with
 * Stop), and how the chosen Service's requests spread over its Pods in the last second. The
 * numbers are those of the Step at the cursor; the canvas shows the same rates on the Pods and
 * flies that Step's sampled requests.
 */
export function TrafficPanel({ service: preset }: { service?: string }) {
  const t = useT();
  const services = useServices();
  const view = useView();
  const cursor = usePlayground((s) => s.cursor);
  const [chosen, setChosen] = useState(preset ?? '');
  useEffect(() => setChosen(preset ?? ''), [preset]);
  const fallback = services.find((s) => s.key !== 'default/kubernetes') ?? services[0];
  const service = services.some((s) => s.key === chosen) ? chosen : fallback?.key ?? '';

  const generators = useMemo(() => trafficGenerators(view), [view]);
  const shares = useMemo(() => {
    if (!service) return [];
    const { namespace, name } = splitRef(service);
    return serviceShares(view, namespace, name);
  }, [view, service]);

  return (
    <div className="min-h-0 flex-1 overflow-auto">
      <Section title={t('network.sendRequests')}>
        <StartTrafficForm services={services} service={service} onService={setChosen} />
        <NetworkOutput kind="traffic" />
      </Section>
      {service && (
        <Section title={t('network.perPod')} label={t('network.requestsPerPodBehind', { service })} aside={t('network.serviceLastSecond', { service })}>
          <PodRateList rows={shares} service={service} />
        </Section>
      )}
      <Section title={t('network.running')} label={t('network.runningTraffic')} aside={t('network.atStep', { step: Math.max(0, cursor) })}>
        <GeneratorList rows={generators} />
      </Section>
    </div>
  );
}
