/** Issue 17: /language, the picker and its answer (each language's name is LANGUAGE_NAMES, in its own words). */
export const languageChoiceTexts = {
  /** The /language line in command menus and /help. */
  commandDescription: 'Choose the language I speak',
  ask: '🌐 Which language shall I speak with you?',
  /** Said in the language just chosen. */
  chosen: '✅ From now on I speak English with you. /help shows what I can do.',
};
