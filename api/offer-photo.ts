import { serveOfferPhoto } from '../lib/http/offer-photo.js';
import { route } from '../lib/http/web.js';
import { getRuntime } from '../lib/runtime.js';

/** An offer's photo for Telegram's invoice (`photo_url`), at a URL the bot signed. */
export default route(async (request) => serveOfferPhoto(await getRuntime(), request));
