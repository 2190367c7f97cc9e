import { ago } from '../ago.js';
import type * as en from '../en/browsing.js';
import { distance } from '../format.js';

/**
 * Tidy chats (issue 17): a deal opens in place of the list and goes back to it; the distance to it; how old
 * the location is that the list is sorted by. HTML.
 */

const since = (ms: number) => ago(ms, 'ahora mismo');

export const browsingTexts: typeof en.browsingTexts = {
  backToList: '⬅️ Volver a la lista',
  photoButton: '📸 Foto',
  mapButton: '🗺 Mapa',
  reservationMapButton: (id) => `🗺 Mapa #${id}`,
  away: (km) => `📍 a ${distance(km)}`,
  locationAge: (ms) => `📍 Según la ubicación que compartiste ${since(ms)}`,
  locationExpired: (ms) =>
    `📍 La ubicación que compartiste ${since(ms)} es demasiado antigua, así que las ofertas no están ordenadas por distancia.`,
  updateLocationButton: '📍 Actualizar ubicación',
  shareAgainButton: '📍 Volver a compartir ubicación',
  askLocation: (button) => `📍 Toca «${button}» abajo para enviar dónde estás ahora.`,
  locationThanks: '📍 ¡Gracias! Primero, las más cercanas.',
};
