import type { ImageRejectReason } from '../../../infra/images.js';

/** Why a photo a venue sent can't be used (lib/infra/images.ts names the reason). */
export const photoRejected: Record<ImageRejectReason, string> = {
  not_an_image: "That file isn't a photo I can use. Please send a JPEG, PNG or WebP picture.",
  unsupported_format:
    'Please send the photo as JPEG, PNG or WebP (animations and drawings are not supported).',
  too_large_bytes: 'That photo is too large. Please send one under 10 MB.',
  too_many_pixels: 'That picture is far too big in pixels. Please send a normal photo (under 40 megapixels).',
  bad_aspect_ratio: 'That picture is too long and thin. Please send a photo that is closer to square.',
  corrupt: 'That photo seems damaged and could not be opened. Please try another one.',
};
