import * as de from './de/admin-console.js';
import * as en from './en/admin-console.js';
import * as es from './es/admin-console.js';
import { localizedModule } from './language.js';
import * as ru from './ru/admin-console.js';

export const { usage, moderationTexts, venueListTexts, dossierText } = localizedModule<typeof en>({
  en,
  de,
  es,
  ru,
});
