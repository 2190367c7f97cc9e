import { currentIntlLocale } from './language.js';

/**
 * The plural category of `n` in the current language ("one", "few", "many", "other"...), for texts that
 * count: English and German need one/other, Russian one/few/many, Spanish one/many/other.
 */
const rules = new Map<string, Intl.PluralRules>();

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Picks the form for `n`; "#" in the form is replaced by the number. `plural(3, { one: '# item', other: '# items' })`. */
export function plural(n: number, forms: PluralForms): string {
  const locale = currentIntlLocale();
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  const form = forms[rule.select(n)] ?? forms.other;
  return form.replaceAll('#', String(n));
}
