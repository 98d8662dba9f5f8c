import { usePlayground } from '../../store';
import type { Language } from '../../lessons/types';

/**
 * The language lesson texts are shown in — the app's language (`zh-CN` reads the Chinese texts) —
 * and how to change it (the panel's "中文 / English" switch changes the app's language).
 */
export function useLessonLanguage(): [Language, (language: Language) => void] {
  const app = usePlayground((s) => s.language);
  const setApp = usePlayground((s) => s.setLanguage);
  return [app === 'zh-CN' ? 'zh' : 'en', (language) => setApp(language === 'zh' ? 'zh-CN' : 'en')];
}
