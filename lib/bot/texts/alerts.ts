import * as de from './de/alerts.js';
import * as en from './en/alerts.js';
import * as es from './es/alerts.js';
import { localizedModule } from './language.js';
import * as ru from './ru/alerts.js';

export const { alertText } = localizedModule<typeof en>({ en, de, es, ru });
