import type * as en from '../en/bot-profile.js';

/** Issue 17: what Telegram shows about the bot before anyone talks to it (set by `npm run setup`). */
export const botProfile: typeof en.botProfile = {
  description:
    'Rette gutes Essen von Restaurants und Läden in deiner Nähe – reduziert. Sieh dir die Angebote von heute Abend an, reserviere im Chat, zahle bei der Abholung. Betriebe: /register, um ihre Reste zu verkaufen.',
  shortDescription: 'Reduziertes Essen in deiner Nähe – im Chat reservieren, bei Abholung zahlen.',
};
