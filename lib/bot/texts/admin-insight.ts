import * as de from './de/admin-insight.js';
import * as en from './en/admin-insight.js';
import * as es from './es/admin-insight.js';
import { localizedModule } from './language.js';
import * as ru from './ru/admin-insight.js';

export const { insightTexts, statsText, auditText } = localizedModule<typeof en>({ en, de, es, ru });
