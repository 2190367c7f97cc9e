import * as de from './de/common.js';
import * as en from './en/common.js';
import * as es from './es/common.js';
import { localizedModule } from './language.js';
import * as ru from './ru/common.js';

export const { commandsFor, welcome, help, texts } = localizedModule<typeof en>({
  en,
  de,
  es,
  ru,
});
