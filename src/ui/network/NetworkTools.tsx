import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { HPA_KIND } from '../../projections/hpa';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useView } from '../../store';
import { HpaPanel } from '../hpa/HpaPanel';
import { DnsPanel } from './DnsPanel';
import { SelectField } from './fields';
import { ProxyRulesPanel } from './ProxyRulesPanel';
import { TopPanel } from './TopPanel';
import { TrafficPanel } from './TrafficPanel';

type ToolId = 'traffic' | 'proxy' | 'dns' | 'top' | 'hpa';
const TOOLS: ToolId[] = ['traffic', 'proxy', 'dns', 'top', 'hpa'];

/** A tool's tab name: kube-proxy, DNS and HPA are the same in every language. */
function toolLabel(id: ToolId, t: Translate): string {
  switch (id) {
    case 'traffic': return t('network.tabTraffic');
    case 'proxy': return 'kube-proxy';
    case 'dns': return 'DNS';
    case 'top': return t('network.tabTop');
    case 'hpa': return 'HPA';
  }
}

/** Every HPA at the cursor, with a picker when there are several. */
function HpaTool() {
  const t = useT();
  const view = useView();
  const hpas = useMemo(() => view.list(HPA_KIND).map((h) => `${h.metadata.namespace ?? 'default'}/${h.metadata.name}`).sort(), [view]);
  const [chosen, setChosen] = useState('');
  const key = hpas.includes(chosen) ? chosen : hpas[0];
  if (!key) return <p className="px-3 py-2 text-[12.5px] text-slate-500">{t('hpa.none')}</p>;
  const [namespace, name] = key.split('/');
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      {hpas.length > 1 && (
        <div className="px-3 pt-2"><SelectField label="HorizontalPodAutoscaler" value={key} onChange={setChosen} options={hpas.map((h) => ({ value: h, label: h, data: true }))} /></div>
      )}
      <HpaPanel name={name} namespace={namespace} />
    </div>
  );
}

/**
 * Cluster-wide network and autoscaling tools, for when nothing is selected: Traffic, kube-proxy
 * rules, DNS lookup, `kubectl top`, and the HPAs. A WAI-ARIA tab list (←/→/Home/End).
 */
export function NetworkTools() {
  const t = useT();
  const [active, setActive] = useState<ToolId>('traffic');
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TOOLS.indexOf(active);
    const n = TOOLS.length;
    const next = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    setActive(TOOLS[next]);
    refs.current[TOOLS[next]]?.focus();
  };
  return (
    <section aria-label={t('network.clusterTools')} className="flex min-h-0 flex-1 flex-col border-t border-slate-200">
      <div role="tablist" aria-label={t('network.clusterTools')} onKeyDown={onKeyDown} className="flex flex-wrap gap-x-1 border-b border-slate-200 px-2">
        {TOOLS.map((id) => (
          <button key={id} ref={(el) => { refs.current[id] = el; }} type="button" role="tab" id={`tools-tab-${id}`}
            aria-selected={id === active} aria-controls={`tools-panel-${id}`} tabIndex={id === active ? 0 : -1} onClick={() => setActive(id)}
            className={`-mb-px border-b-2 px-2 py-1.5 text-[12.5px] font-medium ${id === active ? 'border-indigo-600 text-indigo-700' : 'border-transparent text-slate-500 hover:text-slate-800'}`}>
            {toolLabel(id, t)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tools-panel-${active}`} aria-labelledby={`tools-tab-${active}`} className="flex min-h-0 flex-1 flex-col">
        {active === 'traffic' && <TrafficPanel />}
        {active === 'proxy' && <ProxyRulesPanel />}
        {active === 'dns' && <DnsPanel />}
        {active === 'top' && <TopPanel />}
        {active === 'hpa' && <HpaTool />}
      </div>
    </section>
  );
}
