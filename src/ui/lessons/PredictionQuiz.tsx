import { useEffect, useId, useRef, useState } from 'react';
import type { Language, Prediction } from '../../lessons/types';
import { Button } from '../common/Button';
import { InlineCode } from './StageText';
import { t } from './uiText';

/**
 * The stage's question as a radio group; "Check my answer" reveals right or wrong with the
 * one-line why. Its state is the panel's alone (the parent keys it by lesson and stage).
 */
export function PredictionQuiz({ prediction, language }: { prediction: Prediction; language: Language }) {
  const [choice, setChoice] = useState<number | null>(null);
  const [checked, setChecked] = useState<number | null>(null);
  const [nudge, setNudge] = useState(false);
  const name = useId();
  const lang = language === 'zh' ? 'zh-CN' : 'en';
  const right = checked !== null && checked === prediction.answer;
  const verdict = useRef<HTMLDivElement>(null);
  // the verdict may open below the fold of a short panel: bring it into view
  useEffect(() => {
    if (checked !== null) verdict.current?.scrollIntoView?.({ block: 'nearest' });
  }, [checked]);

  const check = () => {
    if (choice === null) {
      setNudge(true);
      return;
    }
    setNudge(false);
    setChecked(choice);
  };

  return (
    <fieldset lang={lang} className="rounded-lg bg-indigo-50/70 p-3 ring-1 ring-inset ring-indigo-200">
      <legend className="sr-only">{prediction.question[language].replace(/`/g, '')}</legend>
      <p aria-hidden="true" className="mb-2 text-[13px] font-semibold text-slate-900">
        <span className="mr-1.5 rounded bg-indigo-600 px-1.5 py-px text-[11px] font-semibold uppercase tracking-wide text-white">{t('predict', language)}</span>
        <InlineCode text={prediction.question[language]} />
      </p>
      <div className="space-y-1.5">
        {prediction.choices.map((c, i) => {
          const reveal = checked !== null && (i === prediction.answer || i === checked);
          const tone = !reveal ? 'ring-slate-200 bg-white' : i === prediction.answer ? 'ring-emerald-400 bg-emerald-50' : 'ring-rose-300 bg-rose-50';
          return (
            <label key={i} className={`flex cursor-pointer items-start gap-2 rounded-md px-2 py-1.5 text-[12.5px] leading-snug text-slate-800 ring-1 ring-inset ${tone}`}>
              <input
                type="radio"
                name={name}
                className="mt-0.5 accent-indigo-600"
                checked={choice === i}
                onChange={() => {
                  setChoice(i);
                  setChecked(null);
                }}
              />
              <span>
                <InlineCode text={c[language]} />
                {reveal && <span className="sr-only">{i === prediction.answer ? ' ✓' : ' ✗'}</span>}
              </span>
            </label>
          );
        })}
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <Button variant="primary" onClick={check}>{t('checkAnswer', language)}</Button>
        {nudge && <span role="status" className="text-[12px] text-slate-600">{t('chooseFirst', language)}</span>}
      </div>
      {checked !== null && (
        <div ref={verdict} role="status" className={`mt-2 rounded-md px-2.5 py-2 text-[12.5px] leading-snug ${right ? 'bg-emerald-100 text-emerald-900' : 'bg-rose-100 text-rose-900'}`}>
          <p className="font-semibold">
            <span aria-hidden="true">{right ? '✓ ' : '✗ '}</span>
            {right ? t('right', language) : t('wrong', language, { answer: prediction.choices[prediction.answer][language] })}
          </p>
          <p className="mt-0.5"><InlineCode text={prediction.why[language]} /></p>
        </div>
      )}
    </fieldset>
  );
}
