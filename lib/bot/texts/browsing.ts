import * as de from './de/browsing.js';
import * as en from './en/browsing.js';
import * as es from './es/browsing.js';
import { localizedModule } from './language.js';
import * as ru from './ru/browsing.js';

export const { browsingTexts } = localizedModule<typeof en>({ en, de, es, ru });
