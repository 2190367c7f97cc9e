import * as de from './de/search.js';
import * as en from './en/search.js';
import * as es from './es/search.js';
import { localizedModule } from './language.js';
import * as ru from './ru/search.js';

export const { nearMePhrases, foundTexts, otherMessages } = localizedModule<typeof en>({ en, de, es, ru });
