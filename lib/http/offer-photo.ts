import { createHmac, timingSafeEqual } from 'node:crypto';
import { downloadTelegramFile } from '../infra/images.js';
import { publishedOfferPhoto } from '../marketplace/offer-photo.js';
import type { Runtime } from '../runtime.js';
import type { Outcome } from './web.js';

/**
 * An offer's photo at a public URL, for what Telegram only takes as a URL: the invoice's `photo_url` (issue 18).
 * Telegram is the image store, and a file's download URL contains the bot token, so the bytes pass through here.
 *
 * The URL is signed (HMAC keyed by the bot token over the offer and its photo's file id): only URLs the bot
 * handed out are served, so this is no open proxy to Telegram's file API, and a replaced photo's old URL stops
 * working. The bytes are the JPEG the bot re-encoded when the venue sent it (no metadata), at most 1280 px.
 */
const PATH = '/api/offer-photo';

/** The photos are ours (≤1280 px JPEGs, a few hundred KB); anything far larger is not one of them. */
const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

const signatureOf = (token: string, offerId: number, fileId: string) =>
  createHmac('sha256', token).update(`offer-photo:${offerId}:${fileId}`).digest('base64url').slice(0, 22);

/** Where Telegram can fetch the offer's photo; none without a public URL (local polling) or a photo. */
export function offerPhotoUrl(
  publicUrl: string | undefined,
  token: string,
  offer: { id: number; photoFileId: string | null },
): string | undefined {
  if (!publicUrl || !offer.photoFileId) return undefined;
  return `${publicUrl}${PATH}?offer=${offer.id}&sig=${signatureOf(token, offer.id, offer.photoFileId)}`;
}

const notFound: Outcome = { status: 404, body: { error: 'not found' } };

function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** GET /api/offer-photo?offer=<id>&sig=<signature>: the JPEG, or 404 for anything not handed out by the bot. */
export async function serveOfferPhoto(runtime: Runtime, request: Request): Promise<Outcome | Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return { status: 405, body: { error: 'method not allowed' } };
  }
  const url = new URL(request.url);
  const offerId = Number(url.searchParams.get('offer'));
  const signature = url.searchParams.get('sig') ?? '';
  if (!Number.isSafeInteger(offerId) || offerId <= 0 || signature === '') return notFound;
  const { deps, bot } = runtime;
  const fileId = await publishedOfferPhoto(deps.db, offerId);
  if (!fileId || !sameSignature(signature, signatureOf(bot.telegram.token, offerId, fileId))) return notFound;
  try {
    const file = await bot.telegram.getFile(fileId);
    if (!file.file_path) return notFound;
    const bytes = await downloadTelegramFile(
      deps.config.telegramApiRoot,
      bot.telegram.token,
      file.file_path,
      MAX_PHOTO_BYTES,
    );
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(bytes), {
      status: 200,
      headers: {
        'content-type': 'image/jpeg',
        'content-length': String(bytes.length),
        // The URL names one photo for good (a new photo gets a new signature): caches may keep it.
        'cache-control': 'public, max-age=86400, immutable',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    // The error says what failed, never the download URL (it carries the token): downloadTelegramFile's don't.
    deps.log.warn('offer_photo_unavailable', { offer_id: offerId, error });
    return { status: 502, body: { error: 'photo unavailable' } };
  }
}
