import { jobRoute } from '../../lib/http/jobs.js';

/** QStash calls this to hand due refunds to Stripe (issue 18). */
export default jobRoute('refund');
