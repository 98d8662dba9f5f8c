import type { SandboxData } from '../../graph/types';
import { SANDBOX_ROW } from '../../graph/layout';
import { useT } from '../../i18n/useT';

/**
 * The pause container: created first, it holds the Pod's network namespace and IP; every container
 * of the Pod joins that namespace (drawn as the line the container rows hang from).
 */
export function SandboxRow({ sandbox }: { sandbox: SandboxData }) {
  const t = useT();
  const exists = sandbox.state !== 'none';
  const image = sandbox.image ?? 'pause';
  const state = sandbox.state === 'ready' ? t('common.ready') : t('common.notReady');
  const title = !exists ? t('canvas.sandboxNone')
    : sandbox.ip ? t('canvas.sandboxWithIp', { image, state, ip: sandbox.ip }) : t('canvas.sandbox', { image, state });
  return (
    <div
      role="group"
      aria-label={t('canvas.pauseContainer')}
      title={title}
      className="flex items-center gap-1.5 text-[12px]"
      style={{ height: SANDBOX_ROW }}
    >
      {/* `netns` (the Linux network namespace) and `pause` (the container's name) are names, kept as they are */}
      <span
        translate="no"
        className={`shrink-0 rounded-full px-1.5 py-0.5 text-[10px] font-semibold uppercase tracking-wide ring-1 ring-inset ${exists ? 'bg-indigo-50 text-indigo-700 ring-indigo-300' : 'border-dashed bg-white text-slate-500 ring-slate-300'}`}
      >
        netns
      </span>{' '}
      <span translate="no" className="font-mono text-slate-600">pause</span>{' '}
      {exists ? (
        <>
          {sandbox.ip
            ? <span translate="no" className="font-mono font-medium text-slate-900">{sandbox.ip}</span>
            : <span className="font-mono font-medium text-slate-900">{t('canvas.noIpYet')}</span>}{' '}
          {sandbox.state === 'notready' && <span className="text-[11px] text-rose-700">{t('common.notReady')}</span>}
        </>
      ) : (
        <span className="italic text-slate-500">{t('canvas.notCreatedYet')}</span>
      )}
    </div>
  );
}
