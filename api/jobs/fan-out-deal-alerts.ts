import { jobRoute } from '../../lib/http/jobs.js';

/** QStash calls this for each batch of a published offer's new-deal alerts. */
export default jobRoute('fan-out-deal-alerts');
