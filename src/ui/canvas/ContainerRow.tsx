import { memo } from 'react';
import type { ContainerData } from '../../graph/types';
import { CONTAINER_ROW } from '../../graph/layout';
import { dataParts, messageParts, type TextPart } from '../../i18n/textParts';
import type { Translate } from '../../i18n/types';
import { useT } from '../../i18n/useT';
import { PartsText } from '../common/PartsText';
import { TONES } from './tone';

/**
 * What the row says about the state, like `kubectl get`'s words: Running, CrashLoopBackOff,
 * Completed (exit 0). The states and reasons are Kubernetes values; only the glue is translated.
 */
function shortState(c: ContainerData, t: Translate): TextPart[] {
  if (c.state === 'running') return c.ready || c.type === 'init' ? dataParts('Running') : messageParts((mark) => t('canvas.runningNotReady', { state: mark('Running') }));
  if (c.state === 'terminated') {
    return messageParts((mark) => t('canvas.exited', { reason: mark(c.reason ?? 'Terminated'), code: c.exitCode ?? '?' }));
  }
  return dataParts(c.reason ?? 'Waiting');
}

function kindTag(c: ContainerData, t: Translate): string {
  if (c.type === 'sidecar') return t('canvas.sidecarTag', { order: c.order ?? '' });
  if (c.type === 'init') return t('canvas.initTag', { order: c.order ?? '' });
  return '';
}

/** One container, hanging off the sandbox's network namespace line. */
export const ContainerRow = memo(function ContainerRow({ container: c }: { container: ContainerData }) {
  const t = useT();
  const tone = TONES[c.tone];
  const tag = kindTag(c, t);
  const readyMark = c.type === 'init' ? null : (
    <span className={c.ready ? 'text-emerald-600' : 'text-slate-500'} title={c.ready ? t('common.ready') : t('common.notReady')}>
      {c.ready ? '✓' : '○'}
      <span className="sr-only"> {c.ready ? t('common.ready') : t('common.notReady')}</span>
    </span>
  );
  return (
    <div
      role="group"
      aria-label={c.ariaLabel}
      title={`${c.name} · ${c.image}\n${c.stateText}${c.restartCount ? ` · ${t('canvas.restarts', { count: c.restartCount })}` : ''}`}
      className="relative flex items-center gap-1 pl-3 text-[12px] leading-none transition-colors duration-300"
      style={{ height: CONTAINER_ROW }}
    >
      <span aria-hidden className="absolute left-0 top-1/2 h-px w-2.5 bg-indigo-300" />
      {tag && (
        <span className={`shrink-0 rounded px-1 py-0.5 text-[10px] font-semibold ${c.type === 'sidecar' ? 'bg-violet-100 text-violet-700' : 'bg-slate-100 text-slate-600'}`}>
          {tag}
        </span>
      )}
      <span translate="no" className="min-w-[3rem] flex-1 truncate font-mono text-slate-800">{c.name}</span>
      <span className={`flex max-w-[10.5rem] shrink-0 items-center gap-1 rounded px-1 py-0.5 transition-colors duration-300 ${tone.chip}`}>
        <span aria-hidden className={tone.text}>{TONES[c.tone].icon}</span>
        <span className="truncate"><PartsText parts={shortState(c, t)} wrapped /></span>
      </span>
      {readyMark}
      {c.restartCount > 0 && (
        <span className="shrink-0 text-[11px] text-rose-700" title={t('canvas.restarts', { count: c.restartCount })}>
          ↻{c.restartCount}
        </span>
      )}
    </div>
  );
});
