import * as de from './de/time-zones.js';
import * as en from './en/time-zones.js';
import * as es from './es/time-zones.js';
import { localizedModule } from './language.js';
import * as ru from './ru/time-zones.js';

export const { zoneLabelTexts, zonePlaces, venueZoneTexts, timeZoneAdminTexts } = localizedModule<typeof en>({
  en,
  de,
  es,
  ru,
});
