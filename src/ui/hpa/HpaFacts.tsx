import type { HpaView } from '../../projections/hpa';
import { useT } from '../../i18n/useT';
import { Section } from '../network/fields';

/** Current against target utilisation as a bar with the target marked (the numbers are in the text). */
function UtilizationBar({ current, target }: { current?: number; target: number }) {
  const scale = Math.max(100, target * 2, current ?? 0);
  const over = (current ?? 0) > target;
  return (
    <div aria-hidden="true" className="relative mt-1 h-2 rounded-full bg-slate-100">
      {current !== undefined && (
        <div className={`h-full rounded-full transition-[width] duration-300 ${over ? 'bg-rose-500' : 'bg-emerald-500'}`}
          style={{ width: `${Math.min(100, (current / scale) * 100)}%` }} />
      )}
      <div className="absolute -top-1 h-4 w-0.5 bg-slate-700" style={{ left: `${(target / scale) * 100}%` }} />
    </div>
  );
}

/** The HPA's numbers at the cursor: target and range, TARGETS, utilisation, replicas, conditions. */
export function HpaFacts({ hpa }: { hpa: HpaView }) {
  const t = useT();
  const u = hpa.utilization;
  return (
    <Section title={t('hpa.status')} label={t('hpa.statusRegion')}
      aside={t('hpa.range', { reference: hpa.reference, min: hpa.minReplicas, max: hpa.maxReplicas })}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-[12.5px]">
        <dt className="text-slate-500">{t('hpa.targets')}</dt>
        {/* kubectl get hpa's TARGETS column, as kubectl prints it */}
        <dd aria-label={t('hpa.targets')} translate="no" className="font-mono text-slate-900">{hpa.targets}</dd>
        <dt className="text-slate-500">{t('hpa.replicas')}</dt>
        <dd aria-label={t('hpa.replicas')} className="text-slate-900">
          {hpa.currentReplicas === undefined ? t('hpa.notSyncedShort')
            : t('hpa.currentDesired', { current: hpa.currentReplicas, desired: hpa.desiredReplicas ?? 0 })}
        </dd>
      </dl>
      {u && (
        <div className="mt-1.5 text-[12px] text-slate-700">
          <p role="note" aria-label={t('hpa.utilization')}>
            {u.current === undefined ? t('hpa.utilizationUnmeasured', { resource: u.resource, target: u.target })
              : t('hpa.utilizationOf', { resource: u.resource, current: u.current, target: u.target })}
          </p>
          <UtilizationBar current={u.current} target={u.target} />
        </div>
      )}
      {hpa.conditions.length > 0 && (
        <ul aria-label={t('hpa.conditions')} className="mt-2 space-y-0.5 text-[11.5px] leading-snug">
          {/* status.conditions as the API holds them: types, reasons and the controller's messages stay English */}
          {hpa.conditions.map((c) => (
            <li key={c.type} title={c.message} translate="no" lang="en">
              <span className="font-medium text-slate-800">{c.type}</span>{' '}
              <span className={c.status === 'True' ? 'text-emerald-700' : 'text-amber-800'}>{c.status}</span>{' '}
              <span className="text-slate-500">{c.reason}: {c.message}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
