import * as de from './de/admin-notices.js';
import * as en from './en/admin-notices.js';
import * as es from './es/admin-notices.js';
import { localizedModule } from './language.js';
import * as ru from './ru/admin-notices.js';

export const { sanctionNotices } = localizedModule<typeof en>({ en, de, es, ru });
