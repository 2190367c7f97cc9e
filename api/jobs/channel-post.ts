import { jobRoute } from '../../lib/http/jobs.js';

/** QStash calls this after an offer changes, to post or edit it in the public channel. */
export default jobRoute('channel-post');
