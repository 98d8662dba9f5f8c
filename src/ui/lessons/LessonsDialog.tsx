import { useEffect, useId, useRef } from 'react';
import { LESSONS } from '../../lessons/library';
import type { Language, Lesson } from '../../lessons/types';
import { usePlayground } from '../../store';
import { LanguageToggle } from './LanguageToggle';
import { useLessonLanguage } from './useLessonLanguage';
import { t } from './uiText';

const chapterLabel = (n: number, language: Language) => `${t('chapter', language)} ${n}${t('chapterSuffix', language)}`;

/** The library: every lesson by chapter, with its summary; choosing one starts it on a fresh cluster. */
export default function LessonsDialog() {
  const close = usePlayground((s) => s.closeLessons);
  const start = usePlayground((s) => s.startLesson);
  const current = usePlayground((s) => s.lessonProgress?.lesson.id);
  const [language, setLanguage] = useLessonLanguage();
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    panel.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        close();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      previous?.focus?.();
    };
  }, [close]);

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="flex max-h-[88vh] w-full max-w-4xl flex-col overflow-hidden rounded-xl bg-white shadow-2xl ring-1 ring-slate-200"
      >
        <div className="flex items-center gap-3 border-b border-slate-200 px-5 py-3">
          <h2 id={titleId} className="text-[16px] font-semibold text-slate-900">{t('lessons', language)}</h2>
          <div className="ml-auto flex items-center gap-2">
            <LanguageToggle language={language} onChange={setLanguage} />
            <button type="button" onClick={close} aria-label={t('close', language)} className="rounded-md px-2 py-1 text-[18px] leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-900">
              ×
            </button>
          </div>
        </div>
        <p className="px-5 pt-3 text-[13px] text-slate-600" lang={language === 'zh' ? 'zh-CN' : 'en'}>{t('libraryIntro', language)}</p>
        <ol className="grid min-h-0 flex-1 grid-cols-1 gap-3 overflow-y-auto p-5 md:grid-cols-2">
          {LESSONS.map((lesson, i) => (
            <li key={lesson.id}>
              <LessonCard lesson={lesson} language={language} current={lesson.id === current} autoFocus={i === 0} onStart={() => start(lesson)} />
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}

function LessonCard({ lesson, language, current, autoFocus, onStart }: { lesson: Lesson; language: Language; current: boolean; autoFocus: boolean; onStart: () => void }) {
  const summaryId = useId();
  return (
    <button
      type="button"
      onClick={onStart}
      aria-label={lesson.title[language]}
      aria-describedby={summaryId}
      data-autofocus={autoFocus ? '' : undefined}
      lang={language === 'zh' ? 'zh-CN' : 'en'}
      className={`group flex h-full w-full flex-col gap-1 rounded-lg p-3 text-left ring-1 ring-inset transition-colors hover:bg-indigo-50 hover:ring-indigo-300 focus-visible:outline-2 focus-visible:outline-indigo-500 ${
        current ? 'bg-indigo-50 ring-indigo-300' : 'ring-slate-200'
      }`}
    >
      <span aria-hidden="true" className="text-[11px] font-semibold uppercase tracking-wide text-indigo-600">
        {chapterLabel(lesson.chapter, language)} · {lesson.stages.length} {t('stages', language)}
      </span>
      <span className="text-[14px] font-semibold text-slate-900">{lesson.title[language]}</span>
      <span id={summaryId} className="text-[12.5px] leading-snug text-slate-600">{lesson.summary[language]}</span>
    </button>
  );
}
