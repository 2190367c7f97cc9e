import { jobRoute } from '../../lib/http/jobs.js';

/** QStash calls this when an offer's pickup window ends. */
export default jobRoute('expire-offer');
