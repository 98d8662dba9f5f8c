/**
 * The message syntax of the catalogs, deliberately small:
 * - `{name}` — a parameter;
 * - `{count|# Step|# Steps}` — a plural: the forms for the CLDR categories `one` and `other` (in
 *   that order; a single form serves all), `#` standing for the number. Chinese has only `other`,
 *   so its messages write `{count}` or `{count|# 步}`.
 * Braces do not nest, so a message's parameters are plain to read (and to check, in types and tests).
 */

export type ParamValue = string | number;
export type Params = Readonly<Record<string, ParamValue>>;

const PLACEHOLDER = /\{([^{}|]+)((?:\|[^{}|]*)*)\}/g;

const pluralRules = new Map<string, Intl.PluralRules>();

function pluralCategory(locale: string, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(n);
}

/** The plural form for `n`: the first form for `one`, the last for every other category. */
function pluralForm(forms: string[], locale: string, n: number): string {
  const form = forms.length > 1 && pluralCategory(locale, n) === 'one' ? forms[0] : forms[forms.length - 1];
  return form.replace(/#/g, String(n));
}

/**
 * Fills a message's placeholders. A parameter that is missing stays visible as `{name}` (a
 * programming fault the catalog test and the types catch; never a blank in front of a learner).
 */
export function formatMessage(message: string, params: Params | undefined, locale: string): string {
  if (!message.includes('{')) return message;
  return message.replace(PLACEHOLDER, (whole, rawName: string, rawForms: string) => {
    const name = rawName.trim();
    const value = params?.[name];
    if (value === undefined) return whole;
    if (!rawForms) return String(value);
    const n = typeof value === 'number' ? value : Number(value);
    return pluralForm(rawForms.slice(1).split('|'), locale, Number.isFinite(n) ? n : 0);
  });
}

/** The parameter names a message uses, sorted (plural or not). */
export function messageParams(message: string): string[] {
  const names = new Set<string>();
  for (const m of message.matchAll(PLACEHOLDER)) names.add(m[1].trim());
  return [...names].sort();
}
