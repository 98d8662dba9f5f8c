import { usePlayground } from '../../store';
import { formatVirtualTime } from '../../projections/time';

/** A slider over every Step; moving it moves the whole UI to that moment. */
export function Scrubber() {
  const count = usePlayground((s) => s.cluster.steps.length);
  const cursor = usePlayground((s) => s.cursor);
  const time = usePlayground((s) => s.cluster.steps[s.cursor]?.time);
  const setCursor = usePlayground((s) => s.setCursor);
  const last = Math.max(0, count - 1);

  return (
    <div className="flex min-w-0 flex-1 items-center gap-2">
      <input
        type="range"
        aria-label="Timeline position"
        min={0}
        max={last}
        step={1}
        value={Math.max(0, cursor)}
        disabled={count === 0}
        onChange={(e) => setCursor(Number(e.target.value))}
        aria-valuetext={count ? `Step ${cursor} of ${last}, t = ${formatVirtualTime(time ?? 0)}` : 'No Steps yet'}
        className="min-w-0 flex-1 accent-indigo-600"
      />
      <span className="shrink-0 text-[13px] tabular-nums text-slate-600">
        Step {Math.max(0, cursor)} / {last}
      </span>
    </div>
  );
}
