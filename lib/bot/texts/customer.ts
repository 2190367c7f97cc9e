import * as de from './de/customer.js';
import * as en from './en/customer.js';
import * as es from './es/customer.js';
import { localizedModule } from './language.js';
import * as ru from './ru/customer.js';

export const {
  browseTexts,
  offerDetails,
  reserveTexts,
  ownerTexts,
  reservationTexts,
  reservationList,
  customerNotices,
} = localizedModule<typeof en>({ en, de, es, ru });
