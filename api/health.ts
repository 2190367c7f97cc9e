import { checkHealth } from '../lib/http/health.js';
import { route } from '../lib/http/web.js';
import { getRuntime } from '../lib/runtime.js';

/** For the operator and uptime checks: both stores reachable, the newest migration applied. */
export default route(async () => checkHealth((await getRuntime()).deps));
