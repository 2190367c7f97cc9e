import type * as en from '../en/photos.js';

/** Why a photo a venue sent can't be used (lib/infra/images.ts names the reason). */
export const photoRejected: typeof en.photoRejected = {
  not_an_image:
    'Diese Datei ist kein Foto, das ich verwenden kann. Bitte schick ein JPEG-, PNG- oder WebP-Bild.',
  unsupported_format:
    'Bitte schick das Foto als JPEG, PNG oder WebP (Animationen und Zeichnungen gehen nicht).',
  too_large_bytes: 'Das Foto ist zu groß. Bitte schick eins unter 10 MB.',
  too_many_pixels: 'Das Bild hat viel zu viele Pixel. Bitte schick ein normales Foto (unter 40 Megapixel).',
  bad_aspect_ratio: 'Das Bild ist zu lang und schmal. Bitte schick ein Foto, das eher quadratisch ist.',
  corrupt: 'Das Foto scheint beschädigt zu sein und ließ sich nicht öffnen. Bitte versuch ein anderes.',
};
