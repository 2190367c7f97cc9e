import * as de from './de/ratings.js';
import * as en from './en/ratings.js';
import * as es from './es/ratings.js';
import { localizedModule } from './language.js';
import * as ru from './ru/ratings.js';

export const { ratingTexts } = localizedModule<typeof en>({ en, de, es, ru });
