import { handleJob } from '../../lib/http/jobs.js';
import { type ApiRequest, type ApiResponse, headerOf, readRawBody, sendJson } from '../../lib/http/node.js';
import { expireOfferPayload, runExpireOffer } from '../../lib/jobs/expire-offer.js';
import { notifyNoShows } from '../../lib/jobs/notify-offer-changes.js';
import { getRuntime } from '../../lib/runtime.js';

/** QStash calls this when an offer's pickup window ends. */
export default async function handler(req: ApiRequest, res: ApiResponse): Promise<void> {
  const { deps, bot } = await getRuntime();
  const result = await handleJob(
    {
      method: req.method ?? 'GET',
      signature: headerOf(req, 'upstash-signature'),
      rawBody: req.method === 'POST' ? await readRawBody(req) : '',
      url: `${deps.config.publicUrl}/api/jobs/expire-offer`,
    },
    {
      keys: deps.config.qstash,
      log: deps.log,
      schema: expireOfferPayload,
      run: (payload) => runExpireOffer(deps, bot.telegram, payload, notifyNoShows),
    },
  );
  sendJson(res, result.status, result.body);
}
