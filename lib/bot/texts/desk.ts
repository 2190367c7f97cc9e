import * as de from './de/desk.js';
import * as en from './en/desk.js';
import * as es from './es/desk.js';
import { localizedModule } from './language.js';
import * as ru from './ru/desk.js';

export const { deskTexts, windowSummaryText } = localizedModule<typeof en>({ en, de, es, ru });
