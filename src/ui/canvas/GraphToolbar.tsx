import { useT } from '../../i18n/useT';
import type { EdgeToggles } from './edges/useCanvasEdges';

function Switch({ label, on, onChange, hint }: { label: string; on: boolean; onChange(on: boolean): void; hint: string }) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      title={hint}
      onClick={() => onChange(!on)}
      className="flex shrink-0 items-center gap-1.5 rounded px-1.5 py-0.5 text-[12px] font-medium text-slate-700 hover:bg-slate-100"
    >
      <span
        aria-hidden
        className={`relative inline-block h-4 w-7 rounded-full transition-colors duration-200 ${on ? 'bg-indigo-600' : 'bg-slate-300'}`}
      >
        <span className={`absolute top-0.5 h-3 w-3 rounded-full bg-white shadow transition-[left] duration-200 ${on ? 'left-3.5' : 'left-0.5'}`} />
      </span>
      {label}
    </button>
  );
}

/** A legend entry: a short sample of the edge style, then what it means. */
function Sample({ className, text }: { className: string; text: string }) {
  return (
    <span className="flex shrink-0 items-center gap-1">
      <svg aria-hidden width="16" height="6"><line x1="0" y1="3" x2="16" y2="3" className={className} /></svg>
      {text}
    </span>
  );
}

/**
 * The canvas's toolbar, a strip above the graph (so it never covers it): which relations are drawn
 * as edges, and what the edge styles mean.
 */
export function GraphToolbar({ toggles, onToggle }: { toggles: EdgeToggles; onToggle(key: keyof EdgeToggles, on: boolean): void }) {
  const t = useT();
  return (
    <div role="toolbar" aria-label={t('canvas.options')} className="@container flex h-9 shrink-0 items-center gap-1 overflow-hidden border-b border-slate-200 bg-white/90 px-2">
      <Switch
        label={t('canvas.showOwnership')}
        on={toggles.ownership}
        onChange={(on) => onToggle('ownership', on)}
        hint={t('canvas.showOwnershipHint')}
      />
      <Switch
        label={t('canvas.showEndpoints')}
        on={toggles.endpoints}
        onChange={(on) => onToggle('endpoints', on)}
        hint={t('canvas.showEndpointsHint')}
      />
      <span className="ml-auto hidden min-w-0 items-center gap-2.5 pr-1 text-[11px] text-slate-600 @min-[600px]:flex" role="group" aria-label={t('canvas.legend')}>
        <Sample className="kp-legend-owns" text={t('canvas.legendOwns')} />
        <Sample className="kp-legend-ready" text={t('common.ready')} />
        <Sample className="kp-legend-notready" text={t('common.notReady')} />
        <Sample className="kp-legend-terminating" text={t('common.terminating')} />
      </span>
    </div>
  );
}
