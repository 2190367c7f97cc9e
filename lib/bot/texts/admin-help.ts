import * as de from './de/admin-help.js';
import * as en from './en/admin-help.js';
import * as es from './es/admin-help.js';
import { localizedModule } from './language.js';
import * as ru from './ru/admin-help.js';

export const { adminHelp } = localizedModule<typeof en>({ en, de, es, ru });
