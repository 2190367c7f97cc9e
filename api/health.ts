import { checkHealth } from '../lib/http/health.js';
import { type ApiRequest, type ApiResponse, sendJson } from '../lib/http/node.js';
import { getRuntime } from '../lib/runtime.js';

export default async function handler(_req: ApiRequest, res: ApiResponse): Promise<void> {
  const { deps } = await getRuntime();
  const report = await checkHealth(deps);
  sendJson(res, report.status, report.body);
}
