import type { Usage } from '../../graph/types';
import { useT } from '../../i18n/useT';

/**
 * One "in use / allocatable" line of a Node: the resource's name (cpu, memory, pods: the resource
 * names of the Node's allocatable, kept as Kubernetes spells them), bar, and the figures as text.
 */
export function UsageBar({ resource, usage }: { resource: 'cpu' | 'memory' | 'pods'; usage: Usage }) {
  const t = useT();
  const pct = Math.round(usage.fraction * 100);
  const colour = usage.fraction >= 1 ? 'bg-rose-500' : usage.fraction >= 0.8 ? 'bg-amber-500' : 'bg-sky-500';
  return (
    <div className="flex h-5 items-center gap-2 text-[12px]" title={t('canvas.requestedTitle', { resource, usage: usage.text, percent: pct })}>
      <span translate="no" className="w-12 shrink-0 text-slate-500">{resource}</span>
      <span
        role="meter"
        aria-label={t('canvas.requested', { resource })}
        aria-valuemin={0}
        aria-valuemax={usage.total}
        aria-valuenow={Math.min(usage.used, usage.total)}
        aria-valuetext={usage.text}
        className="h-1.5 flex-1 overflow-hidden rounded-full bg-slate-200"
      >
        <span className={`block h-full rounded-full transition-[width] duration-500 ${colour}`} style={{ width: `${pct}%` }} />
      </span>
      <span translate="no" className="w-24 shrink-0 text-right font-mono text-[11px] tabular-nums text-slate-700">{usage.text}</span>
    </div>
  );
}
