import { jobRoute } from '../../lib/http/jobs.js';

/** QStash calls this when a recurring drop is due to publish. */
export default jobRoute('publish-drop');
