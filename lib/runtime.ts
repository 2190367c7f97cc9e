import { type BotHandle, type BotOptions, createBot } from './bot/index.js';
import { loadConfig, requireBotToken } from './config.js';
import { createDeps, type Deps } from './deps.js';
import { createRateLimiter, type RateLimiter } from './infra/ratelimit.js';
import { runJobByName } from './jobs/registry.js';

/** What the HTTP handlers need, built once per cold start (or once per test). */
export interface Runtime extends BotHandle {
  deps: Deps;
  limiter: RateLimiter;
}

export function createRuntime(deps: Deps, options: BotOptions = {}): Runtime {
  const token = requireBotToken(deps.config);
  const handle = createBot(deps, token, options);
  const limiter = createRateLimiter(deps.redis, {
    prefix: 'rl:update',
    maxRequests: deps.config.rateLimit.maxRequests,
    windowSeconds: deps.config.rateLimit.windowSeconds,
  });
  // Local runs: the in-process scheduler delivers jobs here, as QStash would POST them to /api/jobs/*.
  deps.jobRunner = async (name, payload) => {
    await runJobByName(deps, handle.bot.telegram, name, payload);
  };
  return { ...handle, deps, limiter };
}

let shared: Promise<Runtime> | undefined;

/** The process-wide runtime for the Vercel functions; a failed start is retried on the next request. */
export function getRuntime(): Promise<Runtime> {
  // The environment is parsed once per cold start, not per request.
  shared ??= Promise.resolve()
    .then(() => createDeps(loadConfig()))
    .then(createRuntime);
  shared.catch(() => {
    shared = undefined;
  });
  return shared;
}

/** Lets the dev server (and tests) install a runtime they built themselves. */
export function setRuntime(runtime: Runtime): void {
  shared = Promise.resolve(runtime);
}
