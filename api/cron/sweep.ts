import { checkCronAuth, runJob } from '../../lib/http/jobs.js';
import { header, route } from '../../lib/http/web.js';
import { runSweep } from '../../lib/jobs/expire-offer.js';
import { countingErrors } from '../../lib/ops/alerts.js';
import { getRuntime } from '../../lib/runtime.js';

/** Vercel Cron (daily): expires what a lost callback missed, settles leftovers, retries due notices. */
export default route(async (request) => {
  const { deps, bot } = await getRuntime();
  if (!checkCronAuth(header(request, 'authorization'), deps.config.cronSecret)) {
    deps.log.warn('cron_unauthorized');
    return { status: 401, body: { error: 'unauthorized' } };
  }
  return runJob(
    () => countingErrors(deps, bot.telegram, () => runSweep(deps, bot.telegram)),
    deps.log,
    'sweep',
  );
});
