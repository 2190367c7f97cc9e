import { ago } from '../ago.js';
import { distance } from '../format.js';

/**
 * Tidy chats (issue 17): a deal opens in place of the list and goes back to it; the distance to it; how old
 * the location is that the list is sorted by. HTML.
 */

const since = (ms: number) => ago(ms, 'just now');

export const browsingTexts = {
  backToList: '⬅️ Back to list',
  photoButton: '📸 Photo',
  mapButton: '🗺 Map',
  reservationMapButton: (id: number) => `🗺 Map #${id}`,
  away: (km: number) => `📍 ${distance(km)} away`,
  locationAge: (ms: number) => `📍 Using the location you shared ${since(ms)}`,
  locationExpired: (ms: number) =>
    `📍 The location you shared ${since(ms)} is too old to go by, so deals aren’t sorted by distance.`,
  updateLocationButton: '📍 Update location',
  shareAgainButton: '📍 Share location again',
  askLocation: (button: string) => `📍 Tap “${button}” below to send where you are now.`,
  locationThanks: '📍 Thanks! Closest deals first.',
};
