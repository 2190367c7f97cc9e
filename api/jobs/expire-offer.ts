import { handleJob } from '../../lib/http/jobs.js';
import { header, postBody, route } from '../../lib/http/web.js';
import { expireOfferPayload, runExpireOffer } from '../../lib/jobs/expire-offer.js';
import { notifyNoShows } from '../../lib/jobs/notify-offer-changes.js';
import { getRuntime } from '../../lib/runtime.js';

/** QStash calls this when an offer's pickup window ends. */
export default route(async (request) => {
  const { deps, bot } = await getRuntime();
  return handleJob(
    {
      method: request.method,
      signature: header(request, 'upstash-signature'),
      rawBody: await postBody(request),
      url: `${deps.config.publicUrl}/api/jobs/expire-offer`,
    },
    {
      keys: deps.config.qstash,
      log: deps.log,
      schema: expireOfferPayload,
      run: (payload) => runExpireOffer(deps, bot.telegram, payload, notifyNoShows),
    },
  );
});
