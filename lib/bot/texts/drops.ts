import * as de from './de/drops.js';
import * as en from './en/drops.js';
import * as es from './es/drops.js';
import { localizedModule } from './language.js';
import * as ru from './ru/drops.js';

export const { dropTexts, dropButtons } = localizedModule<typeof en>({ en, de, es, ru });
