import * as de from './de/my-offers.js';
import * as en from './en/my-offers.js';
import * as es from './es/my-offers.js';
import { localizedModule } from './language.js';
import * as ru from './ru/my-offers.js';

export const { myOffersTexts, manageButtons } = localizedModule<typeof en>({ en, de, es, ru });
