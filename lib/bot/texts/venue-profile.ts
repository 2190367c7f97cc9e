import * as de from './de/venue-profile.js';
import * as en from './en/venue-profile.js';
import * as es from './es/venue-profile.js';
import { localizedModule } from './language.js';
import * as ru from './ru/venue-profile.js';

export type { ProfileField } from './en/venue-profile.js';
export const { profileTexts, profileButtons, changeReviewTexts } = localizedModule<typeof en>({
  en,
  de,
  es,
  ru,
});
