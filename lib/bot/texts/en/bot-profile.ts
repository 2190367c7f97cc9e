/**
 * Issue 17: what Telegram shows about the bot before anyone talks to it, set per language by `npm run setup`
 * (setMyDescription: up to 512 characters, in the empty chat; setMyShortDescription: up to 120, on its profile).
 */
export const botProfile = {
  description:
    'Rescue good food from local restaurants and shops at a discount. Browse tonight’s deals, reserve in chat, pay at pickup. Venues: /register to sell your surplus.',
  shortDescription: 'Surplus food deals near you — reserve in chat, pay at pickup.',
};
