import { useState } from 'react';
import { DEMO_MANIFEST } from '../../demo/demoManifest';
import { useT } from '../../i18n/useT';
import { usePlayground } from '../../store';
import { Button } from '../common/Button';
import { hasUserObjects } from './userObjects';

const APPLY_SLOT = '\u0000';

/**
 * What an empty cluster says to a first-time visitor: what this is, what to do first, and two
 * ways in — the demo applied at once, or a guided lesson. It goes away as soon as the cluster
 * holds anything of the learner's (it reads the newest state, not the Step on the timeline).
 */
export function EmptyState() {
  const empty = usePlayground((s) => !hasUserObjects(s.cluster));
  const inLesson = usePlayground((s) => s.lessonProgress !== null);
  const [dismissed, setDismissed] = useState(false);
  const t = useT();
  if (!empty || inLesson || dismissed) return null;
  // the Apply button's name sits inside the sentence, in bold, wherever the language puts it
  const [before, after = ''] = t('classroom.emptyIntro', { apply: APPLY_SLOT }).split(APPLY_SLOT);
  const applyDemo = () => {
    const s = usePlayground.getState();
    s.setEditorText(DEMO_MANIFEST);
    s.applyText();
  };
  return (
    <section
      aria-labelledby="kp-welcome-title"
      className="kp-empty absolute left-1/2 top-[18%] z-10 w-[min(460px,calc(100%-2rem))] -translate-x-1/2 rounded-xl bg-white p-5 shadow-xl ring-1 ring-slate-200"
    >
      <h2 id="kp-welcome-title" className="text-[17px] font-semibold text-slate-900">{t('classroom.emptyTitle')}</h2>
      <p className="mt-1.5 text-[13.5px] leading-relaxed text-slate-600">
        {before}<strong className="font-semibold text-slate-800">{t('editor.apply')}</strong>{after}
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <Button variant="primary" onClick={applyDemo} title={t('classroom.applyDemoHint')}>
          {t('classroom.applyDemo')}
        </Button>
        <Button onClick={usePlayground.getState().openLessons} aria-haspopup="dialog" title={t('classroom.openLessonHint')}>
          {t('classroom.openLesson')}
        </Button>
        <Button variant="ghost" onClick={() => setDismissed(true)} className="ml-auto">{t('classroom.notNow')}</Button>
      </div>
    </section>
  );
}
