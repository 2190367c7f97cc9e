import * as de from './de/admin.js';
import * as en from './en/admin.js';
import * as es from './es/admin.js';
import { localizedModule } from './language.js';
import * as ru from './ru/admin.js';

export const { adminTexts, reasonTexts, venueStatusWord, venueCard, cardHeadings } = localizedModule<
  typeof en
>({ en, de, es, ru });
