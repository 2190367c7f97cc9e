import { handleTelegramWebhook } from '../lib/http/telegram-webhook.js';
import { header, postBody, route } from '../lib/http/web.js';
import { getRuntime } from '../lib/runtime.js';

/** Telegram's webhook: every update the bot receives arrives here. */
export default route(async (request) =>
  handleTelegramWebhook(await getRuntime(), {
    method: request.method,
    secretHeader: header(request, 'x-telegram-bot-api-secret-token'),
    rawBody: await postBody(request),
  }),
);
