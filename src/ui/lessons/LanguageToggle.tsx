import type { Language } from '../../lessons/types';
import { t } from './uiText';

const OPTIONS: { value: Language; label: string; lang: string }[] = [
  { value: 'zh', label: '中文', lang: 'zh-CN' },
  { value: 'en', label: 'English', lang: 'en' },
];

/** "中文 / English": a two-button switch for the lesson texts. */
export function LanguageToggle({ language, onChange }: { language: Language; onChange: (l: Language) => void }) {
  return (
    <div role="group" aria-label={t('language', language)} className="inline-flex overflow-hidden rounded-md ring-1 ring-inset ring-slate-300">
      {OPTIONS.map((o, i) => (
        <button
          key={o.value}
          type="button"
          lang={o.lang}
          aria-pressed={language === o.value}
          onClick={() => onChange(o.value)}
          className={`px-2 py-1 text-[12px] font-medium ${i > 0 ? 'border-l border-slate-300' : ''} ${
            language === o.value ? 'bg-indigo-600 text-white' : 'bg-white text-slate-600 hover:bg-slate-50'
          }`}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
