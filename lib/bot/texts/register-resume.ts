import * as de from './de/register-resume.js';
import * as en from './en/register-resume.js';
import * as es from './es/register-resume.js';
import { localizedModule } from './language.js';
import * as ru from './ru/register-resume.js';

export const { resumeTexts } = localizedModule<typeof en>({ en, de, es, ru });
