import * as de from './de/admin.js';
import * as en from './en/admin.js';
import * as es from './es/admin.js';
import { localizedModule } from './language.js';
import * as ru from './ru/admin.js';

const admin = localizedModule<typeof en>({ en, de, es, ru });

export const { adminTexts, reasonTexts, venueCard, cardHeadings } = admin;

/**
 * @public Each language's admin-console texts read their own module's status words; the facade re-exports it
 * too, as every facade re-exports all of its module (tests/text-completeness.test.ts).
 */
export const venueStatusWord = admin.venueStatusWord;
