import { route } from '../lib/http/web.js';
import { healthWithAlert } from '../lib/ops/health-alert.js';
import { getRuntime } from '../lib/runtime.js';

/**
 * For the operator and uptime checks: the configuration valid, both stores reachable, the newest migration
 * applied. A failure also alerts the admins (at most once per 15 minutes).
 */
export default route(() => healthWithAlert(getRuntime()));
