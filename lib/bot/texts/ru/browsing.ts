import { ago } from '../ago.js';
import type * as en from '../en/browsing.js';
import { distance } from '../format.js';

/**
 * Tidy chats (issue 17): a deal opens in place of the list and goes back to it; the distance to it; how old
 * the location is that the list is sorted by. HTML.
 */

const since = (ms: number) => ago(ms, 'только что');

export const browsingTexts: typeof en.browsingTexts = {
  backToList: '⬅️ Назад к списку',
  photoButton: '📸 Фото',
  mapButton: '🗺 Карта',
  reservationMapButton: (id) => `🗺 Карта №${id}`,
  away: (km) => `📍 ${distance(km)} от вас`,
  locationAge: (ms) => `📍 По геопозиции, отправленной ${since(ms)}`,
  locationExpired: (ms) =>
    `📍 Геопозиция отправлена ${since(ms)} и уже устарела, поэтому предложения не отсортированы по расстоянию.`,
  updateLocationButton: '📍 Обновить геопозицию',
  shareAgainButton: '📍 Отправить геопозицию снова',
  askLocation: (button) => `📍 Нажмите «${button}» внизу, чтобы отправить, где вы сейчас.`,
  locationThanks: '📍 Спасибо! Сначала ближайшие.',
};
