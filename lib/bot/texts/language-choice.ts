import * as de from './de/language-choice.js';
import * as en from './en/language-choice.js';
import * as es from './es/language-choice.js';
import { localizedModule } from './language.js';
import * as ru from './ru/language-choice.js';

export const { languageChoiceTexts } = localizedModule<typeof en>({ en, de, es, ru });
