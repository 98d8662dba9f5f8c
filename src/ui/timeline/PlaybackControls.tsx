import { selectCanStepBack, selectCanStepForward, usePlayground, useView } from '../../store';
import { Button } from '../common/Button';
import { formatVirtualTime } from '../../projections/time';

const SPEED_MIN = 1;
const SPEED_MAX = 20;

function Icon({ d }: { d: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-current">
      <path d={d} />
    </svg>
  );
}

const ICONS = {
  play: 'M4.5 2.5v11l9-5.5z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  back: 'M3 3h2v10H3zM13.5 2.5v11L6 8z',
  forward: 'M11 3h2v10h-2zM2.5 2.5v11L10 8z',
};

/** Step back, Play/Pause, Step forward, the speed, and the virtual clock as of the cursor. */
export function PlaybackControls() {
  const playing = usePlayground((s) => s.playing);
  const speed = usePlayground((s) => s.speed);
  const canBack = usePlayground(selectCanStepBack);
  const canForward = usePlayground(selectCanStepForward);
  const { stepBack, stepForward, togglePlay, setSpeed } = usePlayground.getState();
  const now = useView().now;
  const shownSpeed = Math.min(SPEED_MAX, Math.max(SPEED_MIN, Math.round(speed)));

  return (
    <div className="flex items-center gap-1.5">
      <Button onClick={stepBack} disabled={!canBack} aria-label="Step back" title="Step back (←)">
        <Icon d={ICONS.back} />
        <span className="hidden sm:inline">Back</span>
      </Button>
      <Button variant="primary" onClick={togglePlay} aria-label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause (Space)' : 'Play (Space)'} className="w-[84px] justify-center">
        <Icon d={playing ? ICONS.pause : ICONS.play} />
        {playing ? 'Pause' : 'Play'}
      </Button>
      <Button onClick={stepForward} disabled={!canForward} aria-label="Step forward" title="Step forward (→)">
        <span className="hidden sm:inline">Step</span>
        <Icon d={ICONS.forward} />
      </Button>
      <label className="ml-3 flex items-center gap-2 text-[13px] text-slate-600">
        Speed
        <input
          type="range"
          aria-label="Speed"
          min={SPEED_MIN}
          max={SPEED_MAX}
          step={1}
          value={shownSpeed}
          onChange={(e) => setSpeed(Number(e.target.value))}
          aria-valuetext={`${shownSpeed} Steps per second`}
          className="w-24 accent-indigo-600"
        />
        <span className="w-[64px] tabular-nums text-slate-700">{shownSpeed} Steps/s</span>
      </label>
      <output aria-label="Virtual time" className="ml-3 rounded-md bg-slate-100 px-2 py-1 font-mono text-[13px] tabular-nums text-slate-800"
        title="Virtual time of the cluster at this Step">
        t = {formatVirtualTime(now)}
      </output>
    </div>
  );
}
