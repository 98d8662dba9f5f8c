import { selectCanStepBack, selectCanStepForward, usePlayground, useView } from '../../store';
import { useT } from '../../i18n/useT';
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
  const t = useT();
  const playing = usePlayground((s) => s.playing);
  const speed = usePlayground((s) => s.speed);
  const canBack = usePlayground(selectCanStepBack);
  const canForward = usePlayground(selectCanStepForward);
  const { stepBack, stepForward, togglePlay, setSpeed } = usePlayground.getState();
  const now = useView().now;
  const shownSpeed = Math.min(SPEED_MAX, Math.max(SPEED_MIN, Math.round(speed)));

  return (
    <div className="flex items-center gap-1.5">
      <Button onClick={stepBack} disabled={!canBack} aria-label={t('timeline.stepBack')} title={t('timeline.stepBackHint')}>
        <Icon d={ICONS.back} />
        <span className="hidden sm:inline">{t('timeline.back')}</span>
      </Button>
      <Button variant="primary" onClick={togglePlay} aria-label={playing ? t('timeline.pause') : t('timeline.play')}
        title={playing ? t('timeline.pauseHint') : t('timeline.playHint')} className="w-[84px] justify-center">
        <Icon d={playing ? ICONS.pause : ICONS.play} />
        {playing ? t('timeline.pause') : t('timeline.play')}
      </Button>
      <Button onClick={stepForward} disabled={!canForward} aria-label={t('timeline.stepForward')} title={t('timeline.stepForwardHint')}>
        <span className="hidden sm:inline">{t('timeline.step')}</span>
        <Icon d={ICONS.forward} />
      </Button>
      <label className="ml-3 flex items-center gap-2 text-[13px] text-slate-600">
        {t('timeline.speed')}
        <input
          type="range"
          aria-label={t('timeline.speed')}
          min={SPEED_MIN}
          max={SPEED_MAX}
          step={1}
          value={shownSpeed}
          onChange={(e) => setSpeed(Number(e.target.value))}
          aria-valuetext={t('timeline.speedValue', { speed: shownSpeed })}
          className="w-24 accent-indigo-600"
        />
        <span className="w-[64px] tabular-nums text-slate-700">{t('timeline.speedShort', { speed: shownSpeed })}</span>
      </label>
      <output aria-label={t('timeline.virtualTime')} className="ml-3 rounded-md bg-slate-100 px-2 py-1 font-mono text-[13px] tabular-nums text-slate-800"
        title={t('timeline.virtualTimeHint')}>
        t = {formatVirtualTime(now)}
      </output>
    </div>
  );
}
