import { jobRoute } from '../../lib/http/jobs.js';

/** QStash calls this to retry notices that could not be delivered at once (the outbox). */
export default jobRoute('deliver-notices');
