import * as de from './de/venue.js';
import * as en from './en/venue.js';
import * as es from './es/venue.js';
import { localizedModule } from './language.js';
import * as ru from './ru/venue.js';

export const {
  registerTexts,
  alreadyRegistered,
  ownerNotices,
  offerGate,
  newOfferTexts,
  offerSummary,
  manageTexts,
  buttons,
} = localizedModule<typeof en>({ en, de, es, ru });
