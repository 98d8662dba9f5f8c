import { useEffect, useMemo, useState } from 'react';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { useT } from '../../../i18n/useT';
import { containerEnvironment } from '../../../projections/containerEnv';
import { containerMounts } from '../../../projections/containerEnvMounts';
import { usePlayground, useView } from '../../../store';
import { slot, withNodes } from '../messageNodes';
import { EnvTable } from './EnvTable';
import { MountList } from './MountList';

function RevealSwitch({ on, onChange }: { on: boolean; onChange(on: boolean): void }) {
  const t = useT();
  return (
    <button type="button" role="switch" aria-checked={on} onClick={() => onChange(!on)}
      title={t('container.revealHint')}
      className="ml-auto flex shrink-0 items-center gap-1.5 whitespace-nowrap rounded px-1.5 py-0.5 text-[12px] font-medium text-slate-700 hover:bg-slate-100">
      <span aria-hidden className={`relative inline-block h-4 w-7 rounded-full transition-colors ${on ? 'bg-rose-600' : 'bg-slate-300'}`}>
        <span className={`absolute top-0.5 h-3 w-3 rounded-full bg-white shadow transition-[left] ${on ? 'left-3.5' : 'left-0.5'}`} />
      </span>
      {t('container.reveal')}
    </button>
  );
}

/**
 * One container as it sees the world, at the timeline's Step: its environment (resolved values and
 * where each comes from) and what is mounted where (the files the kubelet wrote for it); Secret
 * values and files masked until revealed.
 */
export function ContainerPanel({ pod, container }: { pod: Pod; container: Container }) {
  const t = useT();
  const view = useView();
  const inspectContainer = usePlayground((s) => s.inspectContainer);
  const [reveal, setReveal] = useState(false);
  useEffect(() => setReveal(false), [pod.metadata?.uid, container.name]);
  const env = useMemo(() => containerEnvironment(view, pod, container), [view, pod, container]);
  const mounts = useMemo(() => containerMounts(view, pod, container), [view, pod, container]);
  const visible = env.rows.filter((r) => !r.overridden && !r.absent).length;

  return (
    <section aria-label={t('container.section', { name: container.name })} className="flex min-h-0 flex-1 flex-col overflow-auto border-t border-slate-100">
      <div className="flex items-center gap-2 px-3 py-1.5">
        <button type="button" onClick={() => inspectContainer(null)} className="rounded px-1 text-[12px] text-indigo-700 hover:bg-indigo-50">
          {t('container.backToPod', { name: pod.metadata?.name ?? '' })}
        </button>
        <span translate="no" className="min-w-0 truncate font-mono text-[12px] text-slate-500" title={container.image}>{container.image}</span>
      </div>
      <div className="flex items-center gap-2 px-3 pt-1">
        <h3 className="text-[13px] font-semibold text-slate-800">{t('container.environment')}</h3>
        <span className="whitespace-nowrap text-[12px] text-slate-500">{t('container.setCount', { count: visible })}</span>
        <RevealSwitch on={reveal} onChange={setReveal} />
      </div>
      {env.error && (
        <p role="alert" className="mx-3 mt-1 rounded bg-rose-50 px-2 py-1 text-[12px] text-rose-900 ring-1 ring-inset ring-rose-200">
          <span translate="no" lang="en">CreateContainerConfigError: {env.error}.</span> {t('container.configErrorHint')}
        </p>
      )}
      {env.invalidKeys.map((k) => <p key={k} translate="no" lang="en" className="mx-3 mt-1 text-[12px] text-amber-800">InvalidEnvironmentVariableNames: {k}</p>)}
      <EnvTable rows={env.rows} reveal={reveal} />
      {env.laterServices.length > 0 && (
        <p className="px-3 pb-1 text-[12px] text-slate-500">
          {withNodes(t('container.laterServices', { count: env.laterServices.length, services: slot(0) }),
            [<span key="services" translate="no">{env.laterServices.join(', ')}</span>])}
        </p>
      )}
      <h3 className="px-3 pt-2 text-[13px] font-semibold text-slate-800">{t('container.mounts')}</h3>
      <MountList rows={mounts} reveal={reveal} />
    </section>
  );
}
