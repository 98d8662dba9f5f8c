import { memo } from 'react';
import type { Step } from '../../engine/api';
import { formatVirtualTime } from '../../projections/time';
import { useT } from '../../i18n/useT';
import { ActorChip } from './ActorChip';
import { messageAttrs, useStepMessage } from './stepMessage';

interface StepRowProps {
  step: Step;
  current: boolean;
  top: number;
  height: number;
  setSize: number;
  /** 1-based row position when rows are filtered or grouped (default: the Step's own position). */
  position?: number;
  /** Shown as a member of an expanded group (indented). */
  nested?: boolean;
  onSelect(index: number): void;
}

/** One Step: index, virtual time, actor and what it did; the current one is marked for everyone. */
export const StepRow = memo(function StepRow({ step, current, top, height, setSize, position, nested, onSelect }: StepRowProps) {
  const t = useT();
  const message = useStepMessage(step.message);
  return (
    <div
      role="listitem"
      aria-current={current ? 'step' : undefined}
      aria-setsize={setSize}
      aria-posinset={position ?? step.index + 1}
      data-step-index={step.index}
      className="absolute inset-x-0"
      style={{ top, height }}
    >
      <button
        type="button"
        tabIndex={current ? 0 : -1}
        onClick={() => onSelect(step.index)}
        className={`flex h-full w-full items-center gap-3 border-l-4 pr-3 ${nested ? 'pl-9' : 'pl-3'} text-left text-[13px] ${
          current ? 'border-indigo-500 bg-indigo-50 text-slate-900' : 'border-transparent text-slate-700 hover:bg-slate-50'
        }`}
      >
        <span className="w-12 shrink-0 text-right font-mono tabular-nums text-slate-600">#{step.index}</span>
        <span translate="no" className="w-20 shrink-0 font-mono tabular-nums text-slate-600">{formatVirtualTime(step.time)}</span>
        <span className="w-56 shrink-0 overflow-hidden"><ActorChip actor={step.actor} /></span>
        {/* each tooltip on what it explains: the (truncated) message, which may be English data, and the Events */}
        <span {...messageAttrs(message)} title={message.text} className="min-w-0 flex-1 truncate">{message.text}</span>
        {step.events.length > 0 && (
          // the Event texts are Kubernetes' own (reason: message), in English, inside a translated message
          <span title={t('timeline.eventsList', { events: step.events.join('; ') })}
            className="shrink-0 rounded bg-slate-100 px-1.5 text-[12px] text-slate-600">
            {t('timeline.eventCount', { count: step.events.length })}
          </span>
        )}
        {current && <span className="sr-only">{t('timeline.currentStep')}</span>}
      </button>
    </div>
  );
});
