import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { dnsLookup, resolvConf, type RecordType } from '../../projections/networkDns';
import { useT } from '../../i18n/useT';
import { useView } from '../../store';
import { Button } from '../common/Button';
import { triedText } from './dnsText';
import { InputField, Output, Section, SelectField } from './fields';
import { splitRef, useNamespaces, usePods } from './useClusterLists';

const TYPES: RecordType[] = ['A', 'SRV', 'PTR', 'CNAME'];

interface Query { name: string; namespace: string; type: RecordType }

const execTarget = (key: string) => {
  const { namespace, name } = splitRef(key);
  return namespace === 'default' ? name : `${name} -n ${namespace}`;
};

/**
 * A DNS lookup as a Pod makes it (`dig +search`: the search path of its resolv.conf, ndots:5),
 * answered by the cluster DNS as of the cursor, with every name tried; and a Pod's resolv.conf.
 * With `pod`, the lookup is made from that Pod.
 */
export function DnsPanel({ pod: presetPod }: { pod?: string }) {
  const t = useT();
  const view = useView();
  const namespaces = useNamespaces();
  const pods = usePods();
  const [name, setName] = useState('');
  const [namespace, setNamespace] = useState(presetPod ? splitRef(presetPod).namespace : 'default');
  const [type, setType] = useState<RecordType>('A');
  const [query, setQuery] = useState<Query | null>(null);
  const [podKey, setPodKey] = useState(presetPod ?? '');
  useEffect(() => {
    setPodKey(presetPod ?? '');
    if (presetPod) setNamespace(splitRef(presetPod).namespace);
  }, [presetPod]);

  const asker = presetPod ? view.get('Pod', splitRef(presetPod).name, splitRef(presetPod).namespace) : undefined;
  const result = useMemo(() => (query ? dnsLookup(view, { ...query, ...(asker ? { pod: asker } : {}) }) : undefined), [view, query, asker]);
  const shownPod = pods.some((p) => p.key === podKey) ? podKey : pods[0]?.key ?? '';
  const conf = useMemo(() => {
    if (!shownPod) return undefined;
    const { namespace: ns, name: n } = splitRef(shownPod);
    const p = view.get('Pod', n, ns);
    return p ? resolvConf(p) : undefined;
  }, [view, shownPod]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) setQuery({ name: name.trim(), namespace, type });
  };

  return (
    <div className="min-h-0 flex-1 overflow-auto">
      <Section title={t('network.dnsLookup')} aside={presetPod ? t('network.fromPod', { pod: presetPod }) : undefined}>
        <form onSubmit={submit} aria-label={t('network.dnsLookup')} className="grid grid-cols-[1fr_auto] gap-x-2 gap-y-1.5">
          <InputField label={t('network.dnsName')} value={name} onChange={setName} placeholder={t('network.dnsNameExample')} className="col-span-2" />
          {!presetPod && (
            <SelectField label={t('network.namespace')} value={namespace} onChange={setNamespace}
              options={(namespaces.length ? namespaces : ['default']).map((n) => ({ value: n, label: t('network.fromPodIn', { namespace: n }) }))} />
          )}
          <SelectField label={t('network.recordType')} value={type} onChange={(v) => setType(v as RecordType)}
            options={TYPES.map((r) => ({ value: r, label: r, data: true }))} />
          <div className="col-span-2">
            <Button type="submit" variant="primary" disabled={!name.trim()}>{t('network.resolve')}</Button>
          </div>
        </form>
        {result && query && (
          <div className="mt-2 space-y-1.5">
            <ol aria-label={t('network.namesTried')} className="space-y-0.5 text-[12px]">
              {result.tried.map((tried) => (
                <li key={tried.name} className="flex gap-2">
                  <span translate="no" className="min-w-0 flex-1 truncate font-mono text-slate-800" title={tried.name}>{tried.name}</span>
                  {/* a bare rcode (NXDOMAIN) is dig's word, not ours */}
                  <span translate={tried.rcode === 'NXDOMAIN' ? 'no' : undefined}
                    className={`shrink-0 ${tried.answers > 0 ? 'text-emerald-700' : 'text-slate-500'}`}>{triedText(tried, query.type, t)}</span>
                </li>
              ))}
            </ol>
            <ul aria-label={t('network.answers')} className="space-y-0.5 text-[12.5px]">
              {result.answers.length === 0
                ? <li className="text-amber-800">{result.rcode === 'NXDOMAIN' ? t('network.nxdomain') : t('network.noRecord', { type: query.type })}</li>
                : result.answers.map((a) => (
                  <li key={`${a.type}|${a.data}`} translate="no" className="font-mono text-[12px] text-slate-900">
                    <span className="text-slate-500">{a.type}</span> {a.data}
                  </li>
                ))}
            </ul>
            {/* i18n-data: dig's command line and output, as dig prints them */}
            <Output label={t('network.digOutput')} className="[tab-size:4]">{`$ dig +search ${query.type === 'A' ? '' : `${query.type} `}${query.name}\n${result.dig}`}</Output>
          </div>
        )}
      </Section>
      <Section title={t('network.resolvConf')} label={t('network.resolvConfOfPod')}>
        <SelectField label="Pod" value={shownPod} onChange={setPodKey} className="mb-1.5"
          options={pods.length ? pods.map((p) => ({ value: p.key, label: p.key, data: true })) : [{ value: '', label: t('network.noPods') }]} />
        {/* i18n-data: the kubectl command line and the file's content */}
        {conf !== undefined && <Output label={t('network.resolvConf')}>{`$ kubectl exec ${execTarget(shownPod)} -- cat /etc/resolv.conf\n${conf}`}</Output>}
      </Section>
    </div>
  );
}
