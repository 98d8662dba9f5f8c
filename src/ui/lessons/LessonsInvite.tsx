import { useState } from 'react';
import { usePlayground } from '../../store';
import { hasUserObjects } from '../classroom/userObjects';
import { Button } from '../common/Button';
import { useLessonLanguage } from './useLessonLanguage';
import { t } from './uiText';

const DISMISSED_KEY = 'kube-playground:lessons-invite-dismissed';

function readDismissed(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * Offers the lessons to a first-time visitor over the canvas (the demo already applied) until
 * dismissed or a lesson is opened. An empty cluster has its own welcome, which offers them too.
 */
export function LessonsInvite() {
  const [dismissedBefore] = useState(readDismissed);
  const [dismissed, setDismissed] = useState(false);
  const inLesson = usePlayground((s) => s.lessonProgress !== null);
  const empty = usePlayground((s) => !hasUserObjects(s.cluster));
  const open = usePlayground((s) => s.openLessons);
  const [language] = useLessonLanguage();
  if (inLesson || dismissed || dismissedBefore || empty) return null;
  const dismiss = () => {
    setDismissed(true);
    try {
      localStorage.setItem(DISMISSED_KEY, '1');
    } catch {
      // storage blocked: dismissed for this visit only
    }
  };
  return (
    <aside
      aria-label={t('inviteTitle', language)}
      lang={language === 'zh' ? 'zh-CN' : 'en'}
      className="absolute right-3 top-12 z-10 w-[min(340px,calc(100%-1.5rem))] rounded-xl bg-white/97 p-3.5 shadow-xl ring-1 ring-indigo-200"
    >
      <p className="text-[14px] font-semibold text-slate-900">{t('inviteTitle', language)}</p>
      <p className="mt-1 text-[12.5px] leading-snug text-slate-600">{t('inviteText', language)}</p>
      <div className="mt-2.5 flex gap-2">
        <Button variant="primary" onClick={open}>{t('inviteButton', language)}</Button>
        <Button variant="ghost" onClick={dismiss}>{t('dismiss', language)}</Button>
      </div>
    </aside>
  );
}
