import type { Language } from '../../lessons/types';
import type { LessonProgress } from '../../store/lessonSlice';
import { usePlayground } from '../../store';
import { Button } from '../common/Button';
import { LanguageToggle } from './LanguageToggle';
import { PredictionQuiz } from './PredictionQuiz';
import { StageRunControls } from './StageRunControls';
import { StageText } from './StageText';
import { useLessonLanguage } from './useLessonLanguage';
import { t } from './uiText';

/**
 * The lesson being followed, above the manifest editor: the stage's text, what it applied and
 * ran, the prediction to make before running, the way to the pause point, and the stage
 * navigation. Collapsed, only its header stays.
 */
export function LessonPanel({ collapsed, onToggle }: { collapsed: boolean; onToggle: () => void }) {
  const progress = usePlayground((s) => s.lessonProgress);
  const [language, setLanguage] = useLessonLanguage();
  if (!progress) return null;
  const { lesson, stage, finished } = progress;
  const title = lesson.title[language];
  const lang = language === 'zh' ? 'zh-CN' : 'en';
  return (
    <section aria-label={title} lang={lang} className="flex h-full min-h-0 flex-col bg-white">
      <header className="border-b border-slate-200 px-3 pb-2 pt-1.5">
        <div className="flex items-center gap-2">
          <p className="min-w-0 flex-1 truncate text-[11px] font-semibold uppercase tracking-wide text-indigo-600">
            {t('lessons', language)} · {finished ? t('finished', language) : t('stageOf', language, { n: stage + 1, total: lesson.stages.length })}
          </p>
          <LanguageToggle language={language} onChange={setLanguage} />
          <IconButton label={collapsed ? t('expand', language) : t('collapse', language)} onClick={onToggle} glyph={collapsed ? '▾' : '▴'} expanded={!collapsed} />
          <IconButton label={t('exit', language)} onClick={usePlayground.getState().exitLesson} glyph="×" />
        </div>
        <h2 className="text-[14px] font-semibold leading-snug text-slate-900">{title}</h2>
        <StageDots total={lesson.stages.length} current={finished ? lesson.stages.length : stage} />
      </header>
      {!collapsed && (finished ? <Finished language={language} /> : <StageBody progress={progress} language={language} />)}
    </section>
  );
}

function StageBody({ progress, language }: { progress: LessonProgress; language: Language }) {
  const { lesson, stage: index, entry } = progress;
  const stage = lesson.stages[index];
  const { previousStage, nextStage } = usePlayground.getState();
  const last = index === lesson.stages.length - 1;
  return (
    <>
      <div className="min-h-0 flex-1 space-y-3 overflow-y-auto px-3 py-3">
        <StageText text={stage.text[language]} lang={language === 'zh' ? 'zh-CN' : 'en'} />
        {(stage.apply !== undefined || entry.commands.length > 0) && <StageActions progress={progress} language={language} />}
        {stage.predict && <PredictionQuiz key={`${lesson.id}/${index}`} prediction={stage.predict} language={language} />}
        <StageRunControls language={language} />
      </div>
      <nav aria-label={t('stageOf', language, { n: index + 1, total: lesson.stages.length })} className="flex items-center gap-2 border-t border-slate-200 px-3 py-2">
        <Button onClick={previousStage} disabled={index === 0}>
          <span aria-hidden="true">←</span>
          {t('previous', language)}
        </Button>
        <Button variant="primary" className="ml-auto" onClick={nextStage}>
          {last ? t('finish', language) : t('next', language)}
          <span aria-hidden="true">→</span>
        </Button>
      </nav>
    </>
  );
}

/** What entering the stage did: the manifests it applied (now in the editor) and the commands it ran. */
function StageActions({ progress, language }: { progress: LessonProgress; language: Language }) {
  const { entry } = progress;
  const applied = entry.applied;
  return (
    <div className="space-y-1 rounded-md bg-slate-50 px-2.5 py-2 text-[12px] ring-1 ring-inset ring-slate-200">
      {applied && (
        <p className={applied.ok ? 'text-slate-600' : 'text-rose-700'}>
          <span aria-hidden="true">▶ </span>
          {t('appliedManifests', language)}
          {t('colon', language)}
          {/* the objects' names and the API server's messages are Kubernetes' own words, kept in English */}
          <span translate="no" lang="en">
            {applied.ok ? applied.results.map((r) => `${r.kind}/${r.name}`).join(', ') : applied.errors.map((e) => e.message).join('; ')}
          </span>
        </p>
      )}
      {entry.commands.length > 0 && (
        <div>
          <p className="text-slate-600">{t('commandsRun', language)}{t('colon', language).trim()}</p>
          <pre translate="no" lang="en" className="mt-1 overflow-x-auto whitespace-pre-wrap rounded bg-slate-900 px-2 py-1.5 font-mono text-[11.5px] leading-snug text-slate-100">
            {entry.commands.map((c) => `$ ${c.line}\n${c.message}`).join('\n')}
          </pre>
        </div>
      )}
    </div>
  );
}

function Finished({ language }: { language: Language }) {
  const { openLessons, exitLesson, previousStage } = usePlayground.getState();
  return (
    <div className="space-y-3 px-3 py-3">
      <p role="status" className="text-[14px] font-semibold text-emerald-700">✓ {t('finished', language)}</p>
      <p className="text-[13px] text-slate-700">{t('finishedText', language)}</p>
      <div className="flex flex-wrap gap-2">
        <Button onClick={previousStage}>
          <span aria-hidden="true">←</span>
          {t('previous', language)}
        </Button>
        <Button variant="primary" onClick={openLessons}>{t('moreLessons', language)}</Button>
        <Button variant="ghost" onClick={exitLesson}>{t('exit', language)}</Button>
      </div>
    </div>
  );
}

function StageDots({ total, current }: { total: number; current: number }) {
  return (
    <div aria-hidden="true" className="mt-1.5 flex gap-1">
      {Array.from({ length: total }, (_, i) => (
        <span key={i} className={`h-1 flex-1 rounded-full ${i < current ? 'bg-indigo-500' : i === current ? 'bg-indigo-300' : 'bg-slate-200'}`} />
      ))}
    </div>
  );
}

function IconButton({ label, onClick, glyph, expanded }: { label: string; onClick: () => void; glyph: string; expanded?: boolean }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-expanded={expanded}
      onClick={onClick}
      className="rounded-md px-1.5 py-0.5 text-[16px] leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-900"
    >
      {glyph}
    </button>
  );
}
