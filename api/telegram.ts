import { type ApiRequest, type ApiResponse, headerOf, readRawBody, sendJson } from '../lib/http/node.js';
import { handleTelegramWebhook } from '../lib/http/telegram-webhook.js';
import { getRuntime } from '../lib/runtime.js';

export const config = { maxDuration: 10 };

export default async function handler(req: ApiRequest, res: ApiResponse): Promise<void> {
  const result = await handleTelegramWebhook(await getRuntime(), {
    method: req.method ?? 'GET',
    secretHeader: headerOf(req, 'x-telegram-bot-api-secret-token'),
    rawBody: req.method === 'POST' ? await readRawBody(req) : '',
  });
  sendJson(res, result.status, result.body);
}
