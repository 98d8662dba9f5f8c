import { useState, type FormEvent } from 'react';
import type { TrafficSpec } from '../../engine/api';
import { usePlayground } from '../../store';
import { Button } from '../common/Button';
import { InputField, SelectField, type Option } from './fields';
import { splitRef, useNodeNames, usePods, type ServiceRef } from './useClusterLists';

type Via = NonNullable<TrafficSpec['via']>;

const VIA_OPTIONS: Option[] = [
  { value: 'ClusterIP', label: 'ClusterIP' },
  { value: 'NodePort', label: 'NodePort' },
  { value: 'LoadBalancer', label: 'LoadBalancer' },
];

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
  const startTraffic = usePlayground((s) => s.startTraffic);
  const pods = usePods();
  const nodes = useNodeNames();
  const [rate, setRate] = useState('10');
  const [via, setVia] = useState<Via>('ClusterIP');
  const [from, setFrom] = useState('');

  const value = Number(rate);
  const valid = rate.trim() !== '' && Number.isFinite(value) && value > 0 && value <= 10_000 && service !== '';
  const fromOptions: Option[] = via === 'LoadBalancer' ? [{ value: '', label: 'a client outside the cluster' }]
    : via === 'NodePort'
      ? [{ value: '', label: 'outside, into any Node' }, ...nodes.map((n) => ({ value: `node:${n}`, label: `outside, into Node ${n}` }))]
      : [{ value: '', label: 'any running Pod' },
        ...pods.filter((p) => p.running).map((p) => ({ value: `pod:${p.key}`, label: `Pod ${p.key}` })),
        ...nodes.map((n) => ({ value: `node:${n}`, label: `Node ${n} (host network)` }))];
  const fromValue = fromOptions.some((o) => o.value === from) ? from : '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    const { namespace, name } = splitRef(service);
    const origin = fromSpec(fromValue);
    startTraffic({ service: name, namespace, via, ratePerSecond: value, ...(origin ? { from: origin } : {}) });
  };

  return (
    <form onSubmit={submit} aria-label="Start traffic" className="grid grid-cols-2 gap-x-2 gap-y-1.5">
      <SelectField label="Service" value={service} onChange={onService} className="col-span-2"
        options={services.length ? services.map((s) => ({ value: s.key, label: `${s.key} (${s.type})` })) : [{ value: '', label: 'no Services yet' }]} />
      <InputField label="Requests per second" type="number" min={1} max={10000} step={1} value={rate} onChange={setRate} invalid={!valid && service !== ''} />
      <SelectField label="Via" value={via} onChange={(v) => setVia(v as Via)} options={VIA_OPTIONS} />
      <SelectField label="From" value={fromValue} onChange={setFrom} options={fromOptions} className="col-span-2" />
      <div className="col-span-2 flex items-center gap-2 pt-0.5">
        <Button type="submit" variant="primary" disabled={!valid} className="shrink-0 whitespace-nowrap">Start traffic</Button>
        <span className="text-[11.5px] leading-tight text-slate-500">Requests go out once every virtual second: press Play or Step.</span>
      </div>
    </form>
  );
}
