import * as de from './de/menu.js';
import * as en from './en/menu.js';
import * as es from './es/menu.js';
import { localizedModule } from './language.js';
import * as ru from './ru/menu.js';

export const { menuLabels, menuTexts } = localizedModule<typeof en>({ en, de, es, ru });
