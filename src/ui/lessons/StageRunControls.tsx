import type { Language } from '../../lessons/types';
import { selectStageReached } from '../../store/lessonSlice';
import { usePlayground } from '../../store';
import { Button } from '../common/Button';
import { t } from './uiText';

/** Where the cluster is relative to the stage's pause point, and the ways to get there. */
export function StageRunControls({ language }: { language: Language }) {
  const reached = usePlayground(selectStageReached);
  const atNewest = usePlayground((s) => s.cursor >= s.cluster.steps.length - 1);
  const replaced = usePlayground((s) => !!s.lessonProgress && s.lessonProgress.cluster !== s.cluster);
  const playing = usePlayground((s) => s.lessonPlaying);
  const stage = usePlayground((s) => s.lessonProgress?.stage ?? 0);
  const { playToPause, stopLessonPlay, runToPause, goToStage } = usePlayground.getState();

  if (replaced) {
    return (
      <div className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 px-2.5 py-2 text-[12.5px] text-amber-900 ring-1 ring-inset ring-amber-200">
        <span role="status">{t('clusterReplaced', language)}</span>
        <Button onClick={() => goToStage(stage)}>{t('restartStage', language)}</Button>
      </div>
    );
  }
  const done = reached && atNewest;
  return (
    <div className="space-y-2">
      <p role="status" className={`flex items-center gap-1.5 text-[12px] ${done ? 'text-emerald-700' : 'text-slate-600'}`}>
        <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${done ? 'bg-emerald-500' : 'animate-pulse bg-amber-400'}`} />
        {done ? t('atPause', language) : t('running', language)}
      </p>
      {!done && (
        <div className="flex flex-wrap gap-2">
          {playing ? (
            <Button onClick={stopLessonPlay}>
              <span aria-hidden="true">■</span>
              {t('stopPlaying', language)}
            </Button>
          ) : (
            <Button onClick={playToPause}>
              <span aria-hidden="true">▶</span>
              {t('playToPause', language)}
            </Button>
          )}
          <Button onClick={runToPause}>
            <span aria-hidden="true">⏭</span>
            {t('skipToPause', language)}
          </Button>
        </div>
      )}
    </div>
  );
}
