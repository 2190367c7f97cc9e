import * as de from './de/staff.js';
import * as en from './en/staff.js';
import * as es from './es/staff.js';
import { localizedModule } from './language.js';
import * as ru from './ru/staff.js';

export const { staffTexts, staffButtons } = localizedModule<typeof en>({ en, de, es, ru });
