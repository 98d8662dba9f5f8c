import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/useT';
import { usePlayground } from '../../store';
import { rateText } from '../network/trafficText';

const MAX_RATE = 200;
/** Dragging sends one command once the hand rests, not one per pixel. */
const SETTLE_MS = 350;

/**
 * The load on the HPA's target: the requests per second sent to the Service in front of its Pods.
 * Moving it replaces that Service's generators with one at the new rate (0 stops them).
 */
export function LoadSlider({ service, namespace, rate }: { service: string; namespace: string; rate: number }) {
  const t = useT();
  const setServiceLoad = usePlayground((s) => s.setServiceLoad);
  const [draft, setDraft] = useState(rate);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (pending.current === undefined) setDraft(rate);
  }, [rate]);
  useEffect(() => () => clearTimeout(pending.current), []);

  const change = (value: number) => {
    setDraft(value);
    clearTimeout(pending.current);
    pending.current = setTimeout(() => {
      pending.current = undefined;
      setServiceLoad(service, namespace, value);
    }, SETTLE_MS);
  };
  const valueText = t('hpa.loadValue', { count: draft, service });
  return (
    <div>
      <div className="flex items-baseline gap-2 text-[12px] text-slate-600">
        <span aria-hidden="true" className="min-w-0 flex-1">{t('hpa.loadLabel')}</span>
        <output className="shrink-0 text-[13px] font-semibold tabular-nums text-slate-900">{rateText(draft, t)}</output>
      </div>
      <input type="range" min={0} max={Math.max(MAX_RATE, rate)} step={1} value={draft} aria-label={t('hpa.loadLabel')}
        aria-valuetext={valueText} onChange={(e) => change(Number(e.target.value))} className="mt-1 w-full accent-indigo-600" />
      <p className="text-[11.5px] text-slate-500">{t('hpa.loadHint', { service: `${namespace}/${service}` })}</p>
    </div>
  );
}
