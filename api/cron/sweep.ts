import { checkCronAuth, runJob } from '../../lib/http/jobs.js';
import { type ApiRequest, type ApiResponse, headerOf, sendJson } from '../../lib/http/node.js';
import { runSweep } from '../../lib/jobs/expire-offer.js';
import { notifyNoShows } from '../../lib/jobs/notify-offer-changes.js';
import { getRuntime } from '../../lib/runtime.js';

/** Vercel Cron (daily): expires what a lost callback missed. */
export default async function handler(req: ApiRequest, res: ApiResponse): Promise<void> {
  const { deps, bot } = await getRuntime();
  if (!checkCronAuth(headerOf(req, 'authorization'), deps.config.cronSecret)) {
    deps.log.warn('cron_unauthorized');
    return sendJson(res, 401, { error: 'unauthorized' });
  }
  const result = await runJob(() => runSweep(deps, bot.telegram, notifyNoShows), deps.log, 'sweep');
  sendJson(res, result.status, result.body);
}
