import * as de from './de/follows.js';
import * as en from './en/follows.js';
import * as es from './es/follows.js';
import { localizedModule } from './language.js';
import * as ru from './ru/follows.js';

export const { followTexts, dealAlertTexts, shareTexts, settingsTexts, searchTexts } = localizedModule<
  typeof en
>({ en, de, es, ru });
