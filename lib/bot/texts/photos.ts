import * as de from './de/photos.js';
import * as en from './en/photos.js';
import * as es from './es/photos.js';
import { localizedModule } from './language.js';
import * as ru from './ru/photos.js';

export const { photoRejected } = localizedModule<typeof en>({ en, de, es, ru });
