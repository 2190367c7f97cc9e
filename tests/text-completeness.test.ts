import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { language as languageEnum } from '../db/schema.js';
import { inLanguage, LANGUAGES, type Language } from '../lib/bot/texts/language.js';

/**
 * Every text in every language (issue 17). A missing or mistyped export already fails to compile: each facade
 * is `localizedModule<typeof en>({ en, de, es, ru })` and each translation is typed against English
 * (`typeof en.x`). This test covers what the compiler can't see: an object with a key too few or too many (a
 * `Record` or an array of commands), a facade that forgets to re-export a name, a translation that throws
 * where English renders, and words left in English.
 */

const textsDir = new URL('../lib/bot/texts/', import.meta.url);
const modules = readdirSync(new URL('en/', textsDir))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''))
  .sort();
const translations = LANGUAGES.filter((l) => l !== 'en');

type Module = Record<string, unknown>;
const load = (path: string) => import(new URL(path, textsDir).href) as Promise<Module>;
const variantsOf = async (name: string) =>
  Object.fromEntries(
    await Promise.all(LANGUAGES.map(async (l) => [l, await load(`${l}/${name}.ts`)] as const)),
  ) as Record<Language, Module>;

/**
 * An argument that reads as any shape a text expects (object, array, string, number, date, callback), so
 * every function can be called without hand-made arguments: its properties and calls give itself, as a string
 * it is "UTC" (a valid time zone and currency code), as a number 1; arrays of it have one element. English
 * sets the bar: whatever renders in English must render in every language.
 */
function anything(): unknown {
  const target = () => {};
  const proxy: unknown = new Proxy(target, {
    get(_target, key) {
      if (key === Symbol.toPrimitive) return (hint: string) => (hint === 'string' ? 'UTC' : 1);
      if (key === Symbol.iterator)
        return function* () {
          yield proxy;
        };
      if (key === 'then') return undefined;
      if (key === 'length') return 1;
      if (key === 'map' || key === 'flatMap' || key === 'filter')
        return (fn: (v: unknown, i: number) => unknown) => [fn(proxy, 0)].flat();
      if (key === 'join') return () => 'UTC';
      return proxy;
    },
    apply: () => proxy,
  });
  return proxy;
}

/** What a text renders to with stand-in arguments; an Error when it throws. */
function render(fn: (...args: unknown[]) => unknown): unknown {
  try {
    const args = Array.from({ length: Math.max(fn.length, 1) }, anything);
    const out = fn(...args);
    return typeof out === 'string' ? out : JSON.stringify(out);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Vocabulary to recognise rather than text to show (phrases that mean "near me"): each language has its own
 * number of words, so these lists are not compared item by item.
 */
const isVocabulary = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * Records keyed by data rather than by text (a place name per time zone): a language may name more or fewer
 * zones than English, whose own names come from the zone id. Compared value by value where both have a key.
 */
const dataKeyed = new Set(['time-zones.zonePlaces']);
const withoutLanguage = (path: string) => path.replace(/^\w+:/, '');

interface Leaf {
  path: string;
  english: unknown;
  translated: unknown;
}

/** Walks English and a translation side by side: shapes must match; the leaves (strings, functions) pair up. */
function compare(path: string, english: unknown, translated: unknown, leaves: Leaf[], problems: string[]) {
  const kind = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  if (kind(english) !== kind(translated)) {
    problems.push(`${path}: ${kind(translated)} where English has ${kind(english)}`);
    return;
  }
  if (isVocabulary(english)) return;
  if (Array.isArray(english)) {
    const other = translated as unknown[];
    if (other.length !== english.length)
      problems.push(`${path}: ${other.length} items, English ${english.length}`);
    english.forEach((item, i) => {
      compare(`${path}[${i}]`, item, other[i], leaves, problems);
    });
  } else if (english !== null && typeof english === 'object') {
    const other = translated as Record<string, unknown>;
    const keys = Object.keys(english).sort();
    const otherKeys = Object.keys(other).sort();
    if (!dataKeyed.has(withoutLanguage(path))) {
      for (const key of keys) if (!(key in other)) problems.push(`${path}.${key}: missing`);
      for (const key of otherKeys) if (!(key in english)) problems.push(`${path}.${key}: not in English`);
    }
    for (const key of keys) {
      if (key in other) compare(`${path}.${key}`, (english as Module)[key], other[key], leaves, problems);
    }
  } else if (typeof english === 'string' || typeof english === 'function') {
    leaves.push({ path, english, translated });
  } else if (english !== translated) {
    problems.push(`${path}: ${String(translated)} where English has ${String(english)}`);
  }
}

/** Command names are identifiers, the same in every language (they are checked to be equal, not translated). */
const isCommandName = (path: string) => path.endsWith('.command');
/**
 * Labels without a word of their own (an emoji, a number and its unit, the stand-in arguments' "UTC") have
 * nothing to translate.
 */
const hasWords = (text: string) =>
  /\p{L}{2,}/u.test(text.replace(/<[^>]+>|&\w+;|\bUTC\b|\bundefined\b/g, ' '));

/**
 * Texts that are rightly the same as English in a language, by `language:module.path`. Short on purpose:
 * a new entry needs a reason.
 */
const sameAsEnglish = new Set<string>([
  // "Name" is German for name.
  'de:venue-profile.profileButtons.name',
]);

describe('texts in every language', () => {
  it('has every English module in every language, and a facade for it', async () => {
    for (const language of LANGUAGES) {
      const files = readdirSync(new URL(`${language}/`, textsDir)).filter((f) => f.endsWith('.ts'));
      expect(files.map((f) => f.replace(/\.ts$/, '')).sort(), language).toEqual(modules);
    }
    for (const name of modules) {
      const [facade, english] = await Promise.all([load(`${name}.ts`), load(`en/${name}.ts`)]);
      expect(Object.keys(facade).sort(), `${name}.ts re-exports every name of en/${name}.ts`).toEqual(
        Object.keys(english).sort(),
      );
    }
  });

  it('speaks the languages the database stores', () => {
    expect([...languageEnum.enumValues]).toEqual([...LANGUAGES]);
  });

  it.each(modules)(
    '%s: every export in every language, with the same kind and the same keys',
    async (name) => {
      const variants = await variantsOf(name);
      const problems: string[] = [];
      for (const language of translations) {
        for (const [key, english] of Object.entries(variants.en)) {
          const translated = variants[language][key];
          compare(`${language}:${name}.${key}`, english, translated, [], problems);
        }
        for (const key of Object.keys(variants[language])) {
          if (!(key in variants.en)) problems.push(`${language}:${name}.${key}: not in English`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it.each(modules)('%s: renders in every language wherever English renders', async (name) => {
    const variants = await variantsOf(name);
    const failures: string[] = [];
    for (const language of translations) {
      const leaves: Leaf[] = [];
      for (const [key, english] of Object.entries(variants.en)) {
        compare(`${language}:${name}.${key}`, english, variants[language][key], leaves, []);
      }
      for (const leaf of leaves) {
        if (typeof leaf.english !== 'function') continue;
        const english = inLanguage('en', () => render(leaf.english as () => unknown));
        if (english instanceof Error) continue; // needs real arguments: the story tests render it
        const translated = inLanguage(language, () => render(leaf.translated as () => unknown));
        if (translated instanceof Error) failures.push(`${leaf.path}: ${translated.message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it.each(modules)('%s: nothing left in English', async (name) => {
    const variants = await variantsOf(name);
    const untranslated: string[] = [];
    for (const language of translations) {
      const leaves: Leaf[] = [];
      for (const [key, english] of Object.entries(variants.en)) {
        compare(`${language}:${name}.${key}`, english, variants[language][key], leaves, []);
      }
      for (const { path, english, translated } of leaves) {
        if (isCommandName(path)) {
          expect(translated, `${path} is a command: the same in every language`).toBe(english);
          continue;
        }
        const [inEnglish, inTheirs] =
          typeof english === 'function'
            ? [
                inLanguage('en', () => render(english as () => unknown)),
                inLanguage(language, () => render(translated as () => unknown)),
              ]
            : [english, translated];
        if (typeof inEnglish !== 'string' || inEnglish !== inTheirs || !hasWords(inEnglish)) continue;
        if (!sameAsEnglish.has(path)) untranslated.push(`${path}: ${inEnglish.slice(0, 60)}`);
      }
    }
    expect(untranslated).toEqual([]);
  });
});
