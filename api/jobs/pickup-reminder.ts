import { jobRoute } from '../../lib/http/jobs.js';

/** QStash calls this 30 minutes before a pickup window opens and 15 before it closes. */
export default jobRoute('pickup-reminder');
