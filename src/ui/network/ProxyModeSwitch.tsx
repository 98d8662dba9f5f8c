import type { ProxyMode } from '../../engine/api';
import { configuredProxyMode } from '../../projections/networkRules';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { usePlayground, useView } from '../../store';

const MODES: ProxyMode[] = ['iptables', 'ipvs'];

const hint = (mode: ProxyMode, t: Translate) => (mode === 'ipvs' ? t('network.ipvsHint') : t('network.iptablesHint'));

/** The mode in ConfigMap kube-system/kube-proxy at the cursor; choosing the other edits it (every kube-proxy restarts). */
export function ProxyModeSwitch() {
  const t = useT();
  const view = useView();
  const setProxyMode = usePlayground((s) => s.setProxyMode);
  const mode = configuredProxyMode(view);
  return (
    <fieldset className="min-w-0">
      <legend className="mb-0.5 text-[12px] text-slate-600">{t('network.proxyMode')}</legend>
      <div role="radiogroup" aria-label={t('network.proxyMode')} className="inline-flex overflow-hidden rounded-md ring-1 ring-inset ring-slate-300">
        {MODES.map((m) => (
          <label key={m} title={hint(m, t)}
            className={`relative cursor-pointer px-3 py-1 text-[12.5px] font-medium has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-500 ${
              m === mode ? 'bg-indigo-600 text-white' : 'bg-white text-slate-700 hover:bg-slate-50'}`}>
            <input type="radio" name="kube-proxy-mode" value={m} checked={m === mode} onChange={() => setProxyMode(m)} className="absolute inset-0 cursor-pointer appearance-none opacity-0" />
            <span translate="no">{m}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
