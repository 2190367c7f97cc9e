import * as de from './de/bot-profile.js';
import * as en from './en/bot-profile.js';
import * as es from './es/bot-profile.js';
import { localizedModule } from './language.js';
import * as ru from './ru/bot-profile.js';

export const { botProfile } = localizedModule<typeof en>({ en, de, es, ru });
