import type * as en from '../en/photos.js';

/** Por qué no se puede usar una foto que envió un local (lib/infra/images.ts da el motivo). */
export const photoRejected: typeof en.photoRejected = {
  not_an_image: 'Ese archivo no es una foto que pueda usar. Envía una imagen JPEG, PNG o WebP.',
  unsupported_format: 'Envía la foto en JPEG, PNG o WebP (no se admiten animaciones ni dibujos).',
  too_large_bytes: 'Esa foto es demasiado grande. Envía una de menos de 10 MB.',
  too_many_pixels: 'Esa imagen tiene demasiados píxeles. Envía una foto normal (de menos de 40 megapíxeles).',
  bad_aspect_ratio: 'Esa imagen es demasiado larga y estrecha. Envía una foto más cuadrada.',
  corrupt: 'Esa foto parece dañada y no se pudo abrir. Prueba con otra.',
};
