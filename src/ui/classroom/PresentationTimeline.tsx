import { selectCanStepBack, selectCanStepForward, useCurrentStep, usePlayground } from '../../store';
import { localizeStepMessage } from '../../i18n/stepText';
import { useLanguage, useT } from '../../i18n/useT';
import { formatVirtualTime } from '../../projections/time';
import { ActorChip } from '../timeline/ActorChip';
import { StepList } from '../timeline/StepList';
import { useTimelineKeys } from '../timeline/useTimelineKeys';

const BIG = 'inline-flex h-14 min-w-[8.5rem] items-center justify-center gap-2 rounded-xl px-5 text-[20px] font-semibold transition-colors focus-visible:outline-4 disabled:cursor-not-allowed disabled:opacity-40';
const PLAIN = `${BIG} bg-white text-slate-950 ring-2 ring-inset ring-slate-900 hover:bg-slate-100`;
const PRIMARY = `${BIG} bg-indigo-700 text-white hover:bg-indigo-800`;
const MESSAGE = 'kp-presenting-message mt-0.5 line-clamp-2 text-[22px] font-semibold leading-tight text-slate-950';

/**
 * The timeline in presentation mode: big step controls a room can see (and a presenter remote's
 * PageUp/PageDown drive), the Step on screen in large type, and the list of Steps under it.
 */
export function PresentationTimeline() {
  useTimelineKeys();
  const playing = usePlayground((s) => s.playing);
  const canBack = usePlayground(selectCanStepBack);
  const canForward = usePlayground(selectCanStepForward);
  const cursor = usePlayground((s) => s.cursor);
  const last = usePlayground((s) => s.cluster.steps.length - 1);
  const step = useCurrentStep();
  const t = useT();
  const language = useLanguage();
  // the Step's explanation in the UI's language where it is known; else the engine's English, marked so
  const message = step && localizeStepMessage(step.message, language);
  const { stepBack, stepForward, togglePlay } = usePlayground.getState();
  return (
    <div className="kp-presenting-timeline flex h-full flex-col">
      <h2 className="sr-only">{t('layout.timeline')}</h2>
      <div className="flex items-center gap-3 border-b-2 border-slate-900 px-4 py-3">
        <button type="button" className={PLAIN} onClick={stepBack} disabled={!canBack} aria-label={t('timeline.stepBack')} title={t('classroom.stepBackHint')}>
          <span aria-hidden="true">◀</span> {t('timeline.back')}
        </button>
        <button type="button" className={PRIMARY} onClick={togglePlay} aria-label={playing ? t('timeline.pause') : t('timeline.play')} title={t('classroom.playPauseHint')}>
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? t('timeline.pause') : t('timeline.play')}
        </button>
        <button type="button" className={PLAIN} onClick={stepForward} disabled={!canForward} aria-label={t('timeline.stepForward')} title={t('classroom.stepForwardHint')}>
          {t('timeline.step')} <span aria-hidden="true">▶</span>
        </button>
        <div className="ml-2 min-w-0 flex-1" aria-live="polite">
          <p className="flex items-baseline gap-3 font-mono text-[18px] tabular-nums text-slate-950">
            <span>{t('timeline.stepOf', { step: Math.max(0, cursor), last: Math.max(0, last) })}</span>
            <output aria-label={t('timeline.virtualTime')}>t = {formatVirtualTime(step?.time ?? 0)}</output>
            {step && <span className="kp-presenting-actor min-w-0 truncate"><ActorChip actor={step.actor} /></span>}
          </p>
          {message ? (
            <p className={MESSAGE} title={message.text} {...(message.language === 'en' ? { lang: 'en', translate: 'no' } : {})}>
              {message.text}
            </p>
          ) : (
            <p className={MESSAGE}>{t('timeline.noSteps')}</p>
          )}
        </div>
      </div>
      <div className="kp-presenting-steps flex min-h-0 flex-1 flex-col">
        <StepList />
      </div>
    </div>
  );
}
