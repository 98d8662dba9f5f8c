import { LANGUAGES, LANGUAGE_NAMES } from '../../i18n/language';
import { useLanguage, useT } from '../../i18n/useT';
import { usePlayground } from '../../store';

/**
 * "中文 / English": two buttons in a group labelled Language, each language named in itself (and
 * marked with its `lang`), the current one pressed. Switching keeps the cluster, timeline and text.
 */
export function LanguageSwitch() {
  const t = useT();
  const language = useLanguage();
  const setLanguage = usePlayground((s) => s.setLanguage);
  const ordered = [...LANGUAGES].reverse(); // 中文 first, as the switch reads "中文 / English"
  return (
    <div role="group" aria-label={t('header.language')} title={t('header.languageHint')}
      className="flex items-center rounded-md p-0.5 text-[13px] ring-1 ring-inset ring-slate-300">
      {ordered.map((lang, i) => (
        <span key={lang} className="flex items-center">
          {i > 0 && <span aria-hidden="true" className="px-0.5 text-slate-500">/</span>}
          <button
            type="button"
            lang={lang}
            aria-pressed={lang === language}
            onClick={() => setLanguage(lang)}
            className={`rounded px-2 py-1 font-medium transition-colors ${
              lang === language ? 'bg-slate-800 text-white' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'
            }`}
          >
            {LANGUAGE_NAMES[lang]}
          </button>
        </span>
      ))}
    </div>
  );
}
