import { usePlayground } from '../../store';
import { Button } from '../common/Button';
import { useLessonLanguage } from './useLessonLanguage';
import { t } from './uiText';

/** The header's way into the guided lessons. */
export function LessonsButton() {
  const open = usePlayground((s) => s.openLessons);
  const [language] = useLessonLanguage();
  return (
    <Button variant="secondary" onClick={open} aria-haspopup="dialog" title={t('openLessonsTitle', language)}>
      <BookIcon />
      {t('lessons', language)}
    </Button>
  );
}

function BookIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 text-indigo-600" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinejoin="round">
      <path d="M10 5.5C8.5 4.3 6.3 3.8 3 4v11.5c3.3-.2 5.5.3 7 1.5 1.5-1.2 3.7-1.7 7-1.5V4c-3.3-.2-5.5.3-7 1.5Z" />
      <path d="M10 5.5V17" />
    </svg>
  );
}
