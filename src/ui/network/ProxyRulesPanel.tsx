import { useEffect, useMemo, useState } from 'react';
import { proxyRules, ruleLines } from '../../projections/networkRules';
import { samplesThrough } from '../../projections/networkTraffic';
import { formatVirtualTime } from '../../projections/time';
import { useT } from '../../i18n/useT';
import { useView } from '../../store';
import { Button } from '../common/Button';
import { Output, Section, SelectField } from './fields';
import { NetworkOutput } from './NetworkOutput';
import { ProxyModeSwitch } from './ProxyModeSwitch';
import { RulesText } from './RulesText';
import { sampleText } from './trafficText';
import { useNodeNames, useServices } from './useClusterLists';

/**
 * What kube-proxy programmed on one Node, as of the cursor: `iptables-save` or `ipvsadm -Ln`,
 * cut down to one Service's rules, with the way a sampled request took highlighted; and the
 * switch between the two modes.
 */
export function ProxyRulesPanel({ node: presetNode, service: presetService }: { node?: string; service?: string }) {
  const t = useT();
  const view = useView();
  const nodes = useNodeNames();
  const services = useServices();
  const [chosenNode, setNode] = useState(presetNode ?? '');
  // undefined: the first Service of the learner's (not default/kubernetes); '': all Services
  const [chosenService, setService] = useState<string | undefined>(presetService);
  const [pick, setPick] = useState(0);
  useEffect(() => setNode(presetNode ?? ''), [presetNode]);
  useEffect(() => setService(presetService), [presetService]);
  const node = nodes.includes(chosenNode) ? chosenNode : nodes[0] ?? '';
  const service = chosenService !== undefined && (chosenService === '' || services.some((s) => s.key === chosenService)) ? chosenService
    : services.find((s) => s.key !== 'default/kubernetes')?.key ?? '';

  const record = useMemo(() => (node ? proxyRules(view, node) : undefined), [view, node]);
  const samples = useMemo(() => (node ? samplesThrough(view, node, service || undefined) : []), [view, node, service]);
  const sample = samples.length ? samples[pick % samples.length] : undefined;
  const lines = useMemo(() => (record ? ruleLines(record, service || undefined, sample?.sample) : []), [record, service, sample]);
  const command = record?.mode === 'ipvs' ? 'ipvsadm -Ln' : 'iptables-save';

  return (
    <div className="min-h-0 flex-1 overflow-auto">
      <Section title="kube-proxy">
        <div className="flex flex-wrap items-end gap-2">
          <ProxyModeSwitch />
          <SelectField label="Node" value={node} onChange={setNode} className="w-28"
            options={nodes.length ? nodes.map((n) => ({ value: n, label: n, data: true })) : [{ value: '', label: t('network.noNodes') }]} />
          <SelectField label="Service" value={service} onChange={setService} className="min-w-32 flex-1"
            options={[{ value: '', label: t('network.allServices') }, ...services.map((s) => ({ value: s.key, label: s.key, data: true }))]} />
        </div>
        <NetworkOutput kind="proxy" />
      </Section>
      <Section title={t('network.rules')} label={t('network.rulesRegion')}
        aside={record ? t('network.syncedAt', { mode: record.mode, time: formatVirtualTime(record.syncedAt) }) : undefined}>
        {!record ? (
          <p className="text-[12.5px] text-slate-500">{node ? t('network.noRulesOn', { node }) : t('network.noRulesYet')}</p>
        ) : (
          <>
            <p className="mb-1 font-mono text-[11.5px] text-slate-500"><span translate="no">$ {command}</span>  {t('network.onNode', { node })}</p>
            <RulesText lines={lines} label={t('network.rulesOn', { node })} />
            {service && lines.length <= (record.mode === 'ipvs' ? 3 : 0) && (
              <p className="mt-1 text-[12px] text-slate-500">{t('network.noRulesFor', { service, node })}</p>
            )}
            <SampleNote text={sample ? sampleText(sample.sample, t) : undefined} index={pick % Math.max(1, samples.length)} count={samples.length}
              onNext={() => setPick((p) => p + 1)} onPrevious={() => setPick((p) => (p + samples.length - 1) % Math.max(1, samples.length))} />
            {record.kubeIpvs0 && (
              <details className="mt-2 text-[12px] text-slate-600">
                <summary className="cursor-pointer">{t('network.ipvsDetails')}</summary>
                {/* i18n-data: ip and ipset command lines and output */}
                <Output label={t('network.ipvsDeviceOn', { node })} className="mt-1">{`$ ip addr show kube-ipvs0\n${record.kubeIpvs0}\n$ ipset list\n${record.ipsets ?? ''}`}</Output>
              </details>
            )}
          </>
        )}
      </Section>
    </div>
  );
}

function SampleNote({ text, index, count, onNext, onPrevious }: {
  text?: string; index: number; count: number; onNext(): void; onPrevious(): void;
}) {
  const t = useT();
  if (!text) return <p className="mt-1.5 text-[12px] text-slate-500">{t('network.noSample')}</p>;
  return (
    <div className="mt-1.5 flex items-start gap-2 text-[12px]">
      <p role="note" aria-label={t('network.highlightedRequest')} className="min-w-0 flex-1 leading-snug text-slate-700">
        <span className="mr-1 rounded bg-amber-100 px-1 text-amber-900">{t('network.highlighted')}</span>
        {text}
      </p>
      {count > 1 && (
        <div className="flex shrink-0 items-center gap-1">
          <Button className="!px-1.5 !py-0.5" aria-label={t('network.previousSample')} onClick={onPrevious}>◀</Button>
          <span className="tabular-nums text-slate-500">{index + 1}/{count}</span>
          <Button className="!px-1.5 !py-0.5" aria-label={t('network.nextSample')} onClick={onNext}>▶</Button>
        </div>
      )}
    </div>
  );
}
