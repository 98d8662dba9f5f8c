import { usePlayground } from '../../store';
import { formatVirtualTime } from '../../projections/time';
import { useT } from '../../i18n/useT';

/** A slider over every Step; moving it moves the whole UI to that moment. */
export function Scrubber() {
  const t = useT();
  const count = usePlayground((s) => s.cluster.steps.length);
  const cursor = usePlayground((s) => s.cursor);
  const time = usePlayground((s) => s.cluster.steps[s.cursor]?.time);
  const setCursor = usePlayground((s) => s.setCursor);
  const last = Math.max(0, count - 1);

  return (
    <div className="flex min-w-0 flex-1 items-center gap-2">
      <input
        type="range"
        aria-label={t('timeline.position')}
        min={0}
        max={last}
        step={1}
        value={Math.max(0, cursor)}
        disabled={count === 0}
        onChange={(e) => setCursor(Number(e.target.value))}
        aria-valuetext={count ? t('timeline.positionValue', { step: cursor, last, time: formatVirtualTime(time ?? 0) }) : t('timeline.noSteps')}
        className="min-w-0 flex-1 accent-indigo-600"
      />
      <span className="shrink-0 text-[13px] tabular-nums text-slate-600">
        {t('timeline.stepOf', { step: Math.max(0, cursor), last })}
      </span>
    </div>
  );
}
