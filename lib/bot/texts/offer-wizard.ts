import * as de from './de/offer-wizard.js';
import * as en from './en/offer-wizard.js';
import * as es from './es/offer-wizard.js';
import { localizedModule } from './language.js';
import * as ru from './ru/offer-wizard.js';

export const { windowSlotTexts, itemEntryTexts, editMenuTexts } = localizedModule<typeof en>({
  en,
  de,
  es,
  ru,
});
