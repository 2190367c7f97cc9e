import type * as en from '../en/language-choice.js';

/** Issue 17: /language, the picker and its answer (each language's name is LANGUAGE_NAMES, in its own words). */
export const languageChoiceTexts: typeof en.languageChoiceTexts = {
  commandDescription: 'Sprache wählen, in der ich schreibe',
  ask: '🌐 In welcher Sprache soll ich mit dir schreiben?',
  chosen: '✅ Ab jetzt schreibe ich auf Deutsch mit dir. /help zeigt, was ich kann.',
};
