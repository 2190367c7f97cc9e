import * as de from './de/reminders.js';
import * as en from './en/reminders.js';
import * as es from './es/reminders.js';
import { localizedModule } from './language.js';
import * as ru from './ru/reminders.js';

export const { reminderTexts, strikeTexts } = localizedModule<typeof en>({ en, de, es, ru });
