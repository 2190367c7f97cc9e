import * as de from './de/channel.js';
import * as en from './en/channel.js';
import * as es from './es/channel.js';
import { localizedModule } from './language.js';
import * as ru from './ru/channel.js';

export const { channelPost, channelTexts, inlineTexts } = localizedModule<typeof en>({ en, de, es, ru });
