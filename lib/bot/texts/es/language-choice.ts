import type * as en from '../en/language-choice.js';

/** Issue 17: /language, el selector y su respuesta (el nombre de cada idioma es LANGUAGE_NAMES, en su propia lengua). */
export const languageChoiceTexts: typeof en.languageChoiceTexts = {
  commandDescription: 'Elige el idioma en que te hablo',
  ask: '🌐 ¿En qué idioma quieres que te hable?',
  chosen: '✅ A partir de ahora te hablo en español. /help muestra lo que puedo hacer.',
};
