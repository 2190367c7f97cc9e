import type { Metadata } from 'sharp';

/** sharp loads libvips (~18 MB): only on the first photo, never on a cold start that has none. */
const loadSharp = async () => (await import('sharp')).default;

/**
 * Photos from venues: validated by content, bounded before decoding, re-encoded clean.
 * Telegram is the image store: the cleaned JPEG is uploaded back and only its file_id is kept.
 */
export type ImageRejectReason =
  | 'not_an_image'
  | 'unsupported_format'
  | 'too_large_bytes'
  | 'too_many_pixels'
  | 'bad_aspect_ratio'
  | 'corrupt';

/** A photo we won't use; the words for the person are lib/bot/texts/photos.ts's, in their language. */
export class ImageRejected extends Error {
  constructor(readonly reason: ImageRejectReason) {
    super(`image rejected: ${reason}`);
    this.name = 'ImageRejected';
  }
}

export interface ImageLimits {
  maxBytes: number;
  maxPixels: number;
  /** Longest side over shortest side. Banners and strips render as slivers in a chat bubble. */
  maxAspectRatio: number;
  maxSide: number;
}

export const defaultImageLimits: ImageLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxPixels: 40_000_000,
  maxAspectRatio: 4,
  maxSide: 1280,
};

const accepted = new Set(['jpeg', 'png', 'webp']);

export interface ProcessedPhoto {
  jpeg: Buffer;
  width: number;
  height: number;
}

export async function processPhoto(
  input: Buffer,
  limits: ImageLimits = defaultImageLimits,
): Promise<ProcessedPhoto> {
  if (input.length > limits.maxBytes) throw new ImageRejected('too_large_bytes');
  const sharp = await loadSharp();
  let metadata: Metadata;
  try {
    // Reading the header only: dimensions are known before any pixel is decoded.
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRejected('not_an_image');
  }
  if (!metadata.format || !accepted.has(metadata.format)) {
    throw new ImageRejected(metadata.format ? 'unsupported_format' : 'not_an_image');
  }
  const { width = 0, height = 0 } = metadata;
  if (width === 0 || height === 0) throw new ImageRejected('corrupt');
  if (width * height > limits.maxPixels) throw new ImageRejected('too_many_pixels');
  if (Math.max(width, height) / Math.min(width, height) > limits.maxAspectRatio) {
    throw new ImageRejected('bad_aspect_ratio');
  }
  try {
    const { data, info } = await sharp(input, { limitInputPixels: limits.maxPixels, failOn: 'error' })
      .rotate() // apply the EXIF orientation; the output carries no orientation tag
      .resize({ width: limits.maxSide, height: limits.maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' }) // transparent PNGs get a white, not black, background
      .toColourspace('srgb')
      .jpeg({ quality: 82, mozjpeg: true })
      // No withMetadata(): sharp drops EXIF (GPS included), XMP, IPTC and ICC by default.
      .toBuffer({ resolveWithObject: true });
    return { jpeg: data, width: info.width, height: info.height };
  } catch {
    throw new ImageRejected('corrupt');
  }
}

/**
 * Streams a file from Telegram's file API and stops past `maxBytes`, so a huge file never sits in memory.
 * The URL contains the bot token: it is never logged, and errors don't include it.
 */
export async function downloadTelegramFile(
  apiRoot: string,
  token: string,
  filePath: string,
  maxBytes: number,
  fetchImpl: typeof fetch = fetch,
): Promise<Buffer> {
  const controller = new AbortController();
  const response = await fetchImpl(`${apiRoot}/file/bot${token}/${filePath}`, { signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`file download failed with HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    controller.abort();
    throw new ImageRejected('too_large_bytes');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) {
      controller.abort();
      throw new ImageRejected('too_large_bytes');
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
