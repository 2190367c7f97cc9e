import { jobRoute } from '../../lib/http/jobs.js';

/** QStash calls this when a hold for an online payment ends (issue 18). */
export default jobRoute('expire-payment');
