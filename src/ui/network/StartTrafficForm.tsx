import { useState, type FormEvent } from 'react';
import type { TrafficSpec } from '../../engine/api';
import { useT } from '../../i18n/useT';
import { usePlayground } from '../../store';
import { Button } from '../common/Button';
import { InputField, SelectField, type Option } from './fields';
import { splitRef, useNodeNames, usePods, type ServiceRef } from './useClusterLists';

type Via = NonNullable<TrafficSpec['via']>;

/** Service types: values, the same in every language. */
const VIA_OPTIONS: Option[] = (['ClusterIP', 'NodePort', 'LoadBalancer'] as const).map((v) => ({ value: v, label: v, data: true }));

/** `pod:ns/name`, `node:name`, or '' (the engine picks: any running Pod, any Node). */
function fromSpec(from: string): TrafficSpec['from'] | undefined {
  if (from.startsWith('pod:')) {
    const { namespace, name } = splitRef(from.slice(4));
    return { pod: name, namespace };
  }
  return from.startsWith('node:') ? { node: from.slice(5) } : undefined;
}

/**
 * Starts a request generator: Service, "Requests per second", how the requests arrive (ClusterIP,
 * NodePort or LoadBalancer) and where they come from (a Pod or a Node; any when not chosen).
 */
export function StartTrafficForm({ services, service, onService }: {
  services: ServiceRef[]; service: string; onService(key: string): void;
}) {
  const t = useT();
  const startTraffic = usePlayground((s) => s.startTraffic);
  const pods = usePods();
  const nodes = useNodeNames();
  const [rate, setRate] = useState('10');
  const [via, setVia] = useState<Via>('ClusterIP');
  const [from, setFrom] = useState('');

  const value = Number(rate);
  const valid = rate.trim() !== '' && Number.isFinite(value) && value > 0 && value <= 10_000 && service !== '';
  const fromOptions: Option[] = via === 'LoadBalancer' ? [{ value: '', label: t('network.fromOutside') }]
    : via === 'NodePort'
      ? [{ value: '', label: t('network.intoAnyNode') }, ...nodes.map((n) => ({ value: `node:${n}`, label: t('network.intoNode', { node: n }) }))]
      : [{ value: '', label: t('network.anyRunningPod') },
        // `Pod ns/name`: a kind and a name, the same in every language
        ...pods.filter((p) => p.running).map((p) => ({ value: `pod:${p.key}`, label: `Pod ${p.key}`, data: true })),
        ...nodes.map((n) => ({ value: `node:${n}`, label: t('network.nodeHostNetwork', { node: n }) }))];
  const fromValue = fromOptions.some((o) => o.value === from) ? from : '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    const { namespace, name } = splitRef(service);
    const origin = fromSpec(fromValue);
    startTraffic({ service: name, namespace, via, ratePerSecond: value, ...(origin ? { from: origin } : {}) });
  };

  return (
    <form onSubmit={submit} aria-label={t('network.startTraffic')} className="grid grid-cols-2 gap-x-2 gap-y-1.5">
      <SelectField label="Service" value={service} onChange={onService} className="col-span-2"
        options={services.length ? services.map((s) => ({ value: s.key, label: `${s.key} (${s.type})`, data: true })) : [{ value: '', label: t('network.noServices') }]} />
      <InputField label={t('network.requestsPerSecond')} type="number" min={1} max={10000} step={1} value={rate} onChange={setRate} invalid={!valid && service !== ''} />
      <SelectField label={t('network.via')} value={via} onChange={(v) => setVia(v as Via)} options={VIA_OPTIONS} />
      <SelectField label={t('network.from')} value={fromValue} onChange={setFrom} options={fromOptions} className="col-span-2" />
      <div className="col-span-2 flex items-center gap-2 pt-0.5">
        <Button type="submit" variant="primary" disabled={!valid} className="shrink-0 whitespace-nowrap">{t('network.startTraffic')}</Button>
        <span className="text-[11.5px] leading-tight text-slate-500">{t('network.startHint')}</span>
      </div>
    </form>
  );
}
