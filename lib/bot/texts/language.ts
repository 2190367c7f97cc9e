import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The languages the bot speaks. A person's language comes from their stored choice (/language), else from
 * Telegram's `language_code`, else the deployment's DEFAULT_LANGUAGE (English unless configured). Venue-written
 * text (titles, items, names) is shown as typed. docs/languages.md says how to add one (db/schema.ts's
 * `language` enum lists the same codes).
 */
export const LANGUAGES = ['en', 'de', 'es', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
const DEFAULT_LANGUAGE: Language = 'en';

/** Each language in its own words: what the /language buttons say, whatever the current language. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  de: 'Deutsch',
  es: 'Español',
  ru: 'Русский',
};

const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/**
 * Telegram sends an IETF tag ("de", "de-AT", "pt-br"); we speak its primary language or fall back. A stored
 * choice ("ru") reads the same way, so a person's tag is `users.language ?? users.language_code`.
 */
export function languageFromTelegram(
  code: string | null | undefined,
  fallback: Language = DEFAULT_LANGUAGE,
): Language {
  const primary = code?.toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : fallback;
}

/** The BCP 47 locale used for numbers, money and dates in each language. */
const INTL_LOCALE: Record<Language, string> = { en: 'en-GB', de: 'de-DE', es: 'es-ES', ru: 'ru-RU' };

/**
 * The language of whatever is being rendered now: the person behind the update, or the recipient of a
 * notice a job is delivering. Carried by AsyncLocalStorage so the texts don't have to be threaded through
 * every keyboard and message builder; set once per update (lib/bot/language-middleware.ts) and once per
 * recipient in jobs (`inLanguage`).
 */
const current = new AsyncLocalStorage<Language>();

export const inLanguage = <T>(language: Language, render: () => T): T => current.run(language, render);
export const currentLanguage = (): Language => current.getStore() ?? DEFAULT_LANGUAGE;
export const currentIntlLocale = (): string => INTL_LOCALE[currentLanguage()];

/**
 * One text module in every language, resolved at the moment a text is read. Each export becomes:
 * - a function: a function that calls the current language's version;
 * - an object: a view whose properties are read from the current language's object.
 * Plain string exports are not allowed (they could not change with the language): wrap them in an object.
 * The type parameter is the English module, so a missing or mistyped export in any language fails to compile.
 */
export function localizedModule<M extends Record<string, unknown>>(variants: Record<Language, M>): M {
  const resolved: Record<string, unknown> = {};
  for (const [name, english] of Object.entries(variants.en)) {
    resolved[name] = localizedValue(name, english, variants);
  }
  return resolved as M;
}

function localizedValue<M extends Record<string, unknown>>(
  name: string,
  english: unknown,
  variants: Record<Language, M>,
): unknown {
  const inCurrent = () => variants[currentLanguage()][name];
  if (typeof english === 'function') {
    return (...args: unknown[]) => (inCurrent() as (...a: unknown[]) => unknown)(...args);
  }
  if (english !== null && typeof english === 'object') {
    return new Proxy(english, {
      get: (_target, key) => Reflect.get(inCurrent() as object, key),
      has: (_target, key) => Reflect.has(inCurrent() as object, key),
    });
  }
  throw new TypeError(`text export "${name}" must be a function or an object, not a ${typeof english}`);
}

/** Every language's version of one text, e.g. to recognise a menu button's label whatever the language. */
export function inEveryLanguage<T>(read: () => T): T[] {
  return LANGUAGES.map((language) => inLanguage(language, read));
}
