import type * as en from '../en/language-choice.js';

/** Issue 17: /language, выбор языка и ответ (название каждого языка — LANGUAGE_NAMES, на нём самом). */
export const languageChoiceTexts: typeof en.languageChoiceTexts = {
  commandDescription: 'Выбрать язык, на котором я пишу',
  ask: '🌐 На каком языке мне с вами общаться?',
  chosen: '✅ Теперь я пишу вам по-русски. /help — что я умею.',
};
