/**
 * The language layer, pure part: languages and their detection, the catalogs, translators.
 * React components use `useT()` / `useLanguage()` from `./useT` (they read the store).
 */
export { formatMessage, messageParams, type Params, type ParamValue } from './format';
export {
  LANGUAGES, LANGUAGE_NAMES, LANGUAGE_STORAGE_KEY, browserLanguages, browserStorage, detectLanguage, initialLanguage,
  isLanguage, loadLanguage, saveLanguage, type Language,
} from './language';
export { catalogOf, englishT, message, translator } from './translate';
export type { MessageKey, ParamNames, ParamsArg, Translate } from './types';
