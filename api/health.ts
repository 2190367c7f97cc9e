import { runtimeHealth } from '../lib/http/health.js';
import { route } from '../lib/http/web.js';
import { getRuntime } from '../lib/runtime.js';

/** For the operator and uptime checks: the configuration valid, both stores reachable, the newest migration applied. */
export default route(() => runtimeHealth(getRuntime()));
