import * as de from './de/errors.js';
import * as en from './en/errors.js';
import * as es from './es/errors.js';
import { localizedModule } from './language.js';
import * as ru from './ru/errors.js';

export const { errorText } = localizedModule<typeof en>({ en, de, es, ru });
