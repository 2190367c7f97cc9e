import { ago } from '../ago.js';
import type * as en from '../en/browsing.js';
import { distance } from '../format.js';

/**
 * Tidy chats (issue 17): a deal opens in place of the list and goes back to it; the distance to it; how old
 * the location is that the list is sorted by. HTML.
 */

const since = (ms: number) => ago(ms, 'gerade eben');

export const browsingTexts: typeof en.browsingTexts = {
  backToList: '⬅️ Zurück zur Liste',
  photoButton: '📸 Foto',
  mapButton: '🗺 Karte',
  reservationMapButton: (id) => `🗺 Karte #${id}`,
  away: (km) => `📍 ${distance(km)} entfernt`,
  locationAge: (ms) => `📍 Nach deinem Standort sortiert, geteilt ${since(ms)}`,
  locationExpired: (ms) =>
    `📍 Dein Standort (geteilt ${since(ms)}) ist zu alt, daher sind die Angebote nicht nach Entfernung sortiert.`,
  updateLocationButton: '📍 Standort aktualisieren',
  shareAgainButton: '📍 Standort neu teilen',
  askLocation: (button) => `📍 Tippe unten auf „${button}“, um zu senden, wo du gerade bist.`,
  locationThanks: '📍 Danke! Die nächsten Angebote zuerst.',
};
